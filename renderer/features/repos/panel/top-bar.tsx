import type { RepoState } from '../../../../preload/contract';
import { StepHeading } from '../../../components/step-heading';
import { remoteKindText } from '../repo-text';
import { BranchMenu } from './branch-menu';
import { SyncBar } from './sync-bar';

/** The workspace's top: the repository's name and where it lives, its branch, and how it stands with the Hub. */
export function TopBar({ state }: { readonly state: RepoState }) {
  const origin = state.remotes.find((remote) => remote.name === 'origin') ?? state.remotes[0];
  return (
    <header className="top-bar">
      <div className="top-bar__repo">
        <StepHeading>{state.path.split(/[\\/]/).pop()}</StepHeading>
        <p className="top-bar__where muted">
          <code>{state.path}</code>
          {origin ? ` · ${remoteKindText(origin.kind)}: ${origin.shown}` : ''}
        </p>
      </div>
      <div className="top-bar__tools">
        <BranchMenu state={state} />
        <SyncBar state={state} />
      </div>
    </header>
  );
}

import type { RepoState } from '../../../../preload/contract';
import { remoteKindText } from '../repo-text';

/** Where the repository is, its branch and remote, and how far it is from the Hub. */
export function RepoSummary({ state }: { readonly state: RepoState }) {
  const origin = state.remotes.find((remote) => remote.name === 'origin') ?? state.remotes[0];
  return (
    <>
      <p className="lead">
        <code>{state.path}</code>
        {state.branch ? ` · branch ${state.branch}` : ' · no branch checked out'}
        {origin ? ` · ${remoteKindText(origin.kind)}: ${origin.shown}` : ''}
      </p>
      {state.ahead > 0 || state.behind > 0 ? (
        <p className="note">
          {state.ahead > 0 ? `${state.ahead} commit(s) to push. ` : ''}
          {state.behind > 0 ? `The Hub has ${state.behind} commit(s) you do not have yet: pull first.` : ''}
        </p>
      ) : null}
    </>
  );
}

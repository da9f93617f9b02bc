import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../../components/error-panel';
import { StepHeading } from '../../../components/step-heading';
import { useAppStore } from '../../../store/app-store';
import { DiffPane } from './diff-pane';
import { HubRules } from './hub-rules';
import { LfsNotes } from './lfs-notes';
import { OpenedPath } from './opened-path';
import { RecoveryPanel } from './recovery-panel';
import { RepoError } from './repo-error';
import { PullRequests } from './pull-requests';
import { RunOutcome } from './run-outcome';
import { TopBar } from './top-bar';
import { WorkspaceNotes } from './workspace-notes';
import { WorkspaceTabs } from './workspace-tabs';

/**
 * One repository as a workspace, after GitHub Desktop: its name, branch and the Hub at the top,
 * Changes and History on one side, the selected file's diff on the other; below, the Hub's rules
 * for the push and everything that can be brought back.
 */
export function RepoPanel({ path }: { readonly path: string }) {
  const { state, error, enter, openRepoAt } = useAppStore(
    useShallow((store) => ({
      state: store.repoState,
      error: store.repoError,
      enter: store.enterWorkspace,
      openRepoAt: store.openRepoAt,
    })),
  );
  useEffect(() => enter(path), [path, enter]);

  // Both screens start with the same heading element, so it keeps the focus it took on arrival.
  if (!state)
    return (
      <div className="step">
        <StepHeading>Opening {path}</StepHeading>
        {error ? <ErrorPanel error={error} /> : <p role="status">Reading the repository…</p>}
        <div className="step-actions">
          <button type="button" className="button" onClick={() => openRepoAt(null)}>
            Back to your repositories
          </button>
        </div>
      </div>
    );

  return (
    <div className="workspace">
      <TopBar state={state} />
      <WorkspaceNotes />
      <RunOutcome />
      <PullRequests />
      {error ? <RepoError error={error} /> : null}
      <OpenedPath />
      <LfsNotes state={state} />
      <div className="workspace__panes">
        <WorkspaceTabs state={state} />
        <DiffPane />
      </div>
      <HubRules state={state} />
      <RecoveryPanel />
      <div className="step-actions">
        <button type="button" className="button" onClick={() => openRepoAt(null)}>
          Back to your repositories
        </button>
      </div>
    </div>
  );
}

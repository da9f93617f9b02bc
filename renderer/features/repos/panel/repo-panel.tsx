import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../../components/error-panel';
import { StepHeading } from '../../../components/step-heading';
import { useAppStore } from '../../../store/app-store';
import { ChangesTable } from './changes-table';
import { CommitForm } from './commit-form';
import { HubRules } from './hub-rules';
import { IdentityForm } from './identity-form';
import { LfsNotes } from './lfs-notes';
import { RepoActions } from './repo-actions';
import { RepoSummary } from './repo-summary';
import { RunOutcome } from './run-outcome';

/** One repository: its changes, the Hub's rules, commit, push and pull, large files. */
export function RepoPanel({ path }: { readonly path: string }) {
  const { state, error, enter, leave, openRepoAt } = useAppStore(
    useShallow((store) => ({
      state: store.repoState,
      error: store.repoError,
      enter: store.enterRepo,
      leave: store.leaveRepo,
      openRepoAt: store.openRepoAt,
    })),
  );
  useEffect(() => {
    void enter(path);
    return leave;
  }, [path, enter, leave]);

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
    <div className="step">
      <StepHeading>{state.path.split(/[\\/]/).pop()}</StepHeading>
      <RepoSummary state={state} />
      <LfsNotes state={state} />
      <ChangesTable state={state} />
      {state.identity === null ? <IdentityForm /> : null}
      {state.changes.length > 0 ? <CommitForm state={state} /> : null}
      <HubRules state={state} />
      <RunOutcome />
      {error ? <ErrorPanel error={error} /> : null}
      <RepoActions state={state} />
    </div>
  );
}

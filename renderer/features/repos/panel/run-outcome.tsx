import { useShallow } from 'zustand/react/shallow';
import { OutcomePanel } from '../../../components/outcome-panel';
import { RunProgress } from '../../../components/run-progress';
import { useAppStore } from '../../../store/app-store';

/** What the last action came to: a note, a run's progress, or how a push or pull ended (the failure table's answer). */
export function RunOutcome() {
  const { note, run, outcome, cancel, retry, runRemote, removeLock, focusConflicts } = useAppStore(
    useShallow((store) => ({
      note: store.repoNote,
      run: store.repoRuns.repo,
      outcome: store.repoOutcome,
      cancel: store.cancelRepoRun,
      retry: store.retryRepoRun,
      runRemote: store.runRepoRemote,
      removeLock: store.removeRepoLock,
      focusConflicts: store.focusConflicts,
    })),
  );
  const lock = outcome?.outcome.files?.[0];
  return (
    <>
      {note ? (
        <p className="success-note" role="status">
          {note}
        </p>
      ) : null}
      {run ? (
        <RunProgress
          label="Progress"
          event={run.event}
          onCancel={() => void cancel('repo')}
          onRetry={() => void retry('repo')}
        />
      ) : null}
      {outcome ? (
        <OutcomePanel
          outcome={outcome.outcome}
          okTitle={outcome.message}
          output={outcome.output}
          actions={{
            pull_first: () => void runRemote('pull'),
            lfs_pull: () => void runRemote('lfs-pull'),
            resolve_conflicts: focusConflicts,
            // The pull now sets local changes aside and puts them back by itself.
            stash_and_retry: () => void runRemote('pull'),
            ...(lock === undefined ? {} : { remove_stale_lock: () => void removeLock(lock) }),
          }}
        />
      ) : null}
    </>
  );
}

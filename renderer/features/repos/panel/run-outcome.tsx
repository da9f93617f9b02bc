import { Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { OutcomePanel } from '../../../components/outcome-panel';
import { RunProgress } from '../../../components/run-progress';
import { useAppStore } from '../../../store/app-store';
import { SpaceStatus } from '../../hub';
import { UnlockKeyForm } from './unlock-key-form';

/** NAME/REPO of the Space the main Hub remote is, when it is one (`spaces/NAME/REPO`). */
export function spaceOf(
  remotes: readonly { readonly name: string; readonly kind: string; readonly repo?: string }[],
): string | null {
  const hubs = remotes.filter((remote) => remote.kind !== 'other' && remote.repo !== undefined);
  const hub = hubs.find((remote) => remote.name === 'origin') ?? hubs[0];
  return hub?.repo?.startsWith('spaces/') ? hub.repo.slice('spaces/'.length) : null;
}

/** What the last action came to: a note, a run's progress, or how a push or pull ended (the failure table's answer). */
export function RunOutcome() {
  const {
    note,
    run,
    outcome,
    cancel,
    retry,
    runRemote,
    removeLock,
    largeFiles,
    focusConflicts,
    openPr,
    space,
    pushed,
  } = useAppStore(
    useShallow((store) => ({
      openPr: store.showPullRequestForm,
      space: spaceOf(store.repoState?.remotes ?? []),
      pushed: store.repoLastRemote === 'push' && store.repoOutcome?.ok === true,
      note: store.repoNote,
      run: store.repoRuns.repo,
      outcome: store.repoOutcome,
      cancel: store.cancelRepoRun,
      retry: store.retryRepoRun,
      runRemote: store.runRepoRemote,
      removeLock: store.removeRepoLock,
      largeFiles: store.enableRepoLargeFiles,
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
            open_pull_request: () => void openPr(),
            enable_large_files: () => void largeFiles(),
          }}
        />
      ) : null}
      {outcome?.outcome.action === 'unlock_key' && outcome.outcome.files?.[0] ? (
        <UnlockKeyForm keyName={outcome.outcome.files[0]} />
      ) : null}
      {pushed && space ? (
        // Its own boundary: SpaceStatus loads on first use and must not blank the workspace.
        <Suspense fallback={null}>
          <SpaceStatus space={space} />
        </Suspense>
      ) : null}
    </>
  );
}

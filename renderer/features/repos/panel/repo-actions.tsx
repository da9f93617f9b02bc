import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';

/** The foot of the screen: back, refresh, and the two ways to meet the Hub; Push waits for the rules. */
export function RepoActions({ state }: { readonly state: RepoState }) {
  const { running, openRepoAt, reload, runRemote } = useAppStore(
    useShallow((store) => ({
      running: store.repoRuns.repo !== null,
      openRepoAt: store.openRepoAt,
      reload: store.reloadRepo,
      runRemote: store.runRepoRemote,
    })),
  );
  return (
    <div className="step-actions">
      <button type="button" className="button" onClick={() => openRepoAt(null)}>
        Back to your repositories
      </button>
      <button type="button" className="button" disabled={running} onClick={() => void reload()}>
        Refresh
      </button>
      <button type="button" className="button" disabled={running} onClick={() => void runRemote('pull')}>
        Pull
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={running || state.prePush.problems.some((problem) => problem.blocking)}
        onClick={() => void runRemote('push')}
      >
        Push
      </button>
    </div>
  );
}

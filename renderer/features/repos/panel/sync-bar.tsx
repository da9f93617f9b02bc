import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { syncText } from '../workspace/workspace-text';

/**
 * How the branch stands with the Hub ("The Hub has 2 new commits: Pull", "1 commit to push"), and
 * Refresh, Pull and Push. Push waits for the Hub's rules and for a merge in progress to finish.
 * "More" opens a pull request on the Hub or lists the open ones.
 */
export function SyncBar({ state }: { readonly state: RepoState }) {
  const { running, reload, fetch, runRemote, lastFetch, openPr, listPrs } = useAppStore(
    useShallow((store) => ({
      openPr: store.showPullRequestForm,
      listPrs: store.showPullRequests,
      lastFetch: store.lastFetch,
      running: store.repoRuns.repo !== null,
      reload: store.reloadRepo,
      fetch: store.fetchOpenRepo,
      runRemote: store.runRepoRemote,
    })),
  );
  // The state's counts: the fetch moved the remote-tracking branch, and the state was read after it.
  const { ahead, behind } = state;
  const offline = (state.fetch ?? lastFetch)?.offline === true;
  const blocked = state.prePush.problems.some((problem) => problem.blocking);
  const merging = state.inProgress !== null;
  const pushWhy = merging
    ? 'Finish or abort the pull first.'
    : blocked
      ? 'Fix the Hub’s rules below first.'
      : null;
  return (
    <div className="sync-bar">
      <p className="sync-bar__state" role="status">
        {merging
          ? 'A pull is in the middle: resolve the conflicts, then commit'
          : syncText(ahead, behind, state.upstream === null ? state.prePush.commits : undefined)}
        {offline ? <span className="sync-bar__offline"> · Offline: could not reach the Hub</span> : null}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => void reload().then(() => fetch(true))}
        >
          Refresh
        </button>
        <button
          type="button"
          className={behind > 0 ? 'button button--primary' : 'button'}
          disabled={running || merging}
          onClick={() => void runRemote('pull')}
        >
          Pull
        </button>
        <button
          type="button"
          className={behind === 0 && ahead > 0 ? 'button button--primary' : 'button'}
          disabled={running || blocked || merging}
          aria-describedby={pushWhy ? 'push-why' : undefined}
          onClick={() => void runRemote('push')}
        >
          Push
        </button>
        {state.remotes.some((remote) => remote.kind !== 'other') ? (
          <details className="sync-bar__more">
            <summary className="button">More</summary>
            <div className="sync-bar__menu" role="group" aria-label="More with the Hub">
              <button
                type="button"
                className="button button--quiet"
                disabled={running}
                onClick={(event) => {
                  event.currentTarget.closest('details')?.removeAttribute('open');
                  void openPr();
                }}
              >
                Open a pull request…
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={(event) => {
                  event.currentTarget.closest('details')?.removeAttribute('open');
                  void listPrs();
                }}
              >
                Pull requests
              </button>
            </div>
          </details>
        ) : null}
      </div>
      {pushWhy ? (
        <p className="sync-bar__why muted" id="push-why">
          {pushWhy}
        </p>
      ) : null}
    </div>
  );
}

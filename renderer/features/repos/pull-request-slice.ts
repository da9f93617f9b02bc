import type { StateCreator } from 'zustand';
import type { AppError, PullRequestView, Result } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import * as prs from './pull-request-service';
import { withProgress } from './repos-service';

/** What the workspace's pull request panel shows: nothing, the form to open one, or the open ones. */
export type PullRequestPanel = 'closed' | 'form' | 'list';

/** Why the Hub's API needs a token here, in the one sentence the token dialog says. */
export const PR_TOKEN_REASON = 'Pull requests are opened through the Hub’s API, which SSH keys cannot call.';

export interface PullRequestSlice {
  readonly prPanel: PullRequestPanel;
  /** The title the form starts with: the last commit's subject. */
  readonly prTitle: string;
  readonly pullRequests: readonly PullRequestView[] | null;
  /** The pull request just opened or pushed to, with the ref the commits went to. */
  readonly prDone: { readonly pr: PullRequestView; readonly pushed: string; readonly opened: boolean } | null;
  readonly prError: AppError | null;
  /** The Hub's API answered api_token_needed: the token dialog shows, and the call runs again after it. */
  readonly prTokenNeeded: boolean;
  readonly showPullRequestForm: () => Promise<void>;
  readonly showPullRequests: () => Promise<void>;
  readonly closePullRequests: () => void;
  readonly openPullRequest: (title: string, description: string) => Promise<void>;
  readonly pushToPullRequest: (num: number) => Promise<void>;
  /** The token dialog is done: the call that needed it runs again. */
  readonly prTokenGiven: () => Promise<void>;
  readonly prTokenCancelled: () => void;
  /**
   * Unlocks the app's SSH key in place (outcome action unlock_key) and runs the push or pull again.
   * Answers the error for the passphrase field (a wrong passphrase), or null when it went on.
   */
  readonly unlockKeyAndRetry: (name: string, passphrase: string) => Promise<AppError | null>;
}

const CLOSED = {
  prPanel: 'closed',
  prTitle: '',
  pullRequests: null,
  prDone: null,
  prError: null,
  prTokenNeeded: false,
} as const;

export const createPullRequestSlice: StateCreator<AppStore, [], [], PullRequestSlice> = (set, get) => {
  /** The call to run again once a token is given. */
  let pending: (() => Promise<void>) | null = null;

  /** Runs a long call in the workspace's run slot, its progress shown like a push's. */
  const startRun = async <T>(call: (runId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const setRun = (run: AppStore['repoRuns']['repo']) =>
      set((state) => ({ repoRuns: { ...state.repoRuns, repo: run } }));
    const { runId, result } = await withProgress(
      (event) => {
        if (get().repoRuns.repo?.runId === event.runId) setRun({ runId: event.runId, event });
      },
      (id) => {
        setRun({ runId: id, event: null });
        return call(id);
      },
    );
    if (get().repoRuns.repo?.runId === runId) setRun(null);
    return result;
  };

  /** Shows a failure, or the token dialog (and remembers the call) when the API needs a token. */
  const failed = (error: AppError, again: () => Promise<void>) => {
    if (error.code === 'api_token_needed') {
      pending = again;
      set({ prTokenNeeded: true, prError: null });
    } else set({ prError: error });
  };

  const loadList = async (): Promise<void> => {
    const path = get().repoState?.path;
    if (!path) return;
    const visit = get().repoVisit;
    const result = await prs.listPullRequests(path);
    if (get().repoVisit !== visit) return;
    if (result.ok) set({ pullRequests: result.value, prError: null });
    else failed(result.error, loadList);
  };

  return {
    ...CLOSED,
    showPullRequestForm: async () => {
      const path = get().repoState?.path;
      if (!path) return;
      set({ ...CLOSED, prPanel: 'form', repoOutcome: null });
      const subject = await prs.lastCommitSubject(path);
      if (get().prPanel === 'form' && get().prTitle === '') set({ prTitle: subject ?? '' });
    },
    showPullRequests: async () => {
      set({ ...CLOSED, prPanel: 'list' });
      await loadList();
    },
    closePullRequests: () => {
      pending = null;
      set(CLOSED);
    },
    openPullRequest: async (title, description) => {
      const path = get().repoState?.path;
      if (!path || get().repoRuns.repo) return;
      const visit = get().repoVisit;
      set({ prError: null, prDone: null, prTitle: title });
      const result = await startRun(prs.openPullRequestCall(path, title, description));
      if (get().repoVisit !== visit) return;
      if (result.ok) set({ prDone: { ...result.value, opened: true }, repoOutcome: null });
      else failed(result.error, () => get().openPullRequest(title, description));
      await get().reloadRepo();
    },
    pushToPullRequest: async (num) => {
      const path = get().repoState?.path;
      if (!path || get().repoRuns.repo) return;
      const visit = get().repoVisit;
      set({ prError: null, prDone: null });
      const result = await startRun(prs.pushToPullRequestCall(path, num));
      if (get().repoVisit !== visit) return;
      if (result.ok) set({ prDone: { ...result.value, opened: false } });
      else failed(result.error, () => get().pushToPullRequest(num));
      await get().reloadRepo();
    },
    prTokenGiven: async () => {
      const again = pending;
      pending = null;
      set({ prTokenNeeded: false });
      if (again) await again();
    },
    prTokenCancelled: () => {
      pending = null;
      set({ prTokenNeeded: false });
    },
    unlockKeyAndRetry: async (name, passphrase) => {
      const result = await prs.unlockKey(name, passphrase);
      if (!result.ok) return result.error;
      await get().runRepoRemote(get().repoLastRemote ?? 'push');
      return null;
    },
  };
};

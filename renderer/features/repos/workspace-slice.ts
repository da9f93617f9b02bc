import type { StateCreator } from 'zustand';
import type {
  AppError,
  CommitFileView,
  CommitView,
  DiffSource,
  DiffView,
  FetchView,
  RepoState,
  Result,
} from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { OPS_START } from './workspace-ops-slice';
import * as ws from './workspace-service';

/** The two lists beside the diff, as in GitHub Desktop. */
export type WorkspaceTab = 'changes' | 'history';

/** What the diff pane shows: an uncommitted change (ticked or not), or a file of a commit. */
export type Selection =
  | { readonly kind: 'change'; readonly file: string; readonly staged: boolean }
  | { readonly kind: 'commit'; readonly commit: string; readonly file: string | null };

/** The browser-mode answer of "Open in editor" / "Show in folder": the path, to copy. */
export interface OpenedPath {
  readonly path: string;
  readonly opened: boolean;
}

/** The history tab's page of commits. */
export interface HistoryPage {
  readonly commits: readonly CommitView[];
  readonly more: boolean;
}

/**
 * The repository workspace (issue 12) beside the repos slice's state: what is selected and its
 * diff, the history, the branches, what can be brought back, and the fetch and the watcher that
 * keep it all current. It lives and dies with the repos slice's visit (`repoVisit`).
 */
export interface WorkspaceSlice {
  readonly workspaceTab: WorkspaceTab;
  readonly setWorkspaceTab: (tab: WorkspaceTab) => void;
  readonly selection: Selection | null;
  readonly diff: DiffView | null;
  readonly diffError: AppError | null;
  readonly diffMode: 'unified' | 'split';
  readonly setDiffMode: (mode: 'unified' | 'split') => void;
  readonly selectChange: (file: string, staged: boolean) => Promise<void>;
  readonly selectCommit: (commit: string) => Promise<void>;
  readonly selectCommitFile: (file: string) => Promise<void>;
  readonly history: HistoryPage | null;
  readonly loadHistory: (more: boolean) => Promise<void>;
  readonly commitFiles: readonly CommitFileView[] | null;
  /**
   * Runs a call that answers the open repository's new state (inside `stateOf` of its value),
   * then refreshes what follows the state (history, branches, the shown diff); the watcher's
   * reads wait for it. Answers the value, or null when it failed or the visit ended.
   */
  readonly changeRepo: <T>(
    call: (repo: string) => Promise<Result<T>>,
    stateOf: (value: T) => RepoState,
    after?: (value: T) => void,
  ) => Promise<T | null>;
  /** Fetches the Hub remote; `force` only for Refresh (main throttles the others). */
  readonly fetchOpenRepo: (force: boolean) => Promise<void>;
  /** The last fetch's answer, for when the state read after it does not carry it. */
  readonly lastFetch: FetchView | null;
  readonly openRepoPath: (file: string | null, how: 'editor' | 'folder') => Promise<void>;
  readonly openedPath: OpenedPath | null;
  /** Bumped by the failure table's resolve_conflicts: the conflicts list takes the focus. */
  readonly conflictsFocus: number;
  readonly focusConflicts: () => void;
  /** Opens the repository's visit, watches and fetches it; answers how to leave (which stops all that). */
  readonly enterWorkspace: (path: string) => () => void;
}

const WORKSPACE_START = {
  workspaceTab: 'changes',
  selection: null,
  diff: null,
  diffError: null,
  history: null,
  commitFiles: null,
  ...OPS_START,
  openedPath: null,
  conflictsFocus: 0,
  lastFetch: null,
} as const;

const HISTORY_PAGE = 50;
/** Files changing on disk come in bursts (a save, a build): one read of the state after the burst. */
export const CHANGE_DEBOUNCE_MS = 400;
/** How often an open repository is fetched (main also throttles). */
export const FETCH_EVERY_MS = 5 * 60 * 1000;

export const createWorkspaceSlice: StateCreator<AppStore, [], [], WorkspaceSlice> = (set, get) => {
  const path = () => get().repoState?.path ?? get().openRepo;

  /** Runs a call that answers a new state for the open repository, then refreshes what it touches. */
  const change = async <T>(
    call: (repo: string) => Promise<Result<T>>,
    stateOf: (value: T) => RepoState,
    after?: (value: T) => void,
  ): Promise<T | null> => {
    const repo = path();
    if (!repo) return null;
    const visit = get().repoVisit;
    const result = await get().updateRepo(() => call(repo), stateOf);
    if (get().repoVisit !== visit || !result.ok) return null;
    after?.(result.value);
    void refreshAround();
    return result.value;
  };

  /** After the state changed: the history and the shown diff follow it (the recovery panel reads on each state). */
  const refreshAround = async () => {
    await Promise.all([
      get().history ? get().loadHistory(false) : Promise.resolve(),
      get().branches ? get().loadBranches() : Promise.resolve(),
      refreshDiff(),
    ]);
  };

  /** Shows the diff of `selection` (when it is still the selection once the answer comes). */
  const showDiff = async (selection: Selection, file: string, source: DiffSource) => {
    const repo = path();
    if (!repo) return;
    const result = await ws.fileDiff(repo, file, source);
    if (get().selection !== selection) return;
    set(result.ok ? { diff: result.value, diffError: null } : { diff: null, diffError: result.error });
  };

  /** The selected change again, as the state now has it (ticked or not), or nothing once it is gone. */
  const refreshDiff = async () => {
    const selection = get().selection;
    if (selection?.kind !== 'change') return;
    const now = get().repoState?.changes.find((file) => file.path === selection.file);
    if (!now) {
      set({ selection: null, diff: null, diffError: null });
      return;
    }
    const again: Selection = { kind: 'change', file: now.path, staged: now.staged };
    set({ selection: again });
    await showDiff(again, now.path, { kind: 'change', staged: now.staged });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Files changed on disk: read the state again after the burst, never while a request or a run
   * is going (its answer would be older than the request's): then look again after another pause.
   */
  const repoChanged = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (get().repoBusy > 0 || get().repoRuns.repo) {
        repoChanged();
        return;
      }
      void get()
        .reloadRepo()
        .then(() => refreshDiff());
    }, CHANGE_DEBOUNCE_MS);
  };

  return {
    ...WORKSPACE_START,
    diffMode: 'unified',
    setWorkspaceTab: (workspaceTab) => {
      set({ workspaceTab, selection: null, diff: null, diffError: null, commitFiles: null });
      if (workspaceTab === 'history' && !get().history) void get().loadHistory(false);
    },
    setDiffMode: (diffMode) => set({ diffMode }),
    selectChange: async (file, staged) => {
      const selection: Selection = { kind: 'change', file, staged };
      set({ selection, diff: null, diffError: null, openedPath: null });
      await showDiff(selection, file, { kind: 'change', staged });
    },
    selectCommit: async (commit) => {
      const selection: Selection = { kind: 'commit', commit, file: null };
      set({ selection, diff: null, diffError: null, commitFiles: null, openedPath: null });
      const repo = path();
      if (!repo) return;
      const result = await ws.commitFiles(repo, commit);
      if (get().selection !== selection) return;
      if (!result.ok) {
        set({ diffError: result.error });
        return;
      }
      set({ commitFiles: result.value });
      const first = result.value[0];
      if (first) await get().selectCommitFile(first.path);
    },
    selectCommitFile: async (file) => {
      const current = get().selection;
      if (current?.kind !== 'commit') return;
      const selection: Selection = { kind: 'commit', commit: current.commit, file };
      set({ selection, diff: null, diffError: null, openedPath: null });
      await showDiff(selection, file, { kind: 'commit', commit: current.commit });
    },
    loadHistory: async (more) => {
      const repo = path();
      if (!repo) return;
      const visit = get().repoVisit;
      const shown = more ? (get().history?.commits ?? []) : [];
      const result = await ws.commitHistory(repo, shown.length, HISTORY_PAGE);
      if (get().repoVisit !== visit) return;
      if (result.ok)
        set({ history: { commits: [...shown, ...result.value.commits], more: result.value.more } });
      else set({ repoError: result.error });
    },
    changeRepo: change,
    fetchOpenRepo: async (force) => {
      const repo = path();
      if (!repo) return;
      const visit = get().repoVisit;
      const result = await ws.fetchRepo(repo, force);
      const state = get().repoState;
      if (get().repoVisit !== visit || !result.ok || !state) return;
      const fetched = result.value;
      // The counts came from the remote-tracking branch the fetch just moved: read the state again.
      if (fetched.ahead !== state.ahead || fetched.behind !== state.behind) await get().reloadRepo();
      if (get().repoVisit === visit) set({ lastFetch: fetched });
    },
    openRepoPath: async (file, how) => {
      const repo = path();
      if (!repo) return;
      const result = await ws.openPath(repo, file, how);
      if (result.ok) set({ openedPath: result.value.opened ? null : result.value });
      else set({ repoError: result.error });
    },
    focusConflicts: () =>
      set((state) => ({ workspaceTab: 'changes', conflictsFocus: state.conflictsFocus + 1 })),
    enterWorkspace: (repo) => {
      set({ ...WORKSPACE_START });
      void get()
        .enterRepo(repo)
        .then(() => get().fetchOpenRepo(false));
      void ws.watchRepo(repo);
      const unsubscribe = ws.onRepoChanged((event) => {
        if (event.path === path()) repoChanged();
      });
      const every = setInterval(() => void get().fetchOpenRepo(false), FETCH_EVERY_MS);
      const onFocus = () => {
        if (document.visibilityState === 'visible') void get().fetchOpenRepo(false);
      };
      window.addEventListener('focus', onFocus);
      document.addEventListener('visibilitychange', onFocus);
      return () => {
        clearInterval(every);
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        window.removeEventListener('focus', onFocus);
        document.removeEventListener('visibilitychange', onFocus);
        unsubscribe();
        void ws.cancelFetch(repo);
        void ws.unwatchRepo(repo);
        set({ ...WORKSPACE_START });
        get().leaveRepo();
      };
    },
  };
};

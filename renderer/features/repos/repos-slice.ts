import type { StateCreator } from 'zustand';
import type {
  AppError,
  Events,
  RecentRepoView,
  RemoteRunView,
  RepoAccess,
  RepoKind,
  RepoState,
  Result,
} from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { isBareName } from './repo-text';
import * as repos from './repos-service';

/** The long runs the screen shows: a clone and a fork at home, and git's remote work in a repository. */
export type RepoRunSlot = 'clone' | 'fork' | 'repo';

/** A long run in flight: its id, for Cancel, and git's latest progress. */
export interface RepoRun {
  readonly runId: string;
  readonly event: Events['repoProgress'] | null;
}

/** What main said about the clone address last typed: why it is refused, and whether it is a bare NAME/REPO. */
export interface CloneCheck {
  readonly problem: string | null;
  readonly bare: boolean;
}

/**
 * A clone that finished with large files still placeholders (the download stopped part-way, or
 * git-lfs is missing): the home screen offers "Download the rest" instead of opening it half-done.
 */
export interface KeptClone {
  readonly path: string;
  readonly pointers: number;
  /** Why the download stopped, in the failure table's words, when main knows. */
  readonly why?: string;
}

/** The open repository's operations that talk to the Hub. */
export type RemoteAction = 'push' | 'pull' | 'lfs-pull';

/**
 * The repositories screen. What a screen showed only while it was on screen (the home's answers,
 * the open repository's state) belongs to a visit: entering starts one, leaving ends it, and the
 * late answer of an ended visit is dropped, so coming back starts afresh, as before the slice.
 */
export interface ReposSlice {
  /** The repository open on the screen, if any. */
  readonly openRepo: string | null;
  readonly openRepoAt: (path: string | null) => void;
  readonly repoRuns: Readonly<Record<RepoRunSlot, RepoRun | null>>;
  readonly cancelRepoRun: (slot: RepoRunSlot) => Promise<void>;
  /** Stops the run in `slot` (a stalled one) and, once it has ended, starts the same run again. */
  readonly retryRepoRun: (slot: RepoRunSlot) => Promise<void>;

  readonly repoAccess: RepoAccess | null;
  readonly recentRepos: readonly RecentRepoView[];
  readonly cloneCheck: CloneCheck;
  readonly cloneError: AppError | null;
  /** The last clone, kept with placeholders, until its rest is downloaded or it is opened. */
  readonly keptClone: KeptClone | null;
  readonly forkError: AppError | null;
  /** The home screen's visit in progress, or null when it is not on screen. */
  readonly repoHomeVisit: object | null;
  /** Reads which ways to the Hub are set up, and the recent repositories. */
  readonly enterRepoHome: () => Promise<void>;
  readonly leaveRepoHome: () => void;
  /** Asks main about a typed clone address; answers the revision it names, for an empty revision field. */
  readonly checkCloneAddress: (text: string, kind: RepoKind) => Promise<string | null>;
  /** Clones with progress, then opens the clone (or offers the rest of its large files first). */
  readonly cloneRepo: (request: repos.CloneRequest) => Promise<void>;
  /** "Download the rest": `git lfs pull` in the kept clone, which resumes; opens it when whole. */
  readonly downloadKeptClone: () => Promise<void>;
  /** Opens the kept clone as it is; its screen still offers the download. */
  readonly openKeptClone: () => void;
  /** Forks with progress, then opens the working copy. */
  readonly forkRepo: (request: repos.ForkRequest) => Promise<void>;

  readonly repoState: RepoState | null;
  readonly repoError: AppError | null;
  readonly repoOutcome: RemoteRunView | null;
  readonly repoNote: string | null;
  /** The open repository's visit in progress, or null when it is not on screen. */
  readonly repoVisit: object | null;
  /** The newest request about the repository: only its answer is shown (answers can cross). */
  readonly repoRequest: object | null;
  /** Requests about the repository still in flight (the watcher's reads wait until there are none). */
  readonly repoBusy: number;
  readonly enterRepo: (path: string) => Promise<void>;
  readonly leaveRepo: () => void;
  readonly reloadRepo: () => Promise<void>;
  /**
   * Sends a request that answers the open repository's new state (inside `stateOf` of its value);
   * only the newest request's answer is shown. The workspace's operations go through it too.
   */
  readonly updateRepo: <T>(
    call: () => Promise<Result<T>>,
    stateOf: (value: T) => RepoState,
  ) => Promise<Result<T>>;
  /** Stages the files, or all of them for null. */
  readonly stageRepoFiles: (files: readonly string[] | null) => Promise<void>;
  /** Commits what is staged; true when it worked, so the form can empty its message. */
  readonly commitRepo: (message: string) => Promise<boolean>;
  readonly saveRepoIdentity: (name: string, email: string) => Promise<void>;
  readonly setUpRepoLfs: () => Promise<void>;
  readonly trackRepoLfs: (pattern: string) => Promise<void>;
  /** Rewrites the unpushed commits to move `pattern` into Git LFS (the person ticked their consent). */
  readonly migrateRepoLfs: (pattern: string) => Promise<void>;
  readonly runRepoRemote: (action: RemoteAction) => Promise<void>;
  /** The last push, pull or LFS download started here: what "try again" after unlocking a key runs. */
  readonly repoLastRemote: RemoteAction | null;
  /** Removes the stale lock file an outcome named, then reads the repository again. */
  readonly removeRepoLock: (file: string) => Promise<void>;
  /** "Set up very large files" after the Hub refused a file over 5 GB: the uploader, then the push again. */
  readonly enableRepoLargeFiles: () => Promise<void>;
}

const NO_RUNS: ReposSlice['repoRuns'] = { clone: null, fork: null, repo: null };
const NO_CLONE_CHECK: CloneCheck = { problem: null, bare: false };

const HOME_VISIT_ENDED = {
  repoHomeVisit: null,
  repoAccess: null,
  recentRepos: [],
  cloneCheck: NO_CLONE_CHECK,
  cloneError: null,
  keptClone: null,
  forkError: null,
} as const;

const REPO_VISIT_ENDED = {
  repoVisit: null,
  repoRequest: null,
  repoState: null,
  repoError: null,
  repoOutcome: null,
  repoNote: null,
  repoLastRemote: null,
} as const;

const REMOTE_CALLS: Readonly<
  Record<RemoteAction, (path: string) => (runId: string) => Promise<Result<RemoteRunView>>>
> = {
  push: repos.pushCall,
  pull: repos.pullCall,
  'lfs-pull': repos.lfsPullCall,
};

/** Nothing open, nothing known: a visit reads what it shows when its screen appears. */
export const createReposSlice: StateCreator<AppStore, [], [], ReposSlice> = (set, get) => {
  const setRun = (slot: RepoRunSlot, run: RepoRun | null) =>
    set((state) => ({ repoRuns: { ...state.repoRuns, [slot]: run } }));

  /** How to start each slot's last run again (Retry), and the run going on there now. */
  const restarts: Partial<Record<RepoRunSlot, () => Promise<void>>> = {};
  const going: Partial<Record<RepoRunSlot, Promise<unknown>>> = {};

  /** Runs a slot's whole action, remembering how to start it again and when it has ended (for Retry). */
  const owned = (slot: RepoRunSlot, again: () => Promise<void>, body: () => Promise<void>): Promise<void> => {
    restarts[slot] = again;
    const action = body();
    going[slot] = action;
    return action;
  };

  /** Runs a long call in `slot`, showing its own progress there until it ends. */
  const startRun = async <T>(slot: RepoRunSlot, call: (runId: string) => Promise<Result<T>>) => {
    const { runId, result } = await repos.withProgress(
      (event) => {
        if (get().repoRuns[slot]?.runId === event.runId) setRun(slot, { runId: event.runId, event });
      },
      (id) => {
        setRun(slot, { runId: id, event: null });
        return call(id);
      },
    );
    if (get().repoRuns[slot]?.runId === runId) setRun(slot, null);
    return result;
  };

  /** Sends a request about the open repository; its answer is shown only if no newer one was sent. */
  const updateRepo = async <T>(
    call: () => Promise<Result<T>>,
    stateOf: (value: T) => RepoState,
  ): Promise<Result<T>> => {
    const request = {};
    set((state) => ({ repoRequest: request, repoBusy: state.repoBusy + 1 }));
    const result = await call().finally(() => set((state) => ({ repoBusy: state.repoBusy - 1 })));
    if (get().repoRequest === request)
      set(result.ok ? { repoState: stateOf(result.value), repoError: null } : { repoError: result.error });
    return result;
  };
  const update = (call: () => Promise<Result<RepoState>>) => updateRepo(call, (state) => state);

  return {
    openRepo: null,
    openRepoAt: (openRepo) => set({ openRepo, view: 'repos' }),
    repoRuns: NO_RUNS,
    cancelRepoRun: async (slot) => {
      const run = get().repoRuns[slot];
      if (run) await repos.cancelRepoRun(run.runId);
    },
    retryRepoRun: async (slot) => {
      const run = get().repoRuns[slot];
      const again = restarts[slot];
      if (!run || !again) return;
      await repos.cancelRepoRun(run.runId);
      // The cancelled run ends first (a clone removes what it made); then the same run again.
      await going[slot];
      await again();
    },

    ...HOME_VISIT_ENDED,
    enterRepoHome: async () => {
      const visit = {};
      set({ repoHomeVisit: visit });
      const live = () => get().repoHomeVisit === visit;
      await Promise.all([
        repos.repoAccess().then((result) => {
          if (result.ok && live()) set({ repoAccess: result.value });
        }),
        repos.recentRepos().then((result) => {
          if (result.ok && live()) set({ recentRepos: result.value });
        }),
      ]);
    },
    // A clone or fork still running goes on in main; the screen stops following it.
    leaveRepoHome: () =>
      set((state) => ({ ...HOME_VISIT_ENDED, repoRuns: { ...state.repoRuns, clone: null, fork: null } })),
    checkCloneAddress: async (text, kind) => {
      const visit = get().repoHomeVisit;
      const result = await repos.parseRepo(text, kind);
      if (get().repoHomeVisit !== visit) return null;
      set({
        cloneCheck: { problem: result.ok ? null : result.error.message, bare: result.ok && isBareName(text) },
      });
      return result.ok ? (result.value.revision ?? null) : null;
    },
    cloneRepo: async (request) => {
      if (get().repoRuns.clone) return;
      await owned(
        'clone',
        () => get().cloneRepo(request),
        async () => {
          const visit = get().repoHomeVisit;
          set({ cloneError: null, keptClone: null });
          const result = await startRun('clone', repos.cloneCall(request));
          const here = get().repoHomeVisit === visit;
          if (result.ok && result.value.pointers > 0 && here)
            set({
              keptClone: {
                path: result.value.path,
                pointers: result.value.pointers,
                ...(result.value.interrupted ? { why: result.value.interrupted.message } : {}),
              },
            });
          // A finished clone opens even if the person went elsewhere meanwhile, as it always has.
          else if (result.ok) get().openRepoAt(result.value.path);
          else if (here) set({ cloneError: result.error });
        },
      );
    },
    downloadKeptClone: async () => {
      const kept = get().keptClone;
      if (!kept || get().repoRuns.clone) return;
      // Retry in the clone's slot starts this download again, not the clone.
      await owned(
        'clone',
        () => get().downloadKeptClone(),
        async () => {
          const visit = get().repoHomeVisit;
          set({ cloneError: null });
          const result = await startRun('clone', repos.lfsPullCall(kept.path));
          if (get().repoHomeVisit !== visit) return;
          if (result.ok && result.value.ok) {
            set({ keptClone: null });
            get().openRepoAt(kept.path);
          } else if (!result.ok) set({ cloneError: result.error });
          else if (!result.value.cancelled)
            set({
              cloneError: {
                code: 'git_failed',
                message: result.value.message,
                hint: result.value.fix,
                details: result.value.output,
                outcome: result.value.outcome,
              },
            });
        },
      );
    },
    openKeptClone: () => {
      const kept = get().keptClone;
      if (!kept) return;
      set({ keptClone: null });
      get().openRepoAt(kept.path);
    },
    forkRepo: async (request) => {
      if (get().repoRuns.fork) return;
      await owned(
        'fork',
        () => get().forkRepo(request),
        async () => {
          const visit = get().repoHomeVisit;
          set({ forkError: null });
          const result = await startRun('fork', repos.forkCall(request));
          if (result.ok) get().openRepoAt(result.value.path);
          else if (get().repoHomeVisit === visit) set({ forkError: result.error });
        },
      );
    },

    ...REPO_VISIT_ENDED,
    repoBusy: 0,
    enterRepo: async (path) => {
      get().closePullRequests();
      set({ ...REPO_VISIT_ENDED, repoVisit: {} });
      await update(() => repos.repoState(path));
    },
    leaveRepo: () => {
      get().closePullRequests();
      set((state) => ({ ...REPO_VISIT_ENDED, repoRuns: { ...state.repoRuns, repo: null } }));
    },
    updateRepo,
    reloadRepo: async () => {
      const path = get().openRepo;
      if (path) await update(() => repos.repoState(path));
    },
    stageRepoFiles: async (files) => {
      const repo = get().repoState;
      if (repo) await update(() => repos.stageFiles(repo.path, files));
    },
    commitRepo: async (message) => {
      const repo = get().repoState;
      if (!repo) return false;
      const visit = get().repoVisit;
      const result = await update(() => repos.commitChanges(repo.path, message));
      if (!result.ok || get().repoVisit !== visit) return false;
      set({ repoNote: 'Committed.' });
      return true;
    },
    saveRepoIdentity: async (name, email) => {
      const visit = get().repoVisit;
      const result = await repos.setIdentity(name, email);
      if (get().repoVisit !== visit) return;
      if (result.ok) await get().reloadRepo();
      else set({ repoError: result.error });
    },
    setUpRepoLfs: async () => {
      const visit = get().repoVisit;
      await repos.installLfs();
      if (get().repoVisit === visit) await get().reloadRepo();
    },
    trackRepoLfs: async (pattern) => {
      const repo = get().repoState;
      if (repo) await update(() => repos.trackLfs(repo.path, pattern));
    },
    migrateRepoLfs: async (pattern) => {
      const repo = get().repoState;
      if (!repo) return;
      const visit = get().repoVisit;
      const result = await repos.migrateLfs(repo.path, pattern);
      if (get().repoVisit !== visit) return;
      if (result.ok)
        set({
          repoState: result.value.state,
          repoNote: [
            `Moved into Git LFS. Your previous commits are on the branch ${result.value.backupBranch}.`,
            ...(result.value.notes ?? []),
          ].join(' '),
        });
      else set({ repoError: result.error });
    },
    runRepoRemote: async (action) => {
      const repo = get().repoState;
      if (!repo || get().repoRuns.repo) return;
      await owned(
        'repo',
        () => get().runRepoRemote(action),
        async () => {
          const visit = get().repoVisit;
          set({ repoOutcome: null, repoNote: null, repoLastRemote: action });
          const result = await startRun('repo', REMOTE_CALLS[action](repo.path));
          if (get().repoVisit !== visit) return;
          if (result.ok) set({ repoOutcome: result.value });
          else set({ repoError: result.error });
          await get().reloadRepo();
        },
      );
    },
    enableRepoLargeFiles: async () => {
      const visit = get().repoVisit;
      const path = get().repoState?.path ?? get().openRepo;
      if (path === null) return;
      const result = await repos.enableLargeFiles(path);
      if (get().repoVisit !== visit) return;
      if (!result.ok) {
        set({ repoError: result.error });
        return;
      }
      await get().runRepoRemote('push');
      if (get().repoVisit === visit && result.value.sentence !== null)
        set((state) => ({
          repoNote: [result.value.sentence, state.repoNote].filter((text) => text !== null).join(' '),
        }));
    },
    removeRepoLock: async (file) => {
      const visit = get().repoVisit;
      const result = await repos.removeStaleLock(file, get().repoState?.path ?? get().openRepo);
      if (get().repoVisit !== visit) return;
      if (!result.ok) {
        set({ repoError: result.error });
        return;
      }
      set({
        repoError: null,
        repoOutcome: null,
        repoNote: `Removed the stale lock ${result.value.removed}. Try again.`,
      });
      await get().reloadRepo();
    },
  };
};

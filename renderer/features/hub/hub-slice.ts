import type { StateCreator } from 'zustand';
import type {
  AppError,
  CreatedRepoView,
  Events,
  FolderInspection,
  HubAccountView,
  HubRepoList,
  HubRepoView,
  PublishResult,
} from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import * as hub from './hub-service';

/** A clone from the list in flight: which repository, its runId for Cancel, git's latest progress. */
export interface HubClone {
  readonly repoId: string;
  readonly runId: string;
  readonly event: Events['repoProgress'] | null;
}

/** A publish in flight: the step main is on, and the push's progress. */
export interface PublishRun {
  readonly runId: string;
  readonly step: Events['publishStep'] | null;
  readonly event: Events['repoProgress'] | null;
}

/**
 * The Hub's side of the app: the API account, the list of the person's repositories with its
 * clones, and publishing a folder. No token is ever here: the dialog hands its handle straight on.
 */
export interface HubSlice {
  readonly hubAccount: HubAccountView | null;
  readonly hubAccountError: AppError | null;
  readonly loadHubAccount: () => Promise<void>;
  /** Uses a checked token (its handle) for the API; true when it worked. */
  readonly applyApiToken: (ref: string, save: boolean) => Promise<HubAccountView | null>;
  readonly applyTokenError: AppError | null;

  readonly hubRepos: HubRepoList | null;
  readonly hubReposError: AppError | null;
  readonly hubReposLoading: boolean;
  /** Lists the account's repositories; only the newest request's answer is shown. */
  readonly loadHubRepos: (search: string | null, refresh: boolean) => Promise<void>;
  /** Lists again with the search last asked for, fresh from the Hub when `refresh`. */
  readonly reloadHubRepos: (refresh: boolean) => Promise<void>;
  /** The folder "Clone" puts repositories in, as the person typed it; null: the Hub list's default. */
  readonly hubCloneFolder: string | null;
  readonly setHubCloneFolder: (folder: string) => void;
  readonly hubClone: HubClone | null;
  readonly hubCloneError: { readonly repoId: string; readonly error: AppError } | null;
  /** The last clone that finished, so its row says where it went. */
  readonly hubCloned: { readonly repoId: string; readonly path: string } | null;
  readonly cloneHubRepo: (repo: HubRepoView, destination: string) => Promise<void>;
  readonly cancelHubClone: () => Promise<void>;
  /** A repository the person created from the form (or on the Hub's page), shown above the list. */
  readonly hubCreated: CreatedRepoView | null;
  readonly setHubCreated: (repo: CreatedRepoView | null) => void;

  readonly publishPath: string | null;
  readonly publishInspection: FolderInspection | null;
  readonly publishInspectError: AppError | null;
  readonly inspecting: boolean;
  /** Reads what publishing `path` would do; a newer call's answer wins. */
  readonly inspectPublishFolder: (path: string) => Promise<void>;
  readonly publishRun: PublishRun | null;
  readonly publishResult: PublishResult | null;
  readonly publishError: AppError | null;
  readonly publishFolder: (request: hub.PublishRequest) => Promise<void>;
  readonly cancelPublish: () => Promise<void>;
  /** Back to step 1 with nothing chosen. */
  readonly resetPublish: () => void;
}

const PUBLISH_CLEAR = {
  publishPath: null,
  publishInspection: null,
  publishInspectError: null,
  inspecting: false,
  publishRun: null,
  publishResult: null,
  publishError: null,
} as const;

export const createHubSlice: StateCreator<AppStore, [], [], HubSlice> = (set, get) => {
  let listRequest: object | null = null;
  let lastSearch: string | null = null;
  /** A publish made a repository the Hub's cached list (main keeps it a minute) does not have yet. */
  let listStale = false;
  let inspectRequest: object | null = null;

  return {
    hubAccount: null,
    hubAccountError: null,
    loadHubAccount: async () => {
      const result = await hub.hubAccount();
      set(
        result.ok ? { hubAccount: result.value, hubAccountError: null } : { hubAccountError: result.error },
      );
    },
    applyTokenError: null,
    applyApiToken: async (ref, save) => {
      set({ applyTokenError: null });
      const result = await hub.useApiToken(ref, save);
      if (!result.ok) {
        set({ applyTokenError: result.error });
        // A save that failed still leaves the token in use for this run (main says so).
        await get().loadHubAccount();
        return null;
      }
      set({ hubAccount: result.value, hubAccountError: null, hubReposError: null });
      return result.value;
    },

    hubRepos: null,
    hubReposError: null,
    hubReposLoading: false,
    loadHubRepos: async (search, refresh) => {
      const request = {};
      listRequest = request;
      lastSearch = search;
      set({ hubReposLoading: true });
      const result = await hub.listHubRepos(search, refresh || listStale);
      if (result.ok) listStale = false;
      if (listRequest !== request) return;
      set(
        result.ok
          ? { hubRepos: result.value, hubReposError: null, hubReposLoading: false }
          : { hubReposError: result.error, hubReposLoading: false },
      );
    },
    reloadHubRepos: (refresh) => get().loadHubRepos(lastSearch, refresh),
    hubCloneFolder: null,
    setHubCloneFolder: (folder) => set({ hubCloneFolder: folder }),
    hubClone: null,
    hubCloneError: null,
    hubCloned: null,
    cloneHubRepo: async (repo, destination) => {
      if (get().hubClone) return;
      set({ hubCloneError: null, hubCloned: null });
      const access = await hub.repoAccess();
      const transport = (access.ok ? access.value.preferred : null) ?? 'https';
      const { result } = await hub.withRun(
        {
          onProgress: (event) => {
            const clone = get().hubClone;
            if (clone?.runId === event.runId) set({ hubClone: { ...clone, event } });
          },
        },
        (runId) => {
          set({ hubClone: { repoId: repo.id, runId, event: null } });
          return hub.cloneCall(repo.id, repo.kind, destination, transport)(runId);
        },
      );
      set({ hubClone: null });
      if (!result.ok) {
        set({ hubCloneError: { repoId: repo.id, error: result.error } });
        return;
      }
      set({ hubCloned: { repoId: repo.id, path: result.value.path } });
      // The list says where it is now, and offers Open instead of Clone.
      await get().reloadHubRepos(false);
    },
    cancelHubClone: async () => {
      const clone = get().hubClone;
      if (clone) await hub.cancelRun(clone.runId);
    },
    hubCreated: null,
    setHubCreated: (repo) => set({ hubCreated: repo }),

    ...PUBLISH_CLEAR,
    inspectPublishFolder: async (path) => {
      const request = {};
      inspectRequest = request;
      set({ publishPath: path, inspecting: true, publishInspectError: null, publishInspection: null });
      const result = await hub.inspectFolder(path);
      if (inspectRequest !== request) return;
      set(
        result.ok
          ? { publishInspection: result.value, inspecting: false }
          : { publishInspectError: result.error, inspecting: false },
      );
    },
    publishFolder: async (request) => {
      if (get().publishRun) return;
      set({ publishError: null, publishResult: null });
      const { result } = await hub.withRun(
        {
          onProgress: (event) => {
            const run = get().publishRun;
            if (run?.runId === event.runId) set({ publishRun: { ...run, event } });
          },
          onStep: (step) => {
            const run = get().publishRun;
            if (run?.runId === step.runId) set({ publishRun: { ...run, step } });
          },
        },
        (runId) => {
          set({ publishRun: { runId, step: null, event: null } });
          return hub.publishCall(request)(runId);
        },
      );
      if (result.ok) listStale = true;
      set(
        result.ok
          ? { publishRun: null, publishResult: result.value }
          : { publishRun: null, publishError: result.error },
      );
    },
    cancelPublish: async () => {
      const run = get().publishRun;
      if (run) await hub.cancelRun(run.runId);
    },
    resetPublish: () => {
      inspectRequest = null;
      set(PUBLISH_CLEAR);
    },
  };
};

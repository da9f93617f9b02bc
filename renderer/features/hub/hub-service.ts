import type {
  Events,
  GitTransport,
  PublishTarget,
  RepoKind,
  Result,
  SpaceSdk,
} from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

// Thin wrappers over the bridge for the Hub's side of the app: the API account, creating and
// listing repositories, publishing a folder, a Space's runtime. Long runs report by runId.

/** The account the Hub's API uses now (never the token itself). */
export const hubAccount = () => settle(() => getBridge().hubAccount(null));

/** Sends a pasted token to main to be checked (the token screen's own check); only its handle comes back. */
export const checkToken = (token: string) => settle(() => getBridge().checkToken({ token }));

/** Uses a checked token for the API in this run; `save` also hands it to Git. */
export const useApiToken = (ref: string, save: boolean) =>
  settle(() => getBridge().useApiToken({ ref, save }));

/** What a new repository form sends. */
export interface NewRepoRequest {
  readonly kind: RepoKind;
  readonly namespace: string;
  readonly name: string;
  readonly private: boolean;
  readonly sdk: SpaceSdk | null;
}

export const createHubRepo = (request: NewRepoRequest) => settle(() => getBridge().createHubRepo(request));

/** Whether the repository exists yet (after the person made it on the Hub's own page). */
export const hubRepoExists = (kind: RepoKind, id: string) =>
  settle(() => getBridge().hubRepoExists({ kind, id }));

export const listHubRepos = (search: string | null, refresh: boolean) =>
  settle(() => getBridge().listHubRepos({ search, refresh }));

/** Which ways to the Hub are set up, for the clone's transport. */
export const repoAccess = () => settle(() => getBridge().repoAccess(null));

export const inspectFolder = (path: string) => settle(() => getBridge().inspectFolder({ path }));

export const spaceRuntime = (space: string) => settle(() => getBridge().spaceRuntime({ space }));

/** The desktop app's native folder picker; null when the person cancelled. */
export const pickFolder = (title: string) => settle(() => getBridge().pickFolder({ title }));

export const cancelRun = (runId: string) => settle(() => getBridge().cancelRepoRun({ runId }));

/** What "Publish" sends besides the runId. */
export interface PublishRequest {
  readonly path: string;
  readonly target: PublishTarget;
  readonly identity: { readonly name: string; readonly email: string } | null;
}

/** The publish, as a call withRun can start with its runId; the transport is main's choice. */
export const publishCall = (request: PublishRequest) => (runId: string) =>
  getBridge().publishFolder({ runId, ...request, transport: null, message: null });

/** A clone from the list, as a call withRun can start with its runId. */
export const cloneCall =
  (id: string, kind: RepoKind, destination: string, transport: GitTransport) => (runId: string) =>
    getBridge().cloneRepo({ runId, input: id, kind, destination, revision: null, transport });

/** What a long run reports while it goes: git's progress, and a publish's steps. */
export interface RunListeners {
  readonly onProgress: (event: Events['repoProgress']) => void;
  readonly onStep?: (event: Events['publishStep']) => void;
}

/** Runs a long operation, handing this run's events to the listeners until it ends. */
export async function withRun<T>(
  listeners: RunListeners,
  call: (runId: string) => Promise<Result<T>>,
): Promise<{ readonly runId: string; readonly result: Result<T> }> {
  const runId = crypto.randomUUID();
  const bridge = getBridge();
  const offProgress = bridge.onRepoProgress((event) => {
    if (event.runId === runId) listeners.onProgress(event);
  });
  const offStep = bridge.onPublishStep((event) => {
    if (event.runId === runId) listeners.onStep?.(event);
  });
  try {
    return { runId, result: await settle(() => call(runId)) };
  } finally {
    offProgress();
    offStep();
  }
}

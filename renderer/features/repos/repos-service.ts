import type { Events, GitTransport, RepoKind, Result } from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

// Thin wrappers over the bridge for the repository screen; long runs report progress by runId.

/** What the clone form sends: the address as typed, and the kind only for a bare NAME/REPO. */
export interface CloneRequest {
  readonly input: string;
  readonly kind: RepoKind | null;
  readonly destination: string;
  readonly revision: string | null;
  readonly transport: GitTransport;
}

/** What the fork form sends: both Hub addresses and the working folder. */
export interface ForkRequest {
  readonly upstream: string;
  readonly fork: string;
  readonly destination: string;
  readonly transport: GitTransport;
}

export const repoAccess = () => settle(() => getBridge().repoAccess(null));
export const parseRepo = (input: string, kind: RepoKind | null) =>
  settle(() => getBridge().parseRepo({ input, kind }));
export const repoState = (path: string) => settle(() => getBridge().repoState({ path }));
export const stageFiles = (path: string, files: readonly string[] | null) =>
  settle(() => getBridge().stageFiles({ path, files }));
export const commitChanges = (path: string, message: string) =>
  settle(() => getBridge().commitChanges({ path, message }));
export const setIdentity = (name: string, email: string) =>
  settle(() => getBridge().setIdentity({ name, email }));
export const installLfs = () => settle(() => getBridge().installLfs(null));
export const trackLfs = (path: string, pattern: string) =>
  settle(() => getBridge().trackLfs({ path, pattern }));
export const migrateLfs = (path: string, pattern: string) =>
  settle(() => getBridge().migrateLfs({ path, pattern, consent: true }));
export const recentRepos = () => settle(() => getBridge().recentRepos(null));
export const cancelRepoRun = (runId: string) => settle(() => getBridge().cancelRepoRun({ runId }));

/** Runs a long operation, handing this run's progress events to `onProgress` until it ends. */
export async function withProgress<T>(
  onProgress: (event: Events['repoProgress']) => void,
  call: (runId: string) => Promise<Result<T>>,
): Promise<{ readonly runId: string; readonly result: Result<T> }> {
  const runId = crypto.randomUUID();
  const unsubscribe = getBridge().onRepoProgress((event) => {
    if (event.runId === runId) onProgress(event);
  });
  try {
    return { runId, result: await settle(() => call(runId)) };
  } finally {
    unsubscribe();
  }
}

export const cloneCall = (request: CloneRequest) => (runId: string) =>
  getBridge().cloneRepo({ runId, ...request });
export const pushCall = (path: string) => (runId: string) => getBridge().pushRepo({ runId, path });
export const pullCall = (path: string) => (runId: string) => getBridge().pullRepo({ runId, path });
export const lfsPullCall = (path: string) => (runId: string) => getBridge().lfsPull({ runId, path });
export const forkCall = (request: ForkRequest) => (runId: string) =>
  getBridge().forkRepo({ runId, ...request });

export const pickFolder = (title: string) => settle(() => getBridge().pickFolder({ title }));

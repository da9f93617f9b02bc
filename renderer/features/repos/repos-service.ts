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
  /** null: the app creates it under the account with the original's name. */
  readonly fork: string | null;
  readonly destination: string;
  readonly transport: GitTransport;
  /** The branches to carry; null: the default branch. */
  readonly branches: readonly string[] | null;
}

/** Which ways to the Hub are set up (SSH key, saved token, Git LFS), for the home screen's notes and radios. */
export const repoAccess = () => settle(() => getBridge().repoAccess(null));

/** Reads a typed clone address the way main will; a refusal comes back with the reason to show. */
export const parseRepo = (input: string, kind: RepoKind | null) =>
  settle(() => getBridge().parseRepo({ input, kind }));

/** Everything the open repository's screen shows. */
export const repoState = (path: string) => settle(() => getBridge().repoState({ path }));

/** Stages the listed files, or all changes for null; answers the new state. */
export const stageFiles = (path: string, files: readonly string[] | null) =>
  settle(() => getBridge().stageFiles({ path, files }));

/** Commits what is staged; answers the new state. */
export const commitChanges = (path: string, message: string) =>
  settle(() => getBridge().commitChanges({ path, message }));

/** Saves Git's name and email for the user (the Hub shows them on every commit). */
export const setIdentity = (name: string, email: string) =>
  settle(() => getBridge().setIdentity({ name, email }));

/** `git lfs install` for this user, on the person's click only. */
export const installLfs = () => settle(() => getBridge().installLfs(null));

/** Tracks a pattern with Git LFS from now on; answers the new state. */
export const trackLfs = (path: string, pattern: string) =>
  settle(() => getBridge().trackLfs({ path, pattern }));

/** Rewrites the unpushed commits to move a pattern into Git LFS; the person has ticked their consent. */
export const migrateLfs = (path: string, pattern: string) =>
  settle(() => getBridge().migrateLfs({ path, pattern, consent: true }));

/** The repositories the app used lately. */
export const recentRepos = () => settle(() => getBridge().recentRepos(null));

/** Removes a stale git lock file an outcome named (main checks again that it is safe). */
export const enableLargeFiles = (path: string) => settle(() => getBridge().enableLargeFiles({ path }));
export const removeStaleLock = (path: string, repo: string | null) =>
  settle(() => getBridge().removeStaleLock({ path, repo }));

/** Asks main to stop a long run; the run then ends with its own cancelled answer. */
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

/** The clone, as a call withProgress can start with its runId. */
export const cloneCall = (request: CloneRequest) => (runId: string) =>
  getBridge().cloneRepo({ runId, ...request });

/** The push, as a call withProgress can start with its runId. */
export const pushCall = (path: string) => (runId: string) => getBridge().pushRepo({ runId, path });

/** The pull, as a call withProgress can start with its runId. */
export const pullCall = (path: string) => (runId: string) => getBridge().pullRepo({ runId, path });

/** The LFS download of placeholder files, as a call withProgress can start with its runId. */
export const lfsPullCall = (path: string) => (runId: string) => getBridge().lfsPull({ runId, path });

/** The fork, as a call withProgress can start with its runId. */
export const forkCall = (request: ForkRequest) => (runId: string) =>
  getBridge().forkRepo({ runId, ...request });

/** The account the Hub's API knows (its name is where a fork goes by default). */
export const hubAccount = () => settle(() => getBridge().hubAccount(null));

/** The branches of a Hub repository and its default one, for the fork's branch picker. */
export const hubBranches = (input: string, transport: GitTransport) =>
  settle(() => getBridge().hubBranches({ input, transport }));

/** The desktop app's native folder picker; null when the person cancelled. */
export const pickFolder = (title: string) => settle(() => getBridge().pickFolder({ title }));

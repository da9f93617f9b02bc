// The fake hub: a loopback stand-in for the Hugging Face Hub (SSH greeting and git over SSH,
// whoami-v2, smart-HTTP git, the LFS batch API, the keys page, and the API for creating and
// listing repositories, Space runtimes and pull requests: api.ts), for integration and end-to-end
// tests and for manual trials (`npm run fake-hub`). Each behaviour cites its public source.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { gitOverSsh } from './git-ssh';
import { lfsObjectPath } from './lfs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyRing } from './keys';
import { startHttpServer } from './http-server';
import type { RunningHttpServer } from './http-server';
import { startSshServer } from './ssh-server';
import { ApiStore, type FakeDiscussion, type FakeSpaceStage, type SpaceSdk } from './api-store';
import { commitFiles, initBareRepo, REPO_PATH, refSha } from './bare-repo';
import type { HubState, RepoRules } from './access';
import type { GitExecHandler } from './ssh-server';
import { DEFAULT_USERS, checkUsers } from './users';
import type { FakeOrgPolicy, FakeToken, FakeUser } from './users';

export {
  ALICE_WRITE_TOKEN,
  BOB_EXPIRED_TOKEN,
  BOB_READ_TOKEN,
  CAROL_FINE_TOKEN,
  DAVE_WRITE_TOKEN,
  DEFAULT_USERS,
  ERIN_OAUTH_TOKEN,
  FRANK_WRITE_TOKEN,
} from './users';
export type { RepoRules } from './access';
export { LFS_MAX_BYTES, OVER_5GB_WORDS, RATE_LIMIT_WORDS } from './lfs';
export type {
  FakeFineGrained,
  FakeOrg,
  FakeOrgPolicy,
  FakeToken,
  FakeTokenKind,
  FakeTokenOrgStatus,
  FakeTokenRole,
  FakeUser,
} from './users';
export type { GitExecHandler, GitExecRequest } from './ssh-server';
export type { FakeDiscussion, FakeSpaceStage, SpaceSdk } from './api-store';
export { defaultGitattributes, spaceReadme } from './hub-defaults';
export { fingerprintOf } from './keys';

/** Why: lets a test choose the accounts and who is signed in on the web pages. */
export interface FakeHubOptions {
  /** Default: alice (write token) and bob (read token), see DEFAULT_USERS. */
  readonly users?: readonly FakeUser[];
  /** Who is "logged in" on the web pages (/settings/keys). Default 'alice'. */
  readonly webUser?: string;
  readonly host?: '127.0.0.1';
  /** Replaces the built-in git over SSH (upload-pack, receive-pack, git-lfs-authenticate). */
  readonly onGitExec?: GitExecHandler;
  /** whoami-v2's rate limit (default 100 per 5-minute window); tests of the app's retry set it low. */
  readonly whoamiLimit?: { readonly max: number; readonly windowMs: number };
  /** Organizations' token policies (default: none, every token is accepted). */
  readonly orgs?: readonly FakeOrgPolicy[];
  /** LFS uploads over this size need the multipart transfer (default LFS_MAX_BYTES, 5 GB). */
  readonly lfsMaxBytes?: number;
  /** git-lfs-authenticate hands out a credential the batch API refuses (see git-ssh.ts). */
  readonly brokenLfsAuthenticate?: boolean;
}

/** Why: a bare repository on the fake hub, served over smart HTTP. */
export interface FakeRepo {
  /** As on the Hub: NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO. */
  readonly path: string;
  /** `{httpUrl}/{path}`, the clone URL over HTTP. */
  readonly url: string;
  /** The bare repository on disk. */
  readonly gitDir: string;
}

/** Why: everything a test or the app needs to point at the fake hub instead of huggingface.co / hf.co:22. */
export interface FakeHub {
  /** `http://127.0.0.1:PORT`, no trailing slash: the value for HF_ENDPOINT. */
  readonly httpUrl: string;
  readonly sshHost: '127.0.0.1';
  readonly sshPort: number;
  /** `ssh-ed25519 AAAA...`: the host key, fresh on every start. */
  readonly hostKey: string;
  /** `[127.0.0.1]:PORT ssh-ed25519 AAAA...`: a known_hosts line that pins the host key. */
  readonly knownHostsLine: string;
  /** Registers a public key (`ssh-ed25519 AAAA... comment`) to a user; throws if it is invalid or taken. */
  addKey(user: string, publicKeyLine: string): void;
  /** The user's registered keys, one normalised line each. */
  keysOf(user: string): readonly string[];
  /**
   * Creates an empty bare repository (branch main) that git can clone and push over HTTP and SSH.
   * Public by default; `rules` make it private or gated and name its creator.
   */
  createRepo(path: string, rules?: RepoRules): FakeRepo;
  /** Test switch: the LFS batch API answers every request with the Hub's rate limit (429). */
  limitLfsBatch(limited: boolean): void;
  /** The LFS object the hub holds for a repository, as a path, or undefined. */
  lfsObject(repoPath: string, oid: string): string | undefined;
  /** How many whoami-v2 requests the hub has received. */
  whoamiCalls(): number;
  /**
   * Puts a Space in a runtime stage (with the build's error message), as GET
   * /api/spaces/NAME/REPO/runtime then answers until the next push to main starts a build.
   */
  setSpaceStage(path: string, stage: FakeSpaceStage, errorMessage?: string): void;
  /** The repository's pull requests (opened through the discussions API), oldest first. */
  pullRequests(path: string): readonly FakeDiscussion[];
  /** The commit a ref (`refs/pr/1`, `refs/heads/main`, `main`) names in the hub's repository, or undefined. */
  refOf(path: string, ref: string): string | undefined;
  /** The bare repository on disk of a repository that exists (however it was made), or undefined. */
  gitDirOf(path: string): string | undefined;
  /** Closes both servers and every open connection, and removes the repositories. */
  stop(): Promise<void>;
}

/** Why: one call gives a test a running, isolated hub on random loopback ports. */
export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  const users = options.users ?? DEFAULT_USERS;
  const webUser = options.webUser ?? 'alice';
  const host = options.host ?? '127.0.0.1';
  checkUsers(users);
  const names = new Set(users.map((user) => user.name));
  if (!names.has(webUser)) throw new Error(`fake hub: webUser ${webUser} is not one of the users`);

  const keyRing = new KeyRing(names);
  const repos = new Map<string, RepoRules>();
  const policies = new Map((options.orgs ?? []).map((policy) => [policy.name, policy]));
  const reposDir = mkdtempSync(join(tmpdir(), 'hfgd-fake-hub-repos-'));
  const store = new ApiStore(reposDir);
  // FakeHub.createRepo makes an empty repository (as tests always had them); the API's creation
  // adds the Hub's first commit (api-repos.ts).
  const makeRepo = (
    path: string,
    rules: RepoRules,
    seed?: { readonly author: string; readonly sdk?: SpaceSdk; readonly files: ReadonlyMap<string, Buffer> },
  ): void => {
    if (!REPO_PATH.test(path)) throw new Error(`fake hub: not a Hub repository path: ${path}`);
    const gitDir = join(reposDir, `${path}.git`);
    initBareRepo(gitDir);
    if (seed) commitFiles(gitDir, seed.files, seed.author);
    // The exact path is what exists: the Hub's names are case-sensitive (HUB-FACTS), whatever
    // the file system of the machine running the tests.
    repos.set(path, rules);
    store.added(path, seed?.sdk);
  };
  let http: RunningHttpServer | undefined;
  // Git over SSH on the same repos; it reaches the HTTP side (LFS) once that has started. The
  // tokens map is the HTTP side's; SSH decides with keys, which need none.
  const sshState: HubState = {
    reposDir,
    repos,
    tokens: new Map<string, { readonly user: FakeUser; readonly token: FakeToken }>(),
    policies,
    baseUrl: () => `http://${host}:${http?.port ?? 0}`,
    pullRequestRefs: (repo, user) => store.pullRequestRefs(repo, user),
  };
  const onGitExec =
    options.onGitExec ??
    gitOverSsh({
      hub: sshState,
      users,
      issueToken: (user) => {
        if (!http) throw new Error('fake hub: HTTP side not started');
        return http.issueToken(user);
      },
      brokenLfsAuthenticate: () => options.brokenLfsAuthenticate === true,
    });
  const ssh = await startSshServer({ keyRing, host, onGitExec });
  try {
    http = await startHttpServer({
      users,
      keyRing,
      webUser,
      host,
      reposDir,
      repos,
      policies,
      api: { store, createRepo: makeRepo },
      ...(options.whoamiLimit ? { whoamiLimit: options.whoamiLimit } : {}),
      ...(options.lfsMaxBytes !== undefined ? { lfsMaxBytes: options.lfsMaxBytes } : {}),
    });
  } catch (error) {
    await ssh.stop();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    httpUrl: `http://${host}:${http.port}`,
    sshHost: host,
    sshPort: ssh.port,
    hostKey: ssh.hostKey,
    // OpenSSH writes a non-22 port as [host]:port in known_hosts (TOOLCHAIN: "[127.0.0.1]:PORT ssh-ed25519").
    knownHostsLine: `[${host}]:${ssh.port} ${ssh.hostKey}`,
    addKey(user, publicKeyLine) {
      const added = keyRing.tryAdd(user, publicKeyLine);
      if (!added.ok) throw new Error(`fake hub: cannot add key for ${user}: ${added.message}`);
    },
    keysOf: (user) => keyRing.keysOf(user).map((key) => key.line),
    whoamiCalls: () => http.whoamiCalls(),
    lfsObject(repoPath, oid) {
      const file = lfsObjectPath(join(reposDir, `${repoPath}.git`), oid);
      return existsSync(file) ? file : undefined;
    },
    createRepo(path, rules) {
      makeRepo(path, rules ?? {});
      return { path, url: `http://${host}:${http.port}/${path}`, gitDir: join(reposDir, `${path}.git`) };
    },
    setSpaceStage: (path, stage, errorMessage) => store.setStage(path, stage, errorMessage),
    pullRequests: (path) => store.discussionsOf(path).filter((d) => d.isPullRequest),
    gitDirOf: (path) => (repos.has(path) ? join(reposDir, `${path}.git`) : undefined),
    refOf(path, ref) {
      if (!repos.has(path)) return undefined;
      return refSha(join(reposDir, `${path}.git`), ref);
    },
    limitLfsBatch(limited) {
      http.lfsSettings.rateLimited = limited;
    },
    stop() {
      stopped ??= Promise.all([ssh.stop(), http.stop()]).then(() =>
        rmSync(reposDir, { recursive: true, force: true }),
      );
      return stopped;
    },
  };
}

// Git over SSH for the fake hub: git-upload-pack and git-receive-pack on the same bare repos as
// smart HTTP, with the same access decision (access.ts; an SSH key acts with its account's full
// rights, and a key on no account acts as "anonymous", as the Hub's greeting says, seed 000). The
// Hub's SSH refusals are an `ERROR:` line (HUB-FACTS), after which git prints its own "fatal:
// Could not read from remote repository." git-lfs-authenticate hands git-lfs an HTTP endpoint and
// a short-lived header for the batch API, as SSH remotes on the Hub use.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { decide, sshWords, type GitCaller, type HubState } from './access';
import type { GitExecHandler } from './ssh-server';
import type { FakeUser } from './users';

const REPO = /^\/?((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/?$/;

/** Why: what the SSH git layer needs from the rest of the hub. */
export interface GitSshOptions {
  readonly hub: HubState;
  readonly users: readonly FakeUser[];
  /** A short-lived write token of the user, for the LFS batch API behind git-lfs-authenticate. */
  readonly issueToken: (user: FakeUser) => string;
  /**
   * Test switch: git-lfs-authenticate hands out a credential the batch API does not take (not an
   * hf_ token), so git-lfs shows the batch API's 401, "Authentication required: Password
   * authentication in git is no longer supported..." as users of the Hub have seen it for SSH
   * clones (huggingface_hub#1706, #2946; why the Hub's credential failed there is unknown).
   */
  readonly brokenLfsAuthenticate: () => boolean;
}

/** Why: the handler ssh-server.ts calls for every git command. */
export function gitOverSsh(options: GitSshOptions): GitExecHandler {
  const { hub } = options;
  return ({ user: name, service, repoPath, env, channel, operation }) => {
    const fail = (message: string, code = 1): void => {
      channel.stderr.write(`ERROR: ${message}\n`);
      channel.exit(code);
      channel.end();
    };
    const repo = REPO.exec(repoPath)?.[1];
    // The Hub's words for a path that is no repository at all are unverified.
    if (!repo) return fail(`Not a Hub repository: ${repoPath}`);
    const user = name === null ? undefined : options.users.find((candidate) => candidate.name === name);
    const caller: GitCaller = user
      ? { kind: 'user', user, token: { value: '', displayName: 'ssh-key', role: 'write', kind: 'ssh' } }
      : { kind: 'anonymous' };
    const writing =
      service === 'git-receive-pack' || (service === 'git-lfs-authenticate' && operation === 'upload');
    const refusal = decide(caller, repo, writing, hub.repos.get(repo), hub.policies);
    // A pull request's author pushes to its refs/pr/N without write access (hub-docs
    // repositories-pull-requests-discussions.md): receive-pack runs, and the pre-receive hook
    // refuses any other ref with the Hub's "DENIED update REF: forbidden" (huggingface_hub#937).
    const prRefs =
      user && refusal?.reason === 'no_write' && service === 'git-receive-pack'
        ? (hub.pullRequestRefs?.(repo, user.name) ?? [])
        : [];
    if (refusal && prRefs.length === 0) return fail(sshWords(refusal, repo, user?.name));
    if (service === 'git-lfs-authenticate') {
      // A key on no account reads public repositories' LFS objects without a credential (what the
      // Hub hands such a key is unverified: no header is the tolerant guess).
      const secret = options.brokenLfsAuthenticate()
        ? `ssh-${randomBytes(12).toString('hex')}`
        : user && options.issueToken(user);
      const header =
        user && secret
          ? { Authorization: `Basic ${Buffer.from(`${user.name}:${secret}`).toString('base64')}` }
          : undefined;
      channel.write(
        `${JSON.stringify({
          href: `${hub.baseUrl()}/${repo}.git/info/lfs`,
          ...(header ? { header } : {}),
          expires_in: 3600,
        })}\n`,
      );
      channel.exit(0);
      channel.end();
      return;
    }
    // The Hub's words for git archive over SSH are unverified.
    if (service === 'git-upload-archive') return fail('git archive is not served by the Hub.');
    const child = spawn('git', [service.replace(/^git-/, ''), join(hub.reposDir, `${repo}.git`)], {
      env: {
        PATH: process.env.PATH,
        HOME: hub.reposDir,
        GIT_CONFIG_NOSYSTEM: '1',
        ...(env.GIT_PROTOCOL ? { GIT_PROTOCOL: env.GIT_PROTOCOL } : {}),
        ...(prRefs.length > 0 ? { HFGD_PUSH_DENIED: '1', HFGD_PR_REFS: prRefs.join(' ') } : {}),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    channel.pipe(child.stdin);
    child.stdout.pipe(channel, { end: false });
    child.stderr.on('data', (chunk: Buffer) => channel.stderr.write(chunk));
    child.on('close', (code) => {
      channel.exit(code ?? 1);
      channel.end();
    });
    channel.on('close', () => child.kill());
  };
}

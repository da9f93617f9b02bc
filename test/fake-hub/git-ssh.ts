// Git over SSH for the fake hub: git-upload-pack and git-receive-pack on the same bare repos as
// smart HTTP, with the same access rules (an SSH key acts with its account's full rights; the
// Hub's SSH errors start "ERROR:", HUB-FACTS), and git-lfs-authenticate, which hands git-lfs an
// HTTP endpoint and a short-lived header for the batch API, as SSH remotes on the Hub use.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { accessRefusal, type GitCaller, type RepoRules } from './git-http';
import type { GitExecHandler } from './ssh-server';
import type { FakeUser } from './users';

const REPO = /^\/?((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/?$/;

/** Why: what the SSH git layer needs from the rest of the hub. */
export interface GitSshOptions {
  readonly reposDir: string;
  readonly users: readonly FakeUser[];
  readonly rules: ReadonlyMap<string, RepoRules>;
  readonly httpUrl: () => string;
  /** A short-lived write token of the user, for the LFS batch API behind git-lfs-authenticate. */
  readonly issueToken: (user: FakeUser) => string;
}

/** Why: the handler ssh-server.ts calls for every git command. */
export function gitOverSsh(options: GitSshOptions): GitExecHandler {
  return ({ user: name, service, repoPath, env, channel, operation }) => {
    const fail = (message: string, code = 1): void => {
      channel.stderr.write(`ERROR: ${message}\n`);
      channel.exit(code);
      channel.end();
    };
    const repo = REPO.exec(repoPath)?.[1];
    if (!repo) return fail(`Not a Hub repository: ${repoPath}`);
    const user = name === null ? undefined : options.users.find((candidate) => candidate.name === name);
    const caller: GitCaller = user
      ? { kind: 'user', user, token: { value: '', displayName: 'ssh-key', role: 'write' } }
      : { kind: 'anonymous' };
    const writing =
      service === 'git-receive-pack' || (service === 'git-lfs-authenticate' && operation === 'upload');
    const refusal = accessRefusal(caller, repo, writing, options.rules.get(repo));
    if (refusal && refusal.status === 401)
      return fail('Your SSH key is not registered on any Hub account; add it at /settings/keys.');
    if (refusal && service !== 'git-receive-pack') return fail(refusal.message);
    const gitDir = join(options.reposDir, `${repo}.git`);
    if (!existsSync(gitDir)) return fail('Repository not found');
    if (service === 'git-lfs-authenticate') {
      if (!user) return fail('Your SSH key is not registered on any Hub account.');
      const token = options.issueToken(user);
      channel.write(
        `${JSON.stringify({
          href: `${options.httpUrl()}/${repo}.git/info/lfs`,
          header: { Authorization: `Basic ${Buffer.from(`${user.name}:${token}`).toString('base64')}` },
          expires_in: 3600,
        })}\n`,
      );
      channel.exit(0);
      channel.end();
      return;
    }
    if (service === 'git-upload-archive') return fail('git archive is not served by the Hub.');
    const child = spawn('git', [service.replace(/^git-/, ''), gitDir], {
      env: {
        PATH: process.env.PATH,
        HOME: options.reposDir,
        GIT_CONFIG_NOSYSTEM: '1',
        ...(env.GIT_PROTOCOL ? { GIT_PROTOCOL: env.GIT_PROTOCOL } : {}),
        // A refused ref update is printed by the pre-receive hook, as over HTTP.
        ...(refusal ? { HFGD_PUSH_DENIED: refusal.message } : {}),
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

import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { run } from '../core/run';
import { gitEnv } from './objects';
import type { RepoRemote } from '../../preload/contract';
import { redactSecrets } from '../core/redact';
import { readRemoteUrl, type RemoteUrlInfo } from './remote-url';

// A local repository the user points at: its remotes (for credential hygiene) and a push or
// a dry run to see whether the Hub lets the saved token in.

/** A folder that cannot be used as a repository, said so the user can pick another. */
export class RepoPathError extends Error {}

export interface RemoteEntry extends RemoteUrlInfo {
  readonly name: string;
  /** The URL as the app may show it: secrets replaced by ***. */
  readonly shown: string;
}

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

/** Checks a folder the renderer named: absolute, a folder, and inside a git work tree. */
export async function checkRepoPath(home: string, path: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!isAbsolute(path) || path.includes('\u0000'))
    throw new RepoPathError('Give the full path of the folder, for example /home/you/my-model.');
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new RepoPathError(`There is no folder at ${path}.`);
  if (!info.isDirectory()) throw new RepoPathError(`${path} is a file, not a folder.`);
  const top = await run('git', ['-C', path, 'rev-parse', '--show-toplevel'], {
    env: gitEnv(home, env),
    timeoutMs: 10_000,
  });
  if (top.exitCode !== 0)
    throw new RepoPathError(`${path} is not a Git repository. Pick the folder you cloned from the Hub.`);
  return top.stdout.trim();
}

/** The repository's remotes, read from its config (one `git config` call; URLs never shown raw). */
export async function listRemotes(
  home: string,
  repoPath: string,
  hub: { readonly endpoint: string; readonly sshHost: string },
  env: NodeJS.ProcessEnv,
): Promise<RemoteEntry[]> {
  const outcome = await run(
    'git',
    ['-C', repoPath, 'config', '--local', '--get-regexp', '^remote\\..*\\.url$'],
    {
      env: gitEnv(home, env),
      timeoutMs: 10_000,
    },
  );
  return outcome.stdout.split('\n').flatMap((line) => {
    const match = /^remote\.(.+)\.url (.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) return [];
    return [
      {
        name: match[1],
        shown: redactSecrets(match[2]),
        ...readRemoteUrl(match[2], hub.endpoint, hub.sshHost),
      },
    ];
  });
}

/** A remote as the renderer may see it (RepoRemote without a prediction). */
export function remoteView(remote: RemoteEntry): RepoRemote {
  return {
    name: remote.name,
    shown: remote.shown,
    kind: remote.kind,
    hasSecret: remote.hasSecret,
    ...(remote.repo === undefined ? {} : { repo: remote.repo }),
    ...(remote.username === undefined ? {} : { username: remote.username }),
  };
}

/** Points a remote at a clean URL (no userinfo); the name was checked against the repo's own. */
export async function setRemoteUrl(
  home: string,
  repoPath: string,
  remote: string,
  url: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (!REMOTE_NAME.test(remote)) throw new RepoPathError('That is not a remote name.');
  const outcome = await run('git', ['-C', repoPath, 'remote', 'set-url', '--', remote, url], {
    env: gitEnv(home, env),
    timeoutMs: 10_000,
  });
  if (outcome.exitCode !== 0)
    throw new RepoPathError(redactSecrets(outcome.stderr.trim()) || 'git remote set-url failed.');
}

/** Runs a push (or a dry run of one) of the current branch to the remote, with no prompt. */
export async function pushCurrentBranch(
  home: string,
  repoPath: string,
  remote: string,
  dryRun: boolean,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<{ readonly exitCode: number | null; readonly output: string }> {
  if (!REMOTE_NAME.test(remote)) throw new RepoPathError('That is not a remote name.');
  const args = ['-C', repoPath, 'push', ...(dryRun ? ['--dry-run'] : []), '--', remote, 'HEAD'];
  const outcome = await run('git', args, {
    env: gitEnv(home, env),
    timeoutMs: 120_000,
    ...(signal ? { signal } : {}),
  });
  return { exitCode: outcome.exitCode, output: redactSecrets(`${outcome.stdout}${outcome.stderr}`.trim()) };
}

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppSession } from '../core/session';
import { run } from '../core/run';
import { redactSecrets } from '../core/redact';
import type { Settings } from '../core/settings';
import { git } from './objects';
import { watchLfsProgress } from './lfs-progress';
import { ProgressTracker, type ProgressEvent } from './progress';
import { hubGitEnv } from './environment';

// Changes, commits, pushes and pulls of a local repository, with git's and git-lfs's progress.
// Every git call gets an argument array; paths come after "--"; messages go on stdin.

export interface ChangedFile {
  readonly path: string;
  /** Two-letter porcelain status: "M ", " M", "??", "A ", "D "… */
  readonly status: string;
  readonly staged: boolean;
  /** Size in the work tree (0 when deleted). */
  readonly size: number;
}

export interface RepoStatus {
  readonly branch: string | null;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly changes: readonly ChangedFile[];
  /** Whether git knows who is committing (user.name and user.email). */
  readonly identity: { readonly name: string; readonly email: string } | null;
}

export async function repoStatus(
  settings: Settings,
  repoPath: string,
  env: NodeJS.ProcessEnv,
): Promise<RepoStatus> {
  const out = await git(
    settings.home,
    repoPath,
    ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'],
    env,
  );
  let branch: string | null = null;
  let upstream: string | null = null;
  let ahead = 0;
  let behind = 0;
  const changes: ChangedFile[] = [];
  const entries = out.stdout.split('\u0000');
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] ?? '';
    if (entry.startsWith('# branch.head '))
      branch = entry.slice(14) === '(detached)' ? null : entry.slice(14);
    else if (entry.startsWith('# branch.upstream ')) upstream = entry.slice(18);
    else if (entry.startsWith('# branch.ab ')) {
      const [a = '+0', b = '-0'] = entry.slice(12).split(' ');
      ahead = Number(a.slice(1));
      behind = Number(b.slice(1));
    } else if (entry.startsWith('1 ') || entry.startsWith('2 ')) {
      const fields = entry.split(' ');
      const xy = (fields[1] ?? '..').replace(/\./g, ' ');
      const path = fields.slice(entry.startsWith('1 ') ? 8 : 9).join(' ');
      if (entry.startsWith('2 ')) index += 1; // the rename's original path follows
      changes.push({ path, status: xy, staged: xy[0] !== ' ', size: 0 });
    } else if (entry.startsWith('? '))
      changes.push({ path: entry.slice(2), status: '??', staged: false, size: 0 });
  }
  const sized = await Promise.all(
    changes.map(async (change) => ({
      ...change,
      size: await lstat(join(repoPath, change.path)).then(
        (info) => info.size,
        () => 0,
      ),
    })),
  );
  const name = (await git(settings.home, repoPath, ['config', 'user.name'], env)).stdout.trim();
  const email = (await git(settings.home, repoPath, ['config', 'user.email'], env)).stdout.trim();
  return {
    branch,
    upstream,
    ahead,
    behind,
    changes: sized,
    identity: name && email ? { name, email } : null,
  };
}

/** Stages the given paths (or everything, deletions included). */
export async function stage(
  settings: Settings,
  repoPath: string,
  paths: readonly string[] | 'all',
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const args = paths === 'all' ? ['add', '--all'] : ['add', '--all', '--', ...paths];
  const out = await git(settings.home, repoPath, args, env);
  if (out.code !== 0) throw new Error(redactSecrets(out.stderr.trim()) || 'git add failed');
}

/** Sets who commits, in the user's global git config (git edits it in place; nothing else changes). */
export async function setIdentity(
  settings: Settings,
  name: string,
  email: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  for (const [key, value] of [
    ['user.name', name],
    ['user.email', email],
  ] as const) {
    const out = await git(settings.home, settings.home, ['config', '--global', key, value], env);
    if (out.code !== 0) throw new Error(out.stderr.trim() || `git config ${key} failed`);
  }
}

/** Commits what is staged; the message goes on stdin, so quotes and newlines are safe. */
export async function commit(
  settings: Settings,
  repoPath: string,
  message: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const out = await git(settings.home, repoPath, ['commit', '--quiet', '--file=-'], env, message);
  if (out.code !== 0)
    throw new Error(redactSecrets(`${out.stdout}${out.stderr}`.trim()) || 'git commit failed');
  return (await git(settings.home, repoPath, ['rev-parse', 'HEAD'], env)).stdout.trim();
}

export interface RemoteRun {
  readonly ok: boolean;
  readonly cancelled: boolean;
  /** The remote has commits this branch lacks: pull first. */
  readonly behind: boolean;
  readonly output: string;
}

/** Runs a git command against the Hub with progress (git's and git-lfs's) and Cancel. */
export async function remoteRun(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  repoPath: string,
  args: readonly string[],
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void } = {},
): Promise<RemoteRun> {
  const tracker = new ProgressTracker((event) => options.onProgress?.(event));
  const lfs = await watchLfsProgress((line) => tracker.lfsLine(line));
  try {
    const out = await run('git', ['-C', repoPath, ...args], {
      env: hubGitEnv(settings, session, env, { GIT_LFS_PROGRESS: lfs.file }),
      timeoutMs: 6 * 60 * 60 * 1000,
      killTree: true,
      ...(options.signal ? { signal: options.signal } : {}),
      onOutput: (stream, text) => {
        if (stream === 'stderr') tracker.gitOutput(text);
      },
    });
    await lfs.stop();
    const output = redactSecrets(`${out.stdout}${out.stderr}`.trim());
    if (out.exitCode === 0) tracker.done('Done.');
    return {
      ok: out.exitCode === 0,
      cancelled: out.cancelled,
      behind:
        /\[rejected\].*\((fetch first|non-fast-forward)\)|Updates were rejected because the (tip|remote)/.test(
          output,
        ),
      output,
    };
  } catch (error) {
    await lfs.stop().catch(() => undefined);
    throw error;
  }
}

/** Pushes the current branch to its remote (origin by default), setting the upstream. */
export const pushArgs = (remote = 'origin'): string[] => [
  'push',
  '--progress',
  '--set-upstream',
  '--',
  remote,
  'HEAD',
];
/** Pulls with a merge (never a rebase of the person's commits without asking). */
export const pullArgs = (): string[] => ['pull', '--progress', '--no-rebase', '--no-edit'];

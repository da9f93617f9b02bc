import { lstat, realpath, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Outcome } from '../../preload/contract';
import { gitOutcome, gitRunsGoing, type GitContext } from './core';

// Stale git locks (issue 16, item 2). Git writes FILE by creating FILE.lock first and renaming it
// over FILE (git's lockfile.c, api-lockfile); a git killed mid-write leaves FILE.lock, and every
// later write of FILE fails with "File exists". The app offers to remove such a file only when it
// is one of git's own lock files (in the home folder or in the repository), older than the app
// itself, and no git of the app is running: then no git of this app holds it, and one that held
// it before the app started has ended or will never finish its write.

/** Where a lock file may be: the home folder (global config, credentials) and the repository. */
export interface LockPlaces {
  readonly home: string;
  /** The repository's top folder, when the failure was about one. */
  readonly repo?: string;
}

/**
 * Git's lock files under the home folder: ~/.gitconfig and ~/.git-credentials, and their XDG
 * places (git-config(1) FILES, git-credential-store(1)). The app's git runs with HOME set and no
 * XDG_CONFIG_HOME (main/core/run.ts childEnv), so XDG means ~/.config.
 */
export function homeLockFiles(home: string): string[] {
  return [
    join(home, '.gitconfig.lock'),
    join(home, '.git-credentials.lock'),
    join(home, '.config', 'git', 'config.lock'),
    join(home, '.config', 'git', 'credentials.lock'),
  ];
}

/** Lock files of a repository's git folder: the index, its config, HEAD-like files, packed refs, a ref. */
const REPO_LOCK =
  /^(?:(?:index|config|HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|CHERRY_PICK_HEAD|packed-refs|shallow)\.lock|refs\/(?:[^/]+\/)*[^/]+\.lock)$/;

const real = (path: string): Promise<string> => realpath(path).catch(() => resolve(path));

/** The repository's git folders (its own and, for a worktree, the common one), real paths. */
async function gitDirs(context: GitContext, repo: string): Promise<string[]> {
  const out = await gitOutcome(context, ['rev-parse', '--absolute-git-dir', '--git-common-dir'], {
    cwd: repo,
    timeoutMs: 10_000,
  });
  if (out.exitCode !== 0) return [];
  const dirs = out.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return Promise.all(dirs.map((dir) => real(isAbsolute(dir) ? dir : join(repo, dir))));
}

/**
 * The lock file `named` as an absolute real path when it is one of git's own lock files in the
 * home folder or the repository, else undefined. `~/` is the home folder (the credential store's
 * lock, which git does not name); a relative path is the repository's (git names `.git/config`).
 */
export async function knownLockFile(
  context: GitContext,
  named: string,
  places: LockPlaces,
): Promise<string | undefined> {
  if (named.includes('\u0000') || !named.endsWith('.lock')) return undefined;
  const spelled = named.startsWith('~/')
    ? join(places.home, named.slice(2))
    : resolve(places.repo ?? places.home, named);
  const absolute = join(await real(dirname(spelled)), basename(spelled));
  const home = await Promise.all(
    homeLockFiles(places.home).map(async (file) => join(await real(dirname(file)), basename(file))),
  );
  if (home.includes(absolute)) {
    // git-credential-store uses the XDG file only when ~/.git-credentials is absent: take the one there.
    if (absolute === home[1] && !(await exists(absolute)) && (await exists(home[3]!))) return home[3];
    return absolute;
  }
  if (!places.repo) return undefined;
  for (const dir of await gitDirs(context, places.repo)) {
    const inside = relative(dir, absolute).split(sep).join('/');
    if (!inside.startsWith('..') && !isAbsolute(inside) && REPO_LOCK.test(inside)) return absolute;
  }
  return undefined;
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** How a known lock file stands: gone, held (newer than the app, or git is running), or stale. */
export type LockState = 'gone' | 'held' | 'stale' | 'not_a_file';

/** Whether the lock can only be a leftover: a plain file older than the app, with no git of the app running. */
export async function lockState(path: string, startedAt: number): Promise<LockState> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 'gone';
  if (!info.isFile()) return 'not_a_file';
  return info.mtimeMs < startedAt && gitRunsGoing() === 0 ? 'stale' : 'held';
}

/** Why a removal was refused, in the words the screen shows. */
export interface LockRefusal {
  readonly ok: false;
  readonly reason: string;
  readonly hint: string;
}

/** Removes exactly that lock file, after checking again that it is git's, stale and not in use. */
export async function removeStaleLock(
  context: GitContext,
  named: string,
  places: LockPlaces,
  startedAt: number,
): Promise<{ readonly ok: true; readonly path: string } | LockRefusal> {
  const path = await knownLockFile(context, named, places);
  if (!path)
    return {
      ok: false,
      reason: 'That is not one of Git’s lock files in your home folder or in this repository.',
      hint: 'The app removes only the lock file Git named.',
    };
  const state = await lockState(path, startedAt);
  if (state === 'gone') return { ok: true, path };
  if (state !== 'stale')
    return {
      ok: false,
      reason:
        state === 'held'
          ? 'That lock may be in use: it is newer than the app, or Git is running right now.'
          : 'That lock is not a plain file.',
      hint: 'Wait for other Git programs to finish, then try again.',
    };
  await unlink(path);
  return { ok: true, path };
}

/**
 * A git_lock answer with the one-click removal kept only where it is safe (the file is git's own,
 * older than the app, and no git of the app runs), the file named by its full path, and a fix
 * that says which case it is. Other answers pass unchanged.
 */
export async function adviseLock(
  context: GitContext,
  outcome: Outcome,
  places: LockPlaces,
  startedAt: number,
): Promise<Outcome> {
  const named = outcome.kind === 'git_lock' ? outcome.files?.[0] : undefined;
  if (named === undefined) return outcome;
  // The table offers the removal for every lock; it stays only where the checks below allow it.
  const rest: Outcome = { ...outcome };
  delete (rest as { action?: Outcome['action'] }).action;
  const path = await knownLockFile(context, named, places);
  if (!path)
    return {
      ...rest,
      fix: 'If no other Git program is running, delete that lock file (the app removes only lock files it knows to be Git’s), then try again.',
    };
  const state = await lockState(path, startedAt);
  if (state === 'stale')
    return {
      ...rest,
      files: [path],
      action: 'remove_stale_lock',
      fix: 'It is older than the app and no Git of the app is running, so it was left behind by a Git that stopped mid-write. Remove the stale lock (only that file is deleted), then try again.',
    };
  return {
    ...rest,
    files: [path],
    fix:
      state === 'gone'
        ? 'The lock file is gone now: try again.'
        : 'Another Git program may still be working: wait until it finishes, then try again. If none is running, restart the app: it then offers to remove the lock.',
  };
}

import { git, type GitContext } from './core';

// Backup branches: `hfgd-backup-<UTC time to the millisecond>`, made here for every rewrite the
// app does (the LFS migration, a restore), so every backup is listed and restored the same way.
// The reason is the reflog message of the creation.

/** The prefix every backup branch of the app has. */
export const BACKUP_PREFIX = 'hfgd-backup-';

/** The stamp in a backup's name: the time it was made (UTC). */
const STAMP = /^hfgd-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{3}))?(?:-\d+)?$/;

/** The time a backup branch's name says it was made, ISO, or undefined for another name. */
export function backupTime(branch: string): string | undefined {
  const match = STAMP.exec(branch);
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds, millis = '000'] = match;
  const time = Date.parse(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Creates a new backup branch at COMMIT with REASON as its reflog message, never replacing one:
 * each name is created only if it does not exist (`update-ref` with an empty old value), -2, -3…
 * after it when taken (two rewrites in one millisecond, or a clock set back).
 */
export async function createBackup(
  context: GitContext,
  repoPath: string,
  commit: string,
  reason: string,
  now: Date = new Date(),
): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/Z$/, '');
  for (let attempt = 1; attempt <= 100; attempt += 1) {
    const name = `${BACKUP_PREFIX}${stamp}${attempt === 1 ? '' : `-${attempt}`}`;
    // Exit 1: the name is free.
    const taken = await git(context, ['show-ref', '--verify', '--quiet', `refs/heads/${name}`], {
      cwd: repoPath,
      okExitCodes: [0, 1],
    });
    if (taken.exitCode === 0) continue;
    await git(context, ['update-ref', '--create-reflog', '-m', reason, `refs/heads/${name}`, commit, ''], {
      cwd: repoPath,
    });
    return name;
  }
  throw new Error('There are too many backup branches from this moment; try again.');
}

/** One backup branch: its name, commit, the creation's reflog message and the commit's subject. */
export interface BackupBranch {
  readonly branch: string;
  readonly commit: string;
  readonly committedAt: string;
  readonly subject: string;
  /** The reflog message the branch was created with, when the reflog is there. */
  readonly createdWith: string | undefined;
}

/** The repository's backup branches (`hfgd-backup-*`), as named. */
export async function listBackups(context: GitContext, repoPath: string): Promise<BackupBranch[]> {
  const out = await git(
    context,
    [
      'for-each-ref',
      '--format=%(refname:short)%00%(objectname)%00%(committerdate:iso-strict)%00%(contents:subject)',
      `refs/heads/${BACKUP_PREFIX}*`,
    ],
    { cwd: repoPath },
  );
  const branches = out.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [branch = '', commit = '', committedAt = '', subject = ''] = line.split('\u0000');
      return { branch, commit, committedAt, subject };
    });
  return Promise.all(
    branches.map(async (branch) => {
      // The reflog, oldest entry last; exit 128 when there is none.
      const log = await git(context, ['log', '-g', '--format=%gs', `refs/heads/${branch.branch}`, '--'], {
        cwd: repoPath,
        okExitCodes: [0, 128],
      });
      const entries = log.stdout.split('\n').filter((line) => line !== '');
      return { ...branch, createdWith: log.exitCode === 0 ? entries.at(-1) : undefined };
    }),
  );
}

import { randomBytes } from 'node:crypto';
import {
  chmod,
  copyFile,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  type FileHandle,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** How many symlinks a path may go through before we call it a loop (Linux's own limit, MAXSYMLINKS). */
const MAX_LINKS = 40;

/**
 * Where a write to PATH really lands: the end of its symlink chain. Dotfile managers (stow,
 * home-manager, chezmoi's symlink mode) make ~/.ssh/config a link into another folder; writing
 * the link's path with rename() would replace the link by a regular file and silently fork the
 * user's dotfiles. A dangling link resolves to the missing target, which the write then creates.
 */
export async function resolveWriteTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let current = resolve(path);
  for (let hops = 0; hops < MAX_LINKS; hops += 1) {
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`Too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/** The temp name beside TARGET: hidden, marked as ours, and naming the writing process so a later start can tell a crash's leftover from a write in progress. */
function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.hfgd-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
}

/**
 * Replaces a file without ever leaving it half-written: write a temp file beside the real target
 * (same folder, so rename is atomic; symlinks are followed, so the link stays a link), flush it,
 * set its mode, then rename over the original. A failed write (disk full, read-only folder,
 * `chattr +i`) removes its temp file and leaves the original as it was.
 */
export async function atomicWrite(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
  const target = await resolveWriteTarget(path);
  const temp = tempPathFor(target);
  let handle: FileHandle | undefined = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/** The mode bits of the file PATH leads to (through links), or undefined when there is none. */
export async function existingMode(path: string): Promise<number | undefined> {
  try {
    const target = await resolveWriteTarget(path);
    return (await lstat(target)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const BACKUP_MARK = '.hfgd-backup-';
/** A backup's stamp: an ISO time with `:` and `.` made file-name safe, and a counter on collision. */
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?$/;

/** Copies a file to PATH.hfgd-backup-TIMESTAMP (the bytes exactly) and returns the copy's path; never overwrites an earlier backup. */
export async function backupFile(path: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backup = `${path}${BACKUP_MARK}${stamp}`;
  for (let n = 2; ; n += 1) {
    try {
      await copyFile(path, backup, 1 /* COPYFILE_EXCL */);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A copy that failed half-way (disk full) must not pass for a backup.
        await rm(backup, { force: true });
        throw error;
      }
      backup = `${path}${BACKUP_MARK}${stamp}-${n}`;
    }
  }
}

interface Backup {
  readonly path: string;
  readonly time: number;
  readonly counter: number;
}

/** The app's backups of PATH, oldest first: what pruning and the once-a-day rule go by (names other than ours are ignored). */
export async function listBackups(path: string): Promise<Backup[]> {
  const prefix = `${basename(path)}${BACKUP_MARK}`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: Backup[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = STAMP.exec(name.slice(prefix.length));
    if (!match) continue;
    const [, day, hours, minutes, seconds, millis, counter] = match;
    const time = Date.parse(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
    if (Number.isNaN(time)) continue;
    found.push({ path: join(dirname(path), name), time, counter: Number(counter ?? 1) });
  }
  return found.sort((a, b) => a.time - b.time || a.counter - b.counter);
}

/** How many of the newest backups are kept besides the oldest one. */
export const NEWEST_BACKUPS_KEPT = 3;

/**
 * Deletes the app's old backups of PATH, keeping the oldest (the file as it was before the app
 * first touched it) and the newest three: ten changes of a 3 MB config once left 31 MB behind.
 * Returns what was deleted.
 */
export async function pruneBackups(path: string): Promise<string[]> {
  const backups = await listBackups(path);
  const doomed = backups.slice(1, Math.max(1, backups.length - NEWEST_BACKUPS_KEPT));
  for (const backup of doomed) await rm(backup.path, { force: true });
  return doomed.map((backup) => backup.path);
}

/** The UTC day of a time, as the backup names spell it. */
const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * Replaces a file that belongs to the user (known_hosts, ~/.ssh/config) with a backup first: at
 * most one backup per file per (UTC) day, the day's first change keeping what came before it; a
 * write that is refused (read-only, disk full) deletes the backup it made, so retrying does not
 * pile up copies; old backups are pruned after a write that worked. Returns the backup made now,
 * or undefined when none was (a new file, or one already backed up today).
 */
export async function replaceWithBackup(
  path: string,
  content: string | Buffer,
  mode: number,
  now: Date = new Date(),
): Promise<string | undefined> {
  const exists = (await existingMode(path)) !== undefined;
  const backedUpToday = (await listBackups(path)).some(
    (backup) => dayOf(backup.time) === dayOf(now.getTime()),
  );
  const backup = exists && !backedUpToday ? await backupFile(path, now) : undefined;
  try {
    await atomicWrite(path, content, mode);
  } catch (error) {
    if (backup !== undefined) await rm(backup, { force: true });
    throw error;
  }
  if (backup !== undefined) await pruneBackups(path);
  return backup;
}

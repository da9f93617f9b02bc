import { randomBytes } from 'node:crypto';
import { chmod, copyFile, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file without ever leaving it half-written: write a temp file beside it (same
 * folder, so rename is atomic), flush it, set its mode, then rename over the original.
 */
export async function atomicWrite(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Copies a file to PATH.hfgd-backup-TIMESTAMP before the app changes it, and returns the copy's
 * path; the copy keeps the original's bytes exactly. Never overwrites an earlier backup.
 */
export async function backupFile(path: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backup = `${path}.hfgd-backup-${stamp}`;
  for (let n = 2; ; n += 1) {
    try {
      await copyFile(path, backup, 1 /* COPYFILE_EXCL */);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      backup = `${path}.hfgd-backup-${stamp}-${n}`;
    }
  }
}

import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** atomicWrite's temp names: `.NAME.hfgd-PID-HEX.tmp`. */
const TEMP = /^\..+\.hfgd-(\d+)-[0-9a-f]{12}\.tmp$/;
/** The names earlier versions used, without the writer's pid: `.NAME.HEX.tmp`. */
const LEGACY_TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A leftover older than this is stale whoever wrote it (its pid may have been reused). */
const MAX_TEMP_AGE_MS = 24 * 60 * 60 * 1000;
/** A legacy temp names no writer: only this old is it surely not a write in progress. */
const LEGACY_GRACE_MS = 60 * 1000;

/** Whether a process with this pid exists (signal 0 checks without sending; EPERM means it exists). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where and when a leftover counts as stale; `now` is for tests. */
export interface TempCleanupOptions {
  /** Also remove the pid-less names of earlier versions (only where those versions wrote). */
  readonly legacy?: boolean;
  readonly now?: number;
}

/**
 * Removes the temp files an interrupted atomicWrite left in DIR: a kill -9 between open and
 * rename leaves a full-size copy of the file (3 MB per crash for a 3 MB config). A temp whose
 * writer is still alive is a write in progress and is kept. Returns the paths removed; a folder
 * that does not exist has nothing to clean.
 */
export async function removeStaleTempFiles(dir: string, options: TempCleanupOptions = {}): Promise<string[]> {
  const now = options.now ?? Date.now();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const ours = TEMP.exec(name);
    const legacy = !ours && options.legacy === true && LEGACY_TEMP.test(name);
    if (!ours && !legacy) continue;
    const path = join(dir, name);
    let age: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      age = now - info.mtimeMs;
    } catch {
      continue;
    }
    const pid = ours ? Number(ours[1]) : undefined;
    const stale =
      age > MAX_TEMP_AGE_MS ||
      (pid !== undefined ? pid !== process.pid && !processAlive(pid) : age > LEGACY_GRACE_MS);
    if (!stale) continue;
    try {
      await rm(path, { force: true });
      removed.push(path);
    } catch {
      // Not ours to remove after all (another owner, a read-only folder): leave it.
    }
  }
  return removed;
}

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

// Every entry under a folder, as what a write would change: for a file its size, mode, mtime and
// content hash; for a folder its mode and mtime (a file made and removed again still moves it);
// for a link its target. Access times are left out: reading is allowed.

/** Why: one entry of a snapshot, keyed by its path relative to the folder. */
export interface SnapshotEntry {
  readonly type: 'file' | 'dir' | 'link' | 'other';
  readonly mode: number;
  readonly mtimeMs: number;
  readonly size?: number;
  readonly sha256?: string;
  readonly target?: string;
}

/** Why: the state a read-only run must leave exactly as it found it. */
export function snapshotTree(root: string): Readonly<Record<string, SnapshotEntry>> {
  const entries: Record<string, SnapshotEntry> = {};
  const walk = (path: string): void => {
    const info = lstatSync(path);
    const key = relative(root, path) || '.';
    const base = { mode: info.mode, mtimeMs: info.mtimeMs };
    if (info.isSymbolicLink()) entries[key] = { type: 'link', ...base, target: readlinkSync(path) };
    else if (info.isFile()) {
      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
      entries[key] = { type: 'file', ...base, size: info.size, sha256 };
    } else if (info.isDirectory()) {
      entries[key] = { type: 'dir', ...base };
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else entries[key] = { type: 'other', ...base };
  };
  walk(root);
  return entries;
}

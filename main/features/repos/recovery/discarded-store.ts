import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, realpath, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from '../../../core/atomic-write';
import type { IndexEntry } from '../../../git/index-entries';

// Discarded files, kept by the app in its own data folder until the person brings them back:
// <dataDir>/discarded/<repository key>/<id>/ holds manifest.json, the work-tree bytes (files/N)
// and the ticked bytes (index/N) of each file. Folders are 0700 and files 0600 (they may hold
// anything the person wrote); a set is written in a temp folder and renamed into place, so a set
// is either whole or absent. Nothing expires: a set stays until it is restored (this round has
// no "remove" operation and no automatic clean-up).

/** One discarded file as it was just before the discard. */
export interface KeptFile {
  readonly path: string;
  /** Two-letter porcelain status at the discard ("M ", " M", "??", " D"…). */
  readonly status: string;
  readonly staged: boolean;
  /** The index entry (mode and blob) before; null when the path was not in the index. */
  readonly index: IndexEntry | null;
  /** The index blob's own bytes, saved (index/N) when the file was ticked: a blob nothing refers to may be pruned. */
  readonly indexCopy: string | null;
  /** The work-tree file (files/N), its mode bits and sha256; null when it was deleted. */
  readonly content: {
    readonly file: string;
    readonly mode: number;
    readonly sha256: string;
    readonly link: boolean;
  } | null;
}

/** What the discard left in place of each file, so Restore can tell a later edit and keep it. */
export interface LeftState {
  readonly path: string;
  /** sha256 of the work-tree file after the discard; null when none was left. */
  readonly sha256: string | null;
  readonly index: IndexEntry | null;
}

export interface DiscardedSet {
  readonly version: 1;
  readonly id: string;
  readonly at: string;
  readonly repo: string;
  readonly reason: 'discard' | 'before-restore';
  readonly inTrash: boolean;
  readonly files: readonly KeptFile[];
  /** Absent until the discard is done. */
  readonly left?: readonly LeftState[];
}

/** The bytes to keep for one file (read before anything changes). */
export interface FileToKeep {
  readonly path: string;
  readonly status: string;
  readonly staged: boolean;
  readonly index: IndexEntry | null;
  readonly indexBytes: Buffer | null;
  readonly content: { readonly bytes: Buffer; readonly mode: number; readonly link: boolean } | null;
}

/** A set's id: its time to the millisecond and a random tail (never a path). */
export const SET_ID = /^\d{8}T\d{9}-[0-9a-f]{8}$/;

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The folder holding one repository's discarded sets. */
export async function repoFolder(dataDir: string, repo: string): Promise<string> {
  const real = await realpath(repo).catch(() => repo);
  const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return join(dataDir, 'discarded', key);
}

function newId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').replace(/Z$/, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

async function writePrivate(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a whole set (bytes, then manifest) into a temp folder and renames it into place; a
 * failure part-way (a full disk) removes the temp folder and throws, before any file is touched.
 */
export async function saveSet(
  dataDir: string,
  repo: string,
  files: readonly FileToKeep[],
  reason: DiscardedSet['reason'],
  inTrash: boolean,
  now: Date = new Date(),
): Promise<DiscardedSet> {
  const folder = await repoFolder(dataDir, repo);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(join(dataDir, 'discarded'), 0o700);
  await chmod(folder, 0o700);
  const id = newId(now);
  const temp = join(folder, `.tmp-${id}`);
  try {
    await mkdir(join(temp, 'files'), { recursive: true, mode: 0o700 });
    await mkdir(join(temp, 'index'), { mode: 0o700 });
    const kept: KeptFile[] = [];
    for (const [n, file] of files.entries()) {
      if (file.content) await writePrivate(join(temp, 'files', String(n)), file.content.bytes);
      if (file.indexBytes) await writePrivate(join(temp, 'index', String(n)), file.indexBytes);
      kept.push({
        path: file.path,
        status: file.status,
        staged: file.staged,
        index: file.index,
        indexCopy: file.indexBytes ? `index/${n}` : null,
        content: file.content
          ? {
              file: `files/${n}`,
              mode: file.content.mode,
              sha256: sha256(file.content.bytes),
              link: file.content.link,
            }
          : null,
      });
    }
    const set: DiscardedSet = { version: 1, id, at: now.toISOString(), repo, reason, inTrash, files: kept };
    await writePrivate(join(temp, 'manifest.json'), Buffer.from(JSON.stringify(set, null, 2)));
    await rename(temp, join(folder, id));
    return set;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Records what the discard left (and whether the trash got copies), replacing the manifest atomically. */
export async function finishSet(
  dataDir: string,
  set: DiscardedSet,
  left: readonly LeftState[],
  inTrash: boolean,
): Promise<DiscardedSet> {
  const done: DiscardedSet = { ...set, left, inTrash };
  const folder = join(await repoFolder(dataDir, set.repo), set.id);
  await atomicWrite(join(folder, 'manifest.json'), JSON.stringify(done, null, 2), 0o600);
  return done;
}

/** One set of this repository, or undefined when there is none with that id. */
export async function readSet(dataDir: string, repo: string, id: string): Promise<DiscardedSet | undefined> {
  if (!SET_ID.test(id)) return undefined;
  const folder = join(await repoFolder(dataDir, repo), id);
  try {
    const set = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DiscardedSet;
    return set.version === 1 && set.id === id ? set : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes a set kept under NAME (files/N or index/N). */
export async function readKept(dataDir: string, set: DiscardedSet, name: string): Promise<Buffer> {
  if (!/^(files|index)\/\d+$/.test(name)) throw new Error('Not a kept file.');
  return readFile(join(await repoFolder(dataDir, set.repo), set.id, name));
}

/** The full path of a kept file (for `git hash-object`). */
export async function keptPath(dataDir: string, set: DiscardedSet, name: string): Promise<string> {
  if (!/^(files|index)\/\d+$/.test(name)) throw new Error('Not a kept file.');
  return join(await repoFolder(dataDir, set.repo), set.id, name);
}

/** This repository's sets, newest first (a temp folder of a write that never finished is skipped). */
export async function listSets(dataDir: string, repo: string): Promise<DiscardedSet[]> {
  const folder = await repoFolder(dataDir, repo);
  const names = await readdir(folder).catch(() => [] as string[]);
  const sets = await Promise.all(
    names.filter((name) => SET_ID.test(name)).map((id) => readSet(dataDir, repo, id)),
  );
  return sets
    .filter((set): set is DiscardedSet => set !== undefined)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}

/** Removes a set once its files are back where they were. */
export async function removeSet(dataDir: string, set: DiscardedSet): Promise<void> {
  await rm(join(await repoFolder(dataDir, set.repo), set.id), { recursive: true, force: true });
}

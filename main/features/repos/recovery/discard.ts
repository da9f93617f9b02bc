import { chmod, lstat, mkdir, readFile, readlink, rm, rmdir, symlink } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';
import type { DiscardedView } from '../../../../preload/contract';
import { atomicWrite } from '../../../core/atomic-write';
import type { GitContext } from '../../../git/core';
import { restoreFromHead, stagedRenames } from '../../../git/discard';
import {
  hasObject,
  inHead,
  readBlob,
  readIndexEntries,
  setIndexEntries,
  writeBlob,
  type IndexEntry,
} from '../../../git/index-entries';
import { repoStatus } from '../../../git/status';
import { RecoveryError } from './errors';
import {
  finishSet,
  keptPath,
  readKept,
  readSet,
  removeSet,
  saveSet,
  sha256,
  type DiscardedSet,
  type FileToKeep,
  type LeftState,
} from './discarded-store';

// "Discard changes" that can always be taken back: the files' bytes and ticked state are copied
// into the app's data folder before anything changes, then (in the desktop app) the files go to
// the system trash as GitHub Desktop does, and each file goes back to HEAD's version. Restore
// puts every file back as it was, bytes and ticked state, keeping anything written since.

/** The full path of a repository file, refusing anything that would land outside the repository. */
export function insideRepo(top: string, file: string): string {
  if (file === '' || isAbsolute(file) || file.includes('\u0000'))
    throw new RecoveryError(
      'not_found',
      `"${file}" is not a file of this repository.`,
      'Pick a file from the list.',
    );
  const full = join(top, file);
  const rel = relative(top, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw new RecoveryError(
      'not_found',
      `"${file}" is not a file of this repository.`,
      'Pick a file from the list.',
    );
  return full;
}

/** A work-tree file's bytes and mode (a symlink as its target), or null when there is none. */
async function readWorkFile(full: string, file: string): Promise<FileToKeep['content']> {
  const info = await lstat(full).catch(() => undefined);
  if (!info) return null;
  if (info.isSymbolicLink()) return { bytes: Buffer.from(await readlink(full)), mode: 0o777, link: true };
  if (!info.isFile())
    throw new RecoveryError(
      'not_allowed',
      `"${file}" is a folder (another repository inside this one), which the app does not discard.`,
      'Open that folder as a repository of its own to change it.',
    );
  return { bytes: await readFile(full), mode: info.mode & 0o777, link: false };
}

/** sha256 of a work-tree file's bytes now (a link's target), or null when there is none. */
async function currentHash(full: string): Promise<string | null> {
  const info = await lstat(full).catch(() => undefined);
  if (!info) return null;
  if (info.isSymbolicLink()) return sha256(Buffer.from(await readlink(full)));
  return info.isFile() ? sha256(await readFile(full)) : null;
}

/** Removes empty folders left above a removed file, up to (not including) the repository's top. */
async function pruneEmptyParents(top: string, full: string): Promise<void> {
  for (let folder = dirname(full); folder !== top && folder.startsWith(top); folder = dirname(folder)) {
    // ENOTEMPTY (or anything else): the folder stays, and so do its parents.
    if (
      !(await rmdir(folder).then(
        () => true,
        () => false,
      ))
    )
      return;
  }
}

const sameEntry = (a: IndexEntry | null | undefined, b: IndexEntry | null | undefined): boolean =>
  (a ?? null) === null ? (b ?? null) === null : a?.mode === b?.mode && a?.blob === b?.blob;

/** What the person sees of a set. */
export function discardedView(set: DiscardedSet): DiscardedView {
  return { id: set.id, at: set.at, files: set.files.map((file) => file.path), inTrash: set.inTrash };
}

/** Reads what the discard of PATHS must keep: work-tree bytes, the index entry and the ticked bytes. */
async function filesToKeep(
  git: GitContext,
  top: string,
  changes: ReadonlyMap<string, { readonly status: string; readonly staged: boolean }>,
  paths: readonly string[],
): Promise<FileToKeep[]> {
  const index = await readIndexEntries(git, top, paths);
  return Promise.all(
    paths.map(async (path) => {
      const change = changes.get(path) ?? { status: '  ', staged: false };
      const entry = index.get(path) ?? null;
      return {
        path,
        status: change.status,
        staged: change.staged,
        index: entry,
        indexBytes: entry !== null && change.staged ? await readBlob(git, top, entry.blob) : null,
        content: await readWorkFile(insideRepo(top, path), path),
      };
    }),
  );
}

/** What each path holds now, to record as what the discard left. */
async function leftState(git: GitContext, top: string, paths: readonly string[]): Promise<LeftState[]> {
  const index = await readIndexEntries(git, top, paths);
  return Promise.all(
    paths.map(async (path) => ({
      path,
      sha256: await currentHash(insideRepo(top, path)),
      index: index.get(path) ?? null,
    })),
  );
}

/**
 * Discards exactly the listed files (each must be one of the current changes, else not_found
 * naming it). A renamed file takes its old name along (one change to the person).
 */
export async function discardFiles(
  git: GitContext,
  dataDir: string,
  top: string,
  files: readonly string[],
  trashItem?: (path: string) => Promise<void>,
  now: Date = new Date(),
): Promise<DiscardedSet> {
  if (files.length === 0)
    throw new RecoveryError(
      'invalid_input',
      'No file was chosen to discard.',
      'Tick the files to discard first.',
    );
  const status = await repoStatus(git, top);
  const changes = new Map(status.changes.map((change) => [change.path, change]));
  const wanted = [...new Set(files)];
  for (const file of wanted)
    if (!changes.has(file))
      throw new RecoveryError(
        'not_found',
        `"${file}" has no changes to discard.`,
        'Refresh the list of changes and choose the file again.',
      );
  const renames = wanted.some((file) => changes.get(file)?.status.startsWith('R'))
    ? await stagedRenames(git, top)
    : new Map<string, string>();
  const paths = [...wanted];
  for (const file of wanted) {
    const from = renames.get(file);
    if (from !== undefined && !paths.includes(from)) paths.push(from);
  }
  const keep = await filesToKeep(git, top, changes, paths);
  const set = await saveSet(dataDir, top, keep, 'discard', false, now);

  // The in-app copy is what Restore uses; the trash, where there is one, gets the file too.
  let trashed = 0;
  let trashFailed = false;
  if (trashItem)
    for (const file of keep)
      if (file.content)
        await trashItem(insideRepo(top, file.path)).then(
          () => (trashed += 1),
          () => (trashFailed = true),
        );
  const tracked = await inHead(git, top, paths);
  const fromHead = paths.filter((path) => tracked.has(path));
  const fresh = keep.filter((file) => !tracked.has(file.path));
  await restoreFromHead(git, top, fromHead);
  const unindex = new Map<string, IndexEntry | null>(
    fresh.filter((file) => file.index !== null).map((file) => [file.path, null]),
  );
  await setIndexEntries(git, top, unindex);
  for (const file of fresh) {
    const full = insideRepo(top, file.path);
    await rm(full, { force: true });
    await pruneEmptyParents(top, full);
  }
  return finishSet(dataDir, set, await leftState(git, top, paths), trashed > 0 && !trashFailed);
}

/** Writes a kept file back exactly (a link as a link), replacing whatever is at its path now. */
async function putBack(dataDir: string, set: DiscardedSet, top: string, file: DiscardedSet['files'][number]) {
  const full = insideRepo(top, file.path);
  await rm(full, { force: true });
  if (!file.content) {
    await pruneEmptyParents(top, full);
    return;
  }
  await mkdir(dirname(full), { recursive: true });
  const bytes = await readKept(dataDir, set, file.content.file);
  if (file.content.link) await symlink(bytes.toString(), full);
  else {
    await atomicWrite(full, bytes, file.content.mode);
    await chmod(full, file.content.mode);
  }
}

/**
 * Puts a set back: each file's bytes and its index entry exactly as before the discard. A file
 * changed since the discard is first kept as a set of its own ("before-restore"), so Restore
 * never overwrites anything silently. The set is removed once everything is back.
 */
export async function restoreSet(
  git: GitContext,
  dataDir: string,
  top: string,
  id: string,
  now: Date = new Date(),
): Promise<{ readonly restored: DiscardedSet; readonly keptFirst: DiscardedSet | undefined }> {
  const set = await readSet(dataDir, top, id);
  if (!set)
    throw new RecoveryError(
      'not_found',
      'Those discarded files are no longer kept by the app.',
      'Refresh the list of things you can bring back.',
    );
  const paths = set.files.map((file) => file.path);
  const current = await leftState(git, top, paths);
  const left = new Map((set.left ?? []).map((state) => [state.path, state]));
  const changedSince = current.filter((state) => {
    const was = left.get(state.path);
    return was === undefined || was.sha256 !== state.sha256 || !sameEntry(was.index, state.index);
  });
  let keptFirst: DiscardedSet | undefined;
  if (changedSince.length > 0) {
    const status = await repoStatus(git, top);
    const changes = new Map(status.changes.map((change) => [change.path, change]));
    const keep = await filesToKeep(
      git,
      top,
      changes,
      changedSince.map((state) => state.path),
    );
    keptFirst = await saveSet(dataDir, top, keep, 'before-restore', false, now);
  }
  for (const file of set.files) await putBack(dataDir, set, top, file);
  const entries = new Map<string, IndexEntry | null>();
  for (const file of set.files) {
    if (file.index !== null && !(await hasObject(git, top, file.index.blob))) {
      // The ticked bytes were pruned from git's objects: write them again from the app's copy.
      if (file.indexCopy === null) continue;
      await writeBlob(git, top, await keptPath(dataDir, set, file.indexCopy));
    }
    entries.set(file.path, file.index);
  }
  await setIndexEntries(git, top, entries);
  // What this restore left is what the kept-first set, restored in turn, compares against.
  if (keptFirst)
    keptFirst = await finishSet(
      dataDir,
      keptFirst,
      await leftState(
        git,
        top,
        keptFirst.files.map((file) => file.path),
      ),
      false,
    );
  await removeSet(dataDir, set);
  return { restored: set, keptFirst };
}

import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { GitContext } from '../../../git/core';
import { commitFileChanges } from '../../../git/diff-tree';
import { stagedRenames, type DiffSpec } from '../../../git/diff';
import { indexEntry } from '../../../git/index-entry';
import { emptyTree, firstParent, headCommit } from '../../../git/resolve-commit';
import { blobSizes } from '../../../git/show-blob';
import { treeEntry } from '../../../git/tree-entry';
import { namedCommit } from './commits';
import { HistoryError } from './errors';

// The two sides of one change, found before any content is read: a blob in git (HEAD, the
// index, a commit or its parent), a file in the work tree, or nothing (added or deleted).

/** One side of a change: a blob in git, a file in the work tree, or nothing (added or deleted). */
export type Side =
  | { readonly where: 'object'; readonly oid: string; readonly mode: string; readonly size: number | null }
  | { readonly where: 'file'; readonly path: string; readonly mode: string; readonly size: number }
  | null;

/** Both sides of the change and how git is asked for its patch. */
export interface Change {
  readonly before: Side;
  readonly after: Side;
  readonly spec: DiffSpec;
  /** The file, and where it was renamed from when it was. */
  readonly paths: readonly string[];
}

/** The refusal for a file with nothing to show: the list the person picked it from is out of date. */
export const notChanged = (file: string, where: string): HistoryError =>
  new HistoryError(
    'not_found',
    `${file} has no change ${where}.`,
    'Pick a file from the list; it may have changed since the list was read.',
  );

/** What a work-tree entry that is neither a file, a link nor a folder is given (a FIFO, a socket, a device). */
export const NOT_A_FILE = '000000';

/**
 * The mode git would record for a work-tree entry (a link, an executable, a folder). A FIFO or a
 * device is none of them: git never tracks one, and reading it could wait forever.
 */
function modeOf(info: {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
  mode: number;
}): string {
  if (info.isSymbolicLink()) return '120000';
  if (info.isDirectory()) return '040000';
  if (!info.isFile()) return NOT_A_FILE;
  return info.mode & 0o100 ? '100755' : '100644';
}

/** The work-tree file at `file`, or null when there is none; never a path outside the work tree. */
async function workFile(top: string, file: string): Promise<Side> {
  const path = join(top, file);
  const info = await lstat(path).catch(() => undefined);
  if (!info) return null;
  // A folder on the way that is a link out of the repository: git tracks nothing beyond it.
  const [realTop, realParent] = await Promise.all([realpath(top), realpath(dirname(path))]);
  const inside = relative(realTop, realParent);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new HistoryError(
      'invalid_input',
      `${file} is outside this repository (a folder on its way is a link).`,
      'Pick a file from the list of changes.',
    );
  return { where: 'file', path, mode: modeOf(info), size: info.size };
}

/** The blob at `file` in a commit, with its size. */
async function objectAt(context: GitContext, top: string, treeish: string, file: string): Promise<Side> {
  const entry = await treeEntry(context, top, treeish, file);
  return entry ? { where: 'object', ...entry } : null;
}

/** The index's blob, with its size (ls-files does not give sizes). */
async function sized(context: GitContext, top: string, oid: string, mode: string): Promise<Side> {
  if (mode === '160000') return { where: 'object', oid, mode, size: null };
  const sizes = await blobSizes(context, top, [oid]);
  return { where: 'object', oid, mode, size: sizes.get(oid) ?? null };
}

/** Finds both sides of the uncommitted change of `file`, ticked (staged) or not. */
export async function uncommitted(
  context: GitContext,
  top: string,
  file: string,
  staged: boolean,
): Promise<Change> {
  const [head, index, work] = await Promise.all([
    headCommit(context, top),
    indexEntry(context, top, file),
    staged ? Promise.resolve(null) : workFile(top, file),
  ]);
  if (staged) {
    if (index?.kind === 'conflicted')
      throw new HistoryError(
        'not_found',
        `${file} is in conflict, so nothing of it is ticked yet.`,
        'Look at the unticked change to see the conflict, then choose which version to keep.',
      );
    const from = (head && (await stagedRenames(context, top)).get(file)) || undefined;
    const before = head ? await objectAt(context, top, head, from ?? file) : null;
    const after = index ? await sized(context, top, index.oid, index.mode) : null;
    return { before, after, spec: { kind: 'staged' }, paths: from ? [file, from] : [file] };
  }
  const after = work;
  if (index === null) {
    // Not in the index: an untracked file, shown as all added.
    if (after === null) throw notChanged(file, 'in the work tree');
    return { before: null, after, spec: { kind: 'untracked' }, paths: [file] };
  }
  if (index.kind === 'conflicted') {
    // No ticked version to compare with: the file as it is now (markers and all) against the last commit.
    const before = head ? await objectAt(context, top, head, file) : null;
    const spec: DiffSpec = head ? { kind: 'commit-to-work-tree', from: head } : { kind: 'untracked' };
    return { before, after, spec, paths: [file] };
  }
  const before = await sized(context, top, index.oid, index.mode);
  return { before, after, spec: { kind: 'unstaged' }, paths: [file] };
}

/** Finds both sides of what `commit` did to `file`, against its first parent (a root commit: nothing). */
export async function committed(
  context: GitContext,
  top: string,
  file: string,
  commit: string,
): Promise<Change> {
  const oid = await namedCommit(context, top, commit);
  const parent = await firstParent(context, top, oid);
  const files = await commitFileChanges(context, top, oid, parent);
  const entry = files.find((candidate) => candidate.path === file);
  if (!entry) throw notChanged(file, `in commit ${oid.slice(0, 7)}`);
  const from = entry.from ?? file;
  const [before, after] = await Promise.all([
    parent && entry.status !== 'A' ? objectAt(context, top, parent, from) : Promise.resolve(null),
    entry.status !== 'D' ? objectAt(context, top, oid, file) : Promise.resolve(null),
  ]);
  return {
    before,
    after,
    spec: { kind: 'trees', from: parent ?? (await emptyTree(context, top)), to: oid },
    paths: entry.from ? [file, entry.from] : [file],
  };
}

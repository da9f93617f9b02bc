import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { dirname, extname, join, relative, isAbsolute } from 'node:path';
import type { DiffSource, DiffView, ImageSide } from '../../../../preload/contract';
import type { GitContext } from '../../../git/core';
import { commitFileChanges } from '../../../git/diff-tree';
import {
  filePatch,
  parsePatch,
  stagedRenames,
  DIFF_LIMITS,
  type DiffLimits,
  type DiffSpec,
} from '../../../git/diff';
import { indexEntry } from '../../../git/index-entry';
import { lfsTracked } from '../../../git/lfs-attribute';
import { parsePointer } from '../../../git/objects';
import { emptyTree, firstParent, headCommit, resolveCommit } from '../../../git/resolve-commit';
import { blobSizes, hashBlob, readBlob } from '../../../git/show-blob';
import { treeEntry } from '../../../git/tree-entry';
import { assertNever } from '../../../ipc/result';
import { checkCommitName, checkFileName, HistoryError } from './errors';

// "Selecting a file shows its diff" (issue 12, item 4): the two sides of one change are found
// first (an object in git, a file in the work tree, or nothing), then what the file is decides
// how it is shown: a submodule or a bare mode change in words, an LFS file by its pointers (the
// old object is never downloaded, the work tree's bytes are hashed as a stream), a picture
// inline when small, another binary by its sizes, and text as numbered lines, cut to what a
// window can show.

/** A picture is shown inline up to this size (issue 12: "images old and new side by side"). */
export const IMAGE_INLINE_LIMIT = 1024 * 1024;

/** Extensions shown as pictures, and the type of their data: URL. SVG is not one: it can hold script. */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
};

/** A pointer file is about 130 bytes; the spec allows up to 1024 (objects.ts parsePointer). */
const POINTER_MAX = 1024;

/** One side of a change: a blob in git, a file in the work tree, or nothing (added or deleted). */
type Side =
  | { readonly where: 'object'; readonly oid: string; readonly mode: string; readonly size: number | null }
  | { readonly where: 'file'; readonly path: string; readonly mode: string; readonly size: number }
  | null;

/** Both sides of the change and how git is asked for its patch. */
interface Change {
  readonly before: Side;
  readonly after: Side;
  readonly spec: DiffSpec;
  /** The file, and where it was renamed from when it was. */
  readonly paths: readonly string[];
}

const notChanged = (file: string, where: string): HistoryError =>
  new HistoryError(
    'not_found',
    `${file} has no change ${where}.`,
    'Pick a file from the list; it may have changed since the list was read.',
  );

/** The mode git would record for a work-tree entry (a link, an executable, a folder). */
function modeOf(info: { isSymbolicLink(): boolean; isDirectory(): boolean; mode: number }): string {
  if (info.isSymbolicLink()) return '120000';
  if (info.isDirectory()) return '040000';
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
async function uncommitted(context: GitContext, top: string, file: string, staged: boolean): Promise<Change> {
  const [head, index] = await Promise.all([headCommit(context, top), indexEntry(context, top, file)]);
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
  const after = await workFile(top, file);
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
async function committed(context: GitContext, top: string, file: string, commit: string): Promise<Change> {
  const oid = await resolveCommit(context, top, checkCommitName(commit));
  if (oid === null)
    throw new HistoryError(
      'not_found',
      `There is no commit “${commit.slice(0, 80)}” in this repository.`,
      'Pick the commit from the history list; read the history again if it was rewritten.',
    );
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

/** The first bytes of a side, when it is small enough to be a pointer or an inline picture. */
async function smallBytes(
  context: GitContext,
  top: string,
  side: Side,
  limit: number,
): Promise<Buffer | null> {
  if (side === null || side.size === null || side.size > limit || side.mode === '120000') return null;
  return side.where === 'object' ? readBlob(context, top, side.oid) : readFile(side.path);
}

/** The sha256 of a work-tree file, read as a stream (an LFS file may be many gigabytes). */
function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** A side as an LFS object: its pointer's oid and size, or (real bytes) the oid a pointer to them would name. */
async function lfsSide(
  context: GitContext,
  top: string,
  side: Side,
  pointer: { readonly oid: string; readonly size: number } | undefined,
): Promise<{ readonly oid: string; readonly size: number } | null> {
  if (pointer) return pointer;
  if (side === null) return null;
  const oid = side.where === 'object' ? await hashBlob(context, top, side.oid) : await hashFile(side.path);
  return { oid, size: side.size ?? 0 };
}

/** A pointer's text, when this side is an LFS pointer. */
async function pointerOf(context: GitContext, top: string, side: Side) {
  const bytes = await smallBytes(context, top, side, POINTER_MAX);
  return bytes ? parsePointer(bytes.toString('utf8')) : undefined;
}

/** One side of a picture: inline when small enough. */
async function imageSide(
  context: GitContext,
  top: string,
  side: Side,
  mime: string,
): Promise<ImageSide | null> {
  if (side === null) return null;
  const size = side.size ?? 0;
  const bytes = await smallBytes(context, top, side, IMAGE_INLINE_LIMIT);
  return { mime, size, dataUrl: bytes ? `data:${mime};base64,${bytes.toString('base64')}` : null };
}

const isFileMode = (side: Side) => side === null || side.mode.startsWith('100');

/** Words for a change of nothing but the executable bit. */
function modeChange(before: Side, after: Side): string | null {
  if (!before || !after || before.mode === after.mode) return null;
  if (after.mode === '100755') return 'Only the file’s permissions changed: it can now be run as a program.';
  if (before.mode === '100755')
    return 'Only the file’s permissions changed: it can no longer be run as a program.';
  return 'Only the kind of file changed.';
}

/** Shows one file's change: the uncommitted one (ticked or not) or what a commit did to it. */
export async function fileDiff(
  context: GitContext,
  top: string,
  fileName: string,
  source: DiffSource,
  limits: DiffLimits = DIFF_LIMITS,
): Promise<DiffView> {
  const file = checkFileName(fileName);
  const change = await (async () => {
    switch (source.kind) {
      case 'change':
        return uncommitted(context, top, file, source.staged);
      case 'commit':
        return committed(context, top, file, source.commit);
      default:
        return assertNever(source);
    }
  })();
  const { before, after } = change;
  if (before === null && after === null)
    throw notChanged(file, source.kind === 'change' ? 'to show' : 'in that commit');

  if (
    before?.where === 'object' &&
    after?.where === 'object' &&
    before.oid === after.oid &&
    before.mode === after.mode
  )
    return {
      kind: 'none',
      file,
      reason:
        source.kind === 'change' && source.staged
          ? 'Nothing of this file’s change is ticked yet.'
          : 'The content did not change.',
    };

  if (before?.mode === '160000' || after?.mode === '160000' || after?.mode === '040000')
    return {
      kind: 'none',
      file,
      reason:
        'This is a submodule: another repository inside this one. Open it on its own to see its changes.',
    };

  if (isFileMode(before) && isFileMode(after)) {
    const [beforePointer, afterPointer] = await Promise.all([
      pointerOf(context, top, before),
      pointerOf(context, top, after),
    ]);
    const realBytesInWorkTree =
      after?.where === 'file' && afterPointer === undefined && (await lfsTracked(context, top, file));
    if (beforePointer || afterPointer || realBytesInWorkTree) {
      const [lfsBefore, lfsAfter] = await Promise.all([
        lfsSide(context, top, before, beforePointer),
        lfsSide(context, top, after, afterPointer),
      ]);
      return { kind: 'lfs', file, before: lfsBefore, after: lfsAfter };
    }
    const mime = IMAGE_TYPES[extname(file).toLowerCase()];
    if (mime) {
      const [imageBefore, imageAfter] = await Promise.all([
        imageSide(context, top, before, mime),
        imageSide(context, top, after, mime),
      ]);
      return { kind: 'image', file, before: imageBefore, after: imageAfter };
    }
  }

  const patch = await filePatch(context, top, change.spec, change.paths);
  if (patch.additions === null || patch.deletions === null)
    return { kind: 'binary', file, beforeSize: before?.size ?? null, afterSize: after?.size ?? null };
  const parsed = parsePatch(patch.patch, limits);
  if (parsed.totalLines === 0) {
    const reason =
      modeChange(before, after) ??
      ((before?.size ?? 0) === 0 && (after?.size ?? 0) === 0
        ? before === null
          ? 'A new, empty file.'
          : after === null
            ? 'An empty file was deleted.'
            : 'The file is empty.'
        : after !== null && before !== null && after.where === 'file'
          ? 'The content is the same as the ticked version (only the file’s date changed).'
          : 'The content did not change.');
    return { kind: 'none', file, reason };
  }
  const totalLines = patch.cut
    ? Math.max(parsed.totalLines, patch.additions + patch.deletions)
    : parsed.totalLines;
  return {
    kind: 'text',
    file,
    lines: parsed.lines,
    additions: patch.additions,
    deletions: patch.deletions,
    truncated: parsed.truncated || patch.cut ? { shownLines: parsed.lines.length, totalLines } : null,
  };
}

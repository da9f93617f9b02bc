import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DiffSource, DiffView, ImageSide } from '../../../../preload/contract';
import type { GitContext } from '../../../git/core';
import { fileCounts, filePatch, parsePatch, DIFF_LIMITS, type DiffLimits } from '../../../git/diff';
import { lfsTracked } from '../../../git/lfs-attribute';
import { parsePointer } from '../../../git/objects';
import { hashBlob, readBlob } from '../../../git/show-blob';
import { assertNever } from '../../../ipc/result';
import { committed, notChanged, NOT_A_FILE, uncommitted, type Side } from './diff-sides';
import { checkFileName } from './errors';

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
function modeChange(modes: { readonly from: string; readonly to: string } | null): string | null {
  if (modes === null) return null;
  if (modes.to === '100755') return 'Only the file’s permissions changed: it can now be run as a program.';
  if (modes.from === '100755')
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

  if (after?.mode === NOT_A_FILE)
    return {
      kind: 'none',
      file,
      reason: 'This is not a file (a pipe or a device): Git does not keep such things.',
    };
  if (before === null && after?.where === 'file' && after.mode === '040000')
    return {
      kind: 'none',
      file,
      reason: 'A new folder Git does not track yet. Tick it to add every file in it.',
    };
  if (before?.mode === '160000' || after?.mode === '160000' || after?.mode === '040000')
    return {
      kind: 'none',
      file,
      reason:
        'This is a submodule: another repository inside this one. Open it on its own to see its changes.',
    };

  if (isFileMode(before) && isFileMode(after)) {
    const [beforePointer, afterPointer, tracked] = await Promise.all([
      pointerOf(context, top, before),
      pointerOf(context, top, after),
      after?.where === 'file' ? lfsTracked(context, top, file) : Promise.resolve(false),
    ]);
    const realBytesInWorkTree = after?.where === 'file' && afterPointer === undefined && tracked;
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
  if (patch.binary)
    return { kind: 'binary', file, beforeSize: before?.size ?? null, afterSize: after?.size ?? null };
  const parsed = parsePatch(patch.patch, limits);
  if (parsed.totalLines === 0) {
    const reason =
      modeChange(patch.modes) ??
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
  // Past git's output limit the patch is only its start: git counts the rest (a second diff, then only).
  const counts = patch.cut ? await fileCounts(context, top, change.spec, change.paths) : parsed;
  const totalLines = Math.max(parsed.totalLines, counts.additions + counts.deletions);
  return {
    kind: 'text',
    file,
    lines: parsed.lines,
    additions: counts.additions,
    deletions: counts.deletions,
    truncated: parsed.truncated || patch.cut ? { shownLines: parsed.lines.length, totalLines } : null,
  };
}

import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { gitOutcome, type GitContext } from './core';
import { parsePointer, readBlobs } from './objects';

// How many bytes of large files a checkout will download: the LFS pointers in the commit's tree
// whose objects are not in the repository's LFS store yet. git-lfs learns this one file at a time
// while git checks files out (its smudge filter sees "1/1" per file), so the progress model asks
// here once, when the first large file starts: reading objects does not touch the index or the
// work tree that the checkout is writing. By then git-lfs has already stored some of the files
// (a clone of 200 small files had 84 of them), so an object written since the run began counts as
// still to download: the run is bringing it.

/**
 * The sizes a pointer git-lfs writes can have: its version line (43 bytes), oid line (76) and
 * size line ("size " and at least one digit, 7 to 22 bytes), in that canonical form (git-lfs
 * docs/spec.md; lfs/pointer.go Encoded). Only blobs of these sizes are read: a repository of
 * 3,000 small text files and 2,000 large ones read all 5,000 blobs (up to 1024 bytes, the most a
 * pointer may be) and held this process's event loop for about 60 ms. A pointer with git-lfs
 * extensions (longer; not used on the Hub) is left to the file-by-file estimate.
 */
const POINTER_MIN = 126;
const POINTER_MAX = 141;

/** git-lfs keeps objects under <git dir>/lfs/objects/OID[0:2]/OID[2:4]/OID (git-lfs docs/spec.md). */
const storePath = (gitDir: string, oid: string): string =>
  join(gitDir, 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4), oid);

/**
 * The bytes and files of large files `revision` has that the local store lacked when the run
 * began (`since`, ms since the epoch: objects written since are this run's downloads); undefined
 * if git cannot say.
 */
export async function lfsDownloadSize(
  context: GitContext,
  repoPath: string,
  revision: string,
  since = Number.POSITIVE_INFINITY,
): Promise<{ readonly bytes: number; readonly files: number } | undefined> {
  const dir = await gitOutcome(context, ['rev-parse', '--git-common-dir'], {
    cwd: repoPath,
    timeoutMs: 10_000,
  });
  const tree = await gitOutcome(context, ['ls-tree', '-r', '-l', '-z', '--end-of-options', revision], {
    cwd: repoPath,
    timeoutMs: 60_000,
  });
  if (dir.exitCode !== 0 || tree.exitCode !== 0) return undefined;
  const gitDir = dir.stdout.trim();
  const absolute = isAbsolute(gitDir) ? gitDir : join(repoPath, gitDir);
  // "<mode> blob <oid> <size>\t<path>": only blobs small enough to be pointers.
  const small = tree.stdout
    .split('\u0000')
    .map((entry) => /^\d+ blob ([0-9a-f]{40,64}) +(\d+)\t/.exec(entry))
    .filter(
      (match): match is RegExpExecArray =>
        match !== null && Number(match[2]) >= POINTER_MIN && Number(match[2]) <= POINTER_MAX,
    )
    .map((match) => match[1]!);
  const blobs = await readBlobs(context, repoPath, [...new Set(small)]);
  const wanted = new Map<string, number>();
  for (const text of blobs.values()) {
    const pointer = parsePointer(text);
    if (pointer) wanted.set(pointer.oid, pointer.size);
  }
  let bytes = 0;
  let files = 0;
  for (const [oid, size] of wanted) {
    // git-lfs moves a finished download into place, so its time is when it arrived.
    const stored = await stat(storePath(absolute, oid)).catch(() => undefined);
    if (!stored || stored.mtimeMs >= since) {
      bytes += size;
      files += 1;
    }
  }
  return { bytes, files };
}

import type { GitContext } from '../../../git/core';
import { looksBinary, parsePointer, readBlobStarts, SNIFF_BYTES, type SizedBlob } from '../../../git/objects';
import {
  BINARY_LIMIT,
  checkFile,
  FIVE_GB,
  TEN_MIB,
  type PushProblem,
  type RepoTransfers,
} from '../../../hub/push-rules';

// What the Hub's rules need to know of blobs whose sizes are known (from object headers), read
// as little as possible: a rule that decides by size alone reads nothing, the binary rule looks at
// the first bytes of the few blobs big enough for it to block, and the 5 GB rule reads only blobs
// the size of a pointer to a file over 5 GB. This is what keeps the check of a first push of
// 50,000 files, or of 5,000 commits, close to the cost of listing them (issue 12, "Performance").

/**
 * Why: the sizes of a canonical LFS pointer recording more than `limit` bytes (5 GB). git-lfs
 * writes pointers in one form (docs/spec.md: "version …\noid sha256:…\nsize N\n", keys in order):
 * 125 bytes plus the digits of N, and N over 5,000,000,000 has 10 to 19 digits. Only these can
 * break the 5 GB rule.
 */
export function bigPointerSizes(limit: number = FIVE_GB): { readonly min: number; readonly max: number } {
  return { min: 125 + String(Math.floor(limit) + 1).length, max: 125 + 19 };
}

/** Why: the pointer sizes for the Hub's own 5 GB. */
export const BIG_POINTER_SIZES = bigPointerSizes();

/**
 * Why: how many small blobs (at most BINARY_LIMIT) are looked at for the binary warning, and
 * their total bytes. The Hub accepts such files, so this rule only warns; a first push of 50,000
 * files would otherwise read every one of them. The warnings found are all true; past the budget
 * some small binaries go unmentioned, never a file the Hub refuses.
 */
export const WARNING_SNIFF = { count: 256, bytes: 1024 * 1024 } as const;

/** Why: the most bytes one `cat-file --batch` sends back (core.ts keeps 256 MiB of a run's output). */
const READ_GROUP_BYTES = 64 * 1024 * 1024;

export interface BlobFacts {
  readonly binary: boolean;
  /** The size an LFS pointer records, when the blob is a pointer over 5 GB. */
  readonly pointerSize?: number;
}

/** Why: the blobs to read, in groups that each fit one cat-file answer. */
function groups(blobs: readonly SizedBlob[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const blob of blobs) {
    if (current.length > 0 && bytes + blob.size > READ_GROUP_BYTES) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(blob.oid);
    bytes += blob.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Whether each blob is binary and whether it is a big pointer, reading only the blobs that can matter. */
export async function blobFacts(
  context: GitContext,
  repoPath: string,
  blobs: readonly SizedBlob[],
  /** The 5 GB rule's limit (RepoTransfers.partsAbove): lower only in tests. */
  pointerAbove: number = FIVE_GB,
): Promise<ReadonlyMap<string, BlobFacts>> {
  const unique = [...new Map(blobs.map((blob) => [blob.oid, blob])).values()];
  const blocking = unique.filter((blob) => blob.size > BINARY_LIMIT && blob.size <= TEN_MIB);
  const sizes = bigPointerSizes(pointerAbove);
  const pointers = unique.filter((blob) => blob.size >= sizes.min && blob.size <= sizes.max);
  const warnings: SizedBlob[] = [];
  let warningBytes = 0;
  for (const blob of unique) {
    if (blob.size === 0 || blob.size > BINARY_LIMIT) continue;
    if (warnings.length >= WARNING_SNIFF.count || warningBytes + blob.size > WARNING_SNIFF.bytes) break;
    warnings.push(blob);
    warningBytes += blob.size;
  }
  const wanted = [
    ...new Map([...blocking, ...pointers, ...warnings].map((blob) => [blob.oid, blob])).values(),
  ];
  const starts = new Map<string, Buffer>();
  for (const group of groups(wanted))
    for (const [oid, start] of await readBlobStarts(context, repoPath, group, SNIFF_BYTES))
      starts.set(oid, start);
  const facts = new Map<string, BlobFacts>();
  for (const [oid, start] of starts) {
    const pointer = start.length <= 1024 ? parsePointer(start.toString('utf8')) : undefined;
    facts.set(oid, pointer ? { binary: false, pointerSize: pointer.size } : { binary: looksBinary(start) });
  }
  return facts;
}

/**
 * The Hub's rules over sized blobs, one problem per rule, path and blob. `atTip` says whether a
 * blob is still what the branch tip has at its path (false: only in an older commit).
 */
export function problemsOf(
  blobs: readonly SizedBlob[],
  facts: ReadonlyMap<string, BlobFacts>,
  transfers: RepoTransfers,
  atTip: (blob: SizedBlob) => boolean,
): PushProblem[] {
  const problems: PushProblem[] = [];
  const seen = new Set<string>();
  for (const blob of blobs) {
    const known = facts.get(blob.oid);
    const problem = checkFile(
      {
        path: blob.path,
        size: blob.size,
        binary: known?.binary ?? false,
        inHistoryOnly: false,
        ...(known?.pointerSize === undefined ? {} : { pointerSize: known.pointerSize }),
      },
      transfers,
    );
    const key = problem ? `${problem.rule}\u0000${blob.path}\u0000${blob.oid}` : '';
    if (!problem || seen.has(key)) continue;
    seen.add(key);
    problems.push(atTip(blob) ? problem : { ...problem, inHistoryOnly: true });
  }
  return problems;
}

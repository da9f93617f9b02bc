import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConflictView, InProgressView } from '../../preload/contract';
import { lfsFiltered } from './check-attr';
import { git, type GitContext } from './core';
import { gitDir, gitOperation, readOperation } from './merge-state';

// The conflicted files and what stopped in the middle (a merge, a rebase, a stash put back):
// the index's unmerged entries (`git ls-files -u`, git-ls-files(1)), whether either side is a
// Git LFS file, and whether the file on disk still holds conflict markers.

/** One unmerged path with the blob of each stage it has (1 the base, 2 "ours", 3 "theirs"). */
export interface UnmergedEntry {
  readonly path: string;
  readonly stages: { readonly 1?: string; readonly 2?: string; readonly 3?: string };
}

export interface Conflicts {
  readonly inProgress: InProgressView | null;
  readonly files: readonly { readonly path: string; readonly conflict: ConflictView }[];
}

/** The index's unmerged entries, grouped by path (`mode SP oid SP stage TAB path`, NUL-ended). */
export async function unmergedEntries(context: GitContext, repo: string): Promise<UnmergedEntry[]> {
  const out = await git(context, ['ls-files', '-u', '-z', '--full-name'], { cwd: repo });
  const byPath = new Map<string, Record<number, string>>();
  for (const line of out.stdout.split('\u0000')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [, oid = '', stage = ''] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    const stages = byPath.get(path) ?? {};
    stages[Number(stage)] = oid;
    byPath.set(path, stages);
  }
  return [...byPath].map(([path, stages]) => ({ path, stages }));
}

/**
 * git status's two letters for an unmerged path, from which stages it has (wt-status.c
 * `wt_status_unmerged_status`): base only DD, ours only AU, base+ours UD, theirs only UA,
 * base+theirs DU, ours+theirs AA, all three UU.
 */
export function conflictXy(stages: UnmergedEntry['stages']): ConflictView['xy'] {
  const mask = (stages[1] ? 1 : 0) | (stages[2] ? 2 : 0) | (stages[3] ? 4 : 0);
  const byMask: Record<number, ConflictView['xy']> = {
    1: 'DD',
    2: 'AU',
    3: 'UD',
    4: 'UA',
    5: 'DU',
    6: 'AA',
    7: 'UU',
  };
  return byMask[mask] ?? 'UU';
}

/**
 * A conflict marker line: `<<<<<<< ` or `>>>>>>> ` (git's labels follow a space), or the bare
 * marker. A lone `=======` line is not counted: it is also Markdown's heading underline, and a
 * file git merged always has the outer two.
 */
export const MARKER_LINE = /^(?:<{7}|>{7})(?: |$)/m;
/** The same, as `git grep -E` reads it (POSIX ERE, per line). */
export const MARKER_PATTERN = '^(<<<<<<<|>>>>>>>)( |$)';

/** How much of a conflicted file is read to look for markers: git writes them where the hunks are. */
const MARKER_READ_BYTES = 8 * 1024 * 1024;

/** Whether the work-tree file holds a conflict marker line (the first 8 MiB; a missing file has none). */
export async function hasMarkers(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(MARKER_READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MARKER_READ_BYTES, 0);
    return MARKER_LINE.test(buffer.subarray(0, bytesRead).toString('latin1'));
  } finally {
    await handle.close();
  }
}

const POINTER_START = 'version https://git-lfs.github.com/spec/v1';

/** The blobs among `oids` that are Git LFS pointers (small, starting with the spec line). */
async function pointerBlobs(
  context: GitContext,
  repo: string,
  oids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  if (oids.length === 0) return found;
  const out = await git(context, ['cat-file', '--batch'], {
    cwd: repo,
    input: `${oids.join('\n')}\n`,
    stdoutEncoding: 'latin1',
  });
  let at = 0;
  const text = out.stdout;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    const [oid = '', type = '', size = ''] = text.slice(at, end).split(' ');
    if (type === 'missing') {
      at = end + 1;
      continue;
    }
    const length = Number(size);
    if (type === 'blob' && text.startsWith(POINTER_START, end + 1) && length < 1024) found.add(oid);
    at = end + 1 + length + 1;
  }
  return found;
}

/**
 * What the caller already read, so as not to start a process for it again: the git dir, and
 * whether `git status` of the whole tree listed an unmerged entry (it lists every one).
 */
export interface KnownPlaces {
  readonly gitDir?: Promise<string>;
  readonly unmerged?: Promise<boolean>;
}

/**
 * The conflicted files and what stopped: git's own operation (merge, rebase, cherry-pick,
 * revert), or a stash put back with conflicts (unmerged entries and no git operation), with
 * what the app recorded around it (`during`, `setAside`). Null when nothing is in progress.
 */
export async function readConflicts(
  context: GitContext,
  repo: string,
  known: KnownPlaces = {},
): Promise<Conflicts> {
  const dir = await (known.gitDir ?? gitDir(context, repo));
  // No unmerged entry in the status means none in the index: nothing to ask `ls-files -u`.
  const listing = (await (known.unmerged ?? true)) ? unmergedEntries(context, repo) : [];
  const [entries, record] = await Promise.all([listing, readOperation(dir)]);
  const operation = gitOperation(dir);
  const oids = entries.flatMap((entry) => Object.values(entry.stages) as string[]);
  const [pointers, byAttribute] = await Promise.all([
    pointerBlobs(context, repo, [...new Set(oids)]),
    lfsFiltered(
      context,
      repo,
      entries.map((entry) => entry.path),
    ),
  ]);
  const files = await Promise.all(
    entries.map(async (entry) => {
      const lfs =
        byAttribute.has(entry.path) || Object.values(entry.stages).some((oid) => pointers.has(oid as string));
      return {
        path: entry.path,
        conflict: { xy: conflictXy(entry.stages), lfs, markers: await hasMarkers(join(repo, entry.path)) },
      };
    }),
  );
  const kind = operation ?? (entries.length > 0 ? 'stash' : null);
  if (kind === null) return { inProgress: null, files };
  const during: InProgressView['during'] = record?.during ?? (kind === 'revert' ? 'revert' : 'other');
  return {
    inProgress: {
      kind,
      conflicts: entries.length,
      during,
      ...(record?.setAside ? { setAside: record.setAside } : {}),
    },
    files,
  };
}

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitContext, SharedConfig } from './core';
import { gitListing } from './objects';
import { readRepoConfig, type RepoConfig } from './repo-config';

// What changed in a work tree: `git status --porcelain=v2` read once. It must stay about as fast
// as `git status` itself on a 50,000-file tree (issue 12, "Performance"), so untracked folders
// stay folded as git folds them, only the first files listed are measured, and the list is cut.

/** Why: the most entries one answer lists; the rest are counted (a long list is virtualised, not endless). */
export const LIST_LIMIT = 5000;

/** Why: how many listed files get their size measured (one lstat each); the rest say `null`. */
export const SIZED_LIMIT = 1000;

/** Why: the two letters porcelain v2 gives unmerged entries (git-status(1) "Unmerged entries"). */
export type UnmergedXy = 'UU' | 'AA' | 'DU' | 'UD' | 'AU' | 'UA' | 'DD';
const UNMERGED: ReadonlySet<string> = new Set(['UU', 'AA', 'DU', 'UD', 'AU', 'UA', 'DD']);

export interface ChangedFile {
  readonly path: string;
  /** Two-letter porcelain status: "M ", " M", "??", "A ", "D ", "UU"… */
  readonly status: string;
  readonly staged: boolean;
  /** Bytes in the work tree; null when not measured (a folded folder, a deletion, beyond SIZED_LIMIT). */
  readonly size: number | null;
  /** A rename's former path. */
  readonly from?: string;
  /** An untracked folder git folded into one entry; its path ends in "/". */
  readonly folder?: true;
  /** Unmerged: git stopped a merge (or a stash put back) with this file in conflict. */
  readonly unmerged?: UnmergedXy;
}

export interface RepoStatus {
  readonly branch: string | null;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly changes: readonly ChangedFile[];
  /** Changes beyond the LIST_LIMIT listed ones. */
  readonly moreChanges: number;
  /** Whether git knows who is committing (user.name and user.email). */
  readonly identity: { readonly name: string; readonly email: string } | null;
}

/** Why: the pieces of `git status --porcelain=v2 --branch -z`, before any file is measured. */
export interface ParsedStatus {
  readonly branch: string | null;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly changes: readonly ChangedFile[];
}

/**
 * Why: reads porcelain v2 with -z (git-status(1) "Porcelain Format Version 2"): "1" ordinary,
 * "2" renamed (its original path in the next NUL field), "u" unmerged, "?" untracked. Unmerged
 * entries come first: they must be seen before anything is committed.
 */
export function parsePorcelainV2(out: string): ParsedStatus {
  let branch: string | null = null;
  let upstream: string | null = null;
  let ahead = 0;
  let behind = 0;
  let distance = false;
  const unmerged: ChangedFile[] = [];
  const changes: ChangedFile[] = [];
  const entries = out.split('\u0000');
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] ?? '';
    if (entry.startsWith('# branch.head '))
      branch = entry.slice(14) === '(detached)' ? null : entry.slice(14);
    else if (entry.startsWith('# branch.upstream ')) upstream = entry.slice(18);
    else if (entry.startsWith('# branch.ab ')) {
      distance = true;
      const [a = '+0', b = '-0'] = entry.slice(12).split(' ');
      ahead = Number(a.slice(1));
      behind = Number(b.slice(1));
    } else if (entry.startsWith('1 ')) {
      const fields = entry.split(' ');
      const xy = (fields[1] ?? '..').replace(/\./g, ' ');
      changes.push({ path: fields.slice(8).join(' '), status: xy, staged: xy[0] !== ' ', size: null });
    } else if (entry.startsWith('2 ')) {
      const fields = entry.split(' ');
      const xy = (fields[1] ?? '..').replace(/\./g, ' ');
      index += 1; // the rename's original path follows
      changes.push({
        path: fields.slice(9).join(' '),
        status: xy,
        staged: xy[0] !== ' ',
        size: null,
        from: entries[index] ?? '',
      });
    } else if (entry.startsWith('u ')) {
      const fields = entry.split(' ');
      const xy = fields[1] ?? '';
      if (!UNMERGED.has(xy)) continue;
      unmerged.push({
        path: fields.slice(10).join(' '),
        status: xy,
        staged: false,
        size: null,
        unmerged: xy as UnmergedXy,
      });
    } else if (entry.startsWith('? ')) {
      const path = entry.slice(2);
      changes.push(
        path.endsWith('/')
          ? { path, status: '??', staged: false, size: null, folder: true }
          : { path, status: '??', staged: false, size: null },
      );
    }
  }
  // "If the upstream is set but does not exist, the branch.ab line is omitted" (git-status(1)): a
  // clone of an empty repository, or a branch deleted on the Hub. There is no distance to tell, and
  // the branch is not on the Hub: said as no upstream, never as "up to date".
  if (!distance) upstream = null;
  return { branch, upstream, ahead, behind, changes: [...unmerged, ...changes] };
}

/**
 * Why: cuts a long list to `limit` entries without hiding what a commit depends on: conflicts,
 * then ticked files, are kept before the rest (a commit checks that something is ticked), and
 * what is kept stays in git's order.
 */
export function cutList(
  changes: readonly ChangedFile[],
  limit = LIST_LIMIT,
): { readonly listed: readonly ChangedFile[]; readonly more: number } {
  if (changes.length <= limit) return { listed: changes, more: 0 };
  const rank = (change: ChangedFile) => (change.unmerged ? 0 : change.staged ? 1 : 2);
  const keep = new Set(
    changes
      .map((change, index) => ({ index, rank: rank(change) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, limit)
      .map((entry) => entry.index),
  );
  return { listed: changes.filter((_, index) => keep.has(index)), more: changes.length - limit };
}

/** Why: the work-tree size of a listed file, or null when there is nothing to measure. */
async function sizeOf(repoPath: string, change: ChangedFile): Promise<number | null> {
  if (change.folder || change.status.includes('D')) return null;
  return lstat(join(repoPath, change.path)).then(
    (info) => info.size,
    () => null,
  );
}

/**
 * The branch, its distance from its upstream, the changed files and who commits. A submodule's
 * own edits are not looked into (`--ignore-submodules=dirty`): that would run `git status` inside
 * it under its own config, which the safety options of core.ts cannot take back (safety.ts).
 * Untracked folders are folded (`--untracked-files=normal`, git's default): listing each of
 * 50,000 new files would cost more than the status itself.
 */
export async function repoStatus(
  context: GitContext,
  repoPath: string,
  /** The repository's settings, when the caller reads them anyway (the state call does). */
  config: () => Promise<RepoConfig> = () => readRepoConfig(context, repoPath),
  /** The repository's config, read once for the safety options of this and other runs. */
  shared?: SharedConfig,
): Promise<RepoStatus> {
  // The status first: it is the longest run, and starting a process holds up the ones after it.
  const running = gitListing(
    context,
    ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=normal', '--ignore-submodules=dirty'],
    { cwd: repoPath, ...(shared ? { sharedConfig: shared } : {}) },
  );
  const [out, { identity }] = await Promise.all([running, config()]);
  const parsed = parsePorcelainV2(out.stdout);
  const { listed, more } = cutList(parsed.changes);
  const sized = await Promise.all(
    listed.map(async (change, index) =>
      index < SIZED_LIMIT ? { ...change, size: await sizeOf(repoPath, change) } : change,
    ),
  );
  return {
    branch: parsed.branch,
    upstream: parsed.upstream,
    ahead: parsed.ahead,
    behind: parsed.behind,
    changes: sized,
    moreChanges: more,
    identity,
  };
}

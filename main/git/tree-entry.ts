import { git, type GitContext } from './core';

// One path of a commit's tree, read with `git ls-tree`: its mode, object and size, so a diff can
// decide what the file is (text, picture, LFS pointer, submodule) before reading any content.

/** A path in a tree (or the index): mode as git writes it (100644, 100755, 120000, 160000). */
export interface TreeEntry {
  readonly mode: string;
  readonly oid: string;
  /** Bytes of the blob; null for a submodule (a commit, which has no size here). */
  readonly size: number | null;
}

/** The entry at exactly `path` in `treeish`, or null when that tree has no such path. */
export async function treeEntry(
  context: GitContext,
  repoPath: string,
  treeish: string,
  path: string,
): Promise<TreeEntry | null> {
  // ls-tree's paths are matched as prefixes, never as patterns; the exact path is picked below.
  const out = await git(context, ['ls-tree', '-z', '-l', '--full-tree', treeish, '--', path], {
    cwd: repoPath,
    timeoutMs: 30_000,
  });
  for (const entry of out.stdout.split('\u0000')) {
    const tab = entry.indexOf('\t');
    if (tab < 0 || entry.slice(tab + 1) !== path) continue;
    const [mode = '', type = '', oid = '', size = '-'] = entry.slice(0, tab).trim().split(/\s+/);
    if (type === 'tree') return null;
    return { mode, oid, size: type === 'blob' && size !== '-' ? Number(size) : null };
  }
  return null;
}

import type { CommitFileView } from '../../preload/contract';
import { git, type GitContext } from './core';

// The files one commit changed, read with `git diff-tree` (plumbing: no textconv, no external
// diff, no hook), against its first parent or, for a root commit, against nothing.

const STATUSES = new Set(['A', 'M', 'D', 'R', 'C', 'T']);

/** What `commit` changed compared with `parent` (null: a root commit), renames and copies found. */
export async function commitFileChanges(
  context: GitContext,
  repoPath: string,
  commit: string,
  parent: string | null,
): Promise<CommitFileView[]> {
  const args =
    parent === null
      ? ['diff-tree', '-r', '-z', '-M', '--name-status', '--no-commit-id', '--root', commit]
      : ['diff-tree', '-r', '-z', '-M', '--name-status', parent, commit];
  const out = await git(context, args, { cwd: repoPath, timeoutMs: 60_000 });
  const parts = out.stdout.split('\u0000');
  const files: CommitFileView[] = [];
  for (let index = 0; index < parts.length;) {
    const status = (parts[index] ?? '').charAt(0);
    if (!STATUSES.has(status)) {
      index += 1;
      continue;
    }
    // "R100 NUL from NUL to", "C75 NUL from NUL to", otherwise "M NUL path" (git-diff-tree(1) -z).
    if (status === 'R' || status === 'C') {
      const from = parts[index + 1] ?? '';
      files.push({ path: parts[index + 2] ?? '', status, from });
      index += 3;
    } else {
      files.push({ path: parts[index + 1] ?? '', status: status as CommitFileView['status'] });
      index += 2;
    }
  }
  return files;
}

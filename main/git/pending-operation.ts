import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { git, gitOutcome, type GitContext } from './core';

/** What git is in the middle of, as the person would name it. */
export type PendingOperation = 'merge' | 'revert' | 'cherry-pick' | 'rebase' | 'conflicts';

/**
 * A merge, revert, cherry-pick or rebase git stopped in the middle of (its *_HEAD or rebase
 * folder, git-status(1)'s own tests), or unmerged files left by `stash apply`; undefined when none.
 * Undo, revert, restore and applying a stash wait until it is finished or aborted.
 */
export async function pendingOperation(
  context: GitContext,
  repoPath: string,
): Promise<PendingOperation | undefined> {
  const heads: readonly [string, PendingOperation][] = [
    ['MERGE_HEAD', 'merge'],
    ['REVERT_HEAD', 'revert'],
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ];
  for (const [ref, name] of heads) {
    // Exit 1: no such ref.
    const found = await gitOutcome(context, ['rev-parse', '--verify', '--quiet', ref], { cwd: repoPath });
    if (found.exitCode === 0) return name;
  }
  const paths = await git(
    context,
    ['rev-parse', '--git-path', 'rebase-merge', '--git-path', 'rebase-apply'],
    {
      cwd: repoPath,
    },
  );
  for (const line of paths.stdout.split('\n').filter(Boolean)) {
    const path = isAbsolute(line) ? line : join(repoPath, line);
    if (existsSync(path)) return 'rebase';
  }
  const unmerged = await git(context, ['ls-files', '--unmerged', '-z'], { cwd: repoPath });
  return unmerged.stdout === '' ? undefined : 'conflicts';
}

import { git, type GitContext } from './core';

/**
 * Why: a folder with no commit yet takes the Hub's first commit as its parent without a merge:
 * `git reset --mixed COMMIT` points the unborn branch at it and fills the index from its tree,
 * and never touches a file in the work tree (git-reset(1) "--mixed"), so the person's files stay
 * as they are and show as changes on top of the Hub's commit.
 */
export async function pointBranchAt(context: GitContext, repoPath: string, commit: string): Promise<void> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error('That is not a commit id.');
  await git(context, ['reset', '--mixed', '--quiet', commit, '--'], { cwd: repoPath });
}

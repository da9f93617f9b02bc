import { git, type GitContext } from './core';

/**
 * Why: a folder with its own history meets a new Hub repository whose one commit holds the Hub's
 * .gitattributes (and a Space's README): two histories with no common commit, which git merges
 * only when asked (`--allow-unrelated-histories`, git-merge(1)). `--no-commit` leaves the result
 * for the caller to settle (the known files it resolves itself) and commit; exit 1 is a conflict.
 * Answers whether git stopped on a conflict.
 */
export async function mergeUnrelated(
  context: GitContext,
  repoPath: string,
  commit: string,
): Promise<boolean> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error('That is not a commit id.');
  const out = await git(
    context,
    ['merge', '--allow-unrelated-histories', '--no-commit', '--no-ff', '--no-edit', commit],
    { cwd: repoPath, okExitCodes: [0, 1] },
  );
  return out.exitCode === 1;
}

import { git, type GitContext } from './core';

/**
 * Sets every uncommitted change aside, untracked files included, under MESSAGE and returns the
 * stash's commit id, or undefined when there was nothing to set aside. The work tree is then
 * HEAD's; `applyStash` (stash-apply.ts) puts the changes back, ticked as they were.
 */
export async function setAside(
  context: GitContext,
  repoPath: string,
  message: string,
): Promise<string | undefined> {
  const before = await git(context, ['rev-parse', '--verify', '--quiet', 'refs/stash'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  await git(context, ['stash', 'push', '--include-untracked', '--quiet', '--message', message], {
    cwd: repoPath,
  });
  const after = await git(context, ['rev-parse', '--verify', '--quiet', 'refs/stash'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  const made = after.stdout.trim();
  return made !== '' && made !== before.stdout.trim() ? made : undefined;
}

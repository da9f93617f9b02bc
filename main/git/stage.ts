import { git, type GitContext } from './core';

/** Stages the given paths (or everything, deletions included); paths come after "--". */
export async function stage(
  context: GitContext,
  repoPath: string,
  paths: readonly string[] | 'all',
): Promise<void> {
  await git(context, paths === 'all' ? ['add', '--all'] : ['add', '--all', '--', ...paths], {
    cwd: repoPath,
  });
}

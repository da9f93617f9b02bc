import { git, type GitContext } from './core';

/**
 * Stages the given paths (or everything, deletions included). The names are file names, never
 * pathspecs: `--literal-pathspecs` keeps `:(exclude)x` or `*` from meaning anything but that
 * file (git(1) "--literal-pathspecs"), and they reach git on stdin, NUL-separated
 * (git-add(1) "--pathspec-from-file", "--pathspec-file-nul"), so no list is too long for a
 * command line (a few thousand names ended in `spawn E2BIG`) and no name can be read as an option.
 */
export async function stage(
  context: GitContext,
  repoPath: string,
  paths: readonly string[] | 'all',
): Promise<void> {
  if (paths === 'all') {
    await git(context, ['add', '--all'], { cwd: repoPath });
    return;
  }
  if (paths.length === 0) return;
  await git(
    context,
    ['--literal-pathspecs', 'add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul'],
    {
      cwd: repoPath,
      input: `${paths.join('\u0000')}\u0000`,
    },
  );
}

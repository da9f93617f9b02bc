import { git, type GitContext } from './core';

/**
 * Unticks the given paths (or everything): the index goes back to HEAD for them, the work tree is
 * not touched (`git restore --staged`, git-restore(1)). As in stage.ts, the names are file names,
 * never pathspecs (`--literal-pathspecs`), and reach git on stdin, NUL-separated, so no name can be
 * read as an option and no list is too long. A repository with no commit yet has no HEAD to go
 * back to: there the files leave the index (`git rm --cached`), which is what unticking means
 * before the first commit; `-r` so a folded folder's files leave with it.
 */
export async function unstage(
  context: GitContext,
  repoPath: string,
  paths: readonly string[] | 'all',
): Promise<void> {
  if (paths !== 'all' && paths.length === 0) return;
  // Exit 1: HEAD does not name a commit yet (an unborn branch).
  const head = await git(context, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  const unborn = head.exitCode !== 0;
  const verb = unborn
    ? ['rm', '--cached', '-r', '-q', '--ignore-unmatch']
    : ['restore', '--staged', '--source=HEAD'];
  if (paths === 'all') {
    await git(context, [...verb, '--', '.'], { cwd: repoPath });
    return;
  }
  await git(context, ['--literal-pathspecs', ...verb, '--pathspec-from-file=-', '--pathspec-file-nul'], {
    cwd: repoPath,
    input: `${paths.join('\u0000')}\u0000`,
  });
}

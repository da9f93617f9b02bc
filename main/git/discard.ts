import { git, type GitContext } from './core';

/**
 * Puts the given paths back to HEAD's version in the index and the work tree (`git restore
 * --source=HEAD --staged --worktree`): an edit goes back, a deleted file comes back, a file HEAD
 * does not have leaves the index and the work tree. Checkout runs the LFS smudge filter, so an
 * LFS file comes back as its content. The paths reach git on stdin, literal (git-restore(1)
 * "--pathspec-from-file", "--pathspec-file-nul").
 */
export async function restoreFromHead(
  context: GitContext,
  repoPath: string,
  paths: readonly string[],
): Promise<void> {
  if (paths.length === 0) return;
  await git(
    context,
    [
      '--literal-pathspecs',
      'restore',
      '--source=HEAD',
      '--staged',
      '--worktree',
      '--pathspec-from-file=-',
      '--pathspec-file-nul',
    ],
    { cwd: repoPath, input: `${paths.join('\u0000')}\u0000` },
  );
}

/**
 * The staged renames, new path -> old path (`git diff --cached -M`), so discarding a renamed file
 * brings back the name it had, as the person saw one change.
 */
export async function stagedRenames(context: GitContext, repoPath: string): Promise<Map<string, string>> {
  const out = await git(context, ['diff', '--cached', '-M', '--name-status', '-z', 'HEAD'], {
    cwd: repoPath,
  });
  const fields = out.stdout.split('\u0000');
  const renames = new Map<string, string>();
  for (let index = 0; index < fields.length;) {
    const status = fields[index] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[index + 1] ?? '';
      const to = fields[index + 2] ?? '';
      if (status.startsWith('R')) renames.set(to, from);
      index += 3;
    } else index += status === '' ? 1 : 2;
  }
  return renames;
}

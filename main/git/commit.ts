import { git, type GitContext } from './core';

/** Commits what is staged and returns the new commit; the message goes on stdin, so quotes and newlines are safe. */
export async function commit(context: GitContext, repoPath: string, message: string): Promise<string> {
  await git(context, ['commit', '--quiet', '--file=-'], { cwd: repoPath, input: message });
  return (await git(context, ['rev-parse', 'HEAD'], { cwd: repoPath })).stdout.trim();
}

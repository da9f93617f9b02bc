import { git, type GitContext } from './core';

/**
 * The untracked files inside folders that `git status` folds into one entry ("data/"), each
 * listed: what discarding or restoring a folded folder works on. `.gitignore` is honoured, as
 * status honours it; the folders are literal paths.
 */
export async function untrackedIn(
  context: GitContext,
  repoPath: string,
  folders: readonly string[],
): Promise<string[]> {
  if (folders.length === 0) return [];
  const out = await git(
    context,
    [
      'ls-files',
      '-z',
      '--others',
      '--exclude-standard',
      '--',
      ...folders.map((folder) => `:(literal)${folder}`),
    ],
    { cwd: repoPath },
  );
  return out.stdout.split('\u0000').filter(Boolean);
}

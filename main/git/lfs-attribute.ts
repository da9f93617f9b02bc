import { git, type GitContext } from './core';

// Whether .gitattributes sends a path through Git LFS (`filter=lfs`), read with `git check-attr`.

/** True when the path's `filter` attribute is `lfs` (gitattributes(5); git-lfs-track(1)). */
export async function lfsTracked(context: GitContext, repoPath: string, path: string): Promise<boolean> {
  // -z: "path NUL attribute NUL value NUL", whatever the path holds (git-check-attr(1)).
  const out = await git(context, ['check-attr', '-z', 'filter', '--', path], {
    cwd: repoPath,
    timeoutMs: 10_000,
  });
  return out.stdout.split('\u0000')[2] === 'lfs';
}

import type { GitContext } from './core';
import { gitListing } from './objects';

/**
 * The paths among `paths` whose `filter` attribute is `lfs` (what `git lfs track` writes in
 * .gitattributes): one `git check-attr filter -z --stdin` for the whole list, so a long list costs
 * one process. Output per path: `path NUL attribute NUL value NUL` (git-check-attr(1) "-z").
 */
export async function lfsFiltered(
  context: GitContext,
  repoPath: string,
  paths: readonly string[],
): Promise<ReadonlySet<string>> {
  const matched = new Set<string>();
  if (paths.length === 0) return matched;
  const out = await gitListing(context, ['check-attr', 'filter', '-z', '--stdin'], {
    cwd: repoPath,
    input: `${paths.join('\u0000')}\u0000`,
  });
  const fields = out.stdout.split('\u0000');
  for (let index = 0; index + 2 < fields.length; index += 3)
    if (fields[index + 2] === 'lfs') matched.add(fields[index] ?? '');
  return matched;
}

import { MARKER_PATTERN } from './conflicts';
import { git, type GitContext } from './core';

// Which ticked (staged) files still hold conflict markers, as git would commit them
// (`git grep --cached`, git-grep(1)): the check that keeps `<<<<<<< HEAD` from reaching the Hub.

/** The staged paths (changed against HEAD, or all of them before the first commit). */
async function stagedPaths(context: GitContext, repo: string): Promise<string[]> {
  const out = await git(
    context,
    ['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=d', '-z'],
    {
      cwd: repo,
    },
  );
  return out.stdout.split('\u0000').filter(Boolean);
}

/** The staged files whose staged content has a conflict marker line (binary files are skipped, `-I`). */
export async function stagedWithMarkers(context: GitContext, repo: string): Promise<string[]> {
  const paths = await stagedPaths(context, repo);
  const found: string[] = [];
  // In batches, so no list of names is too long for one command line.
  for (let start = 0; start < paths.length; start += 500) {
    const batch = paths.slice(start, start + 500);
    // Exit 1: no file of the batch matches.
    const out = await git(
      context,
      [
        '--literal-pathspecs',
        'grep',
        '--cached',
        '-l',
        '-z',
        '-I',
        '-E',
        '-e',
        MARKER_PATTERN,
        '--',
        ...batch,
      ],
      { cwd: repo, okExitCodes: [0, 1] },
    );
    found.push(...out.stdout.split('\u0000').filter(Boolean));
  }
  return found;
}

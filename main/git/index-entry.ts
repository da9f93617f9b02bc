import { git, type GitContext } from './core';

// One path of the index, read with `git ls-files --stage`: what is ticked for the next commit.

/** The index's entry at a path: the staged blob, a conflict (stages 1-3, no stage 0), or none. */
export type IndexEntry =
  { readonly kind: 'entry'; readonly mode: string; readonly oid: string } | { readonly kind: 'conflicted' };

/** The index's entry at exactly `path`, or null when the index has none (an untracked file). */
export async function indexEntry(
  context: GitContext,
  repoPath: string,
  path: string,
): Promise<IndexEntry | null> {
  const out = await git(context, ['ls-files', '--stage', '-z', '--', path], {
    cwd: repoPath,
    // The name is a file name, never a pattern (git(1) GIT_LITERAL_PATHSPECS).
    env: { GIT_LITERAL_PATHSPECS: '1' },
    timeoutMs: 30_000,
  });
  let conflicted = false;
  for (const entry of out.stdout.split('\u0000')) {
    const tab = entry.indexOf('\t');
    if (tab < 0 || entry.slice(tab + 1) !== path) continue;
    const [mode = '', oid = '', stage = '0'] = entry.slice(0, tab).split(' ');
    if (stage === '0') return { kind: 'entry', mode, oid };
    conflicted = true;
  }
  return conflicted ? { kind: 'conflicted' } : null;
}

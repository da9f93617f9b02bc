import { git, GitError, gitOutcome, type GitContext } from './core';

/** How a revert ended: a new commit, or conflicts left for the conflict flow (REVERT_HEAD). */
export type RevertOutcome =
  | { readonly kind: 'reverted'; readonly commit: string }
  | { readonly kind: 'conflicts'; readonly output: string };

/**
 * `git revert --no-edit COMMIT` (with `-m 1` for a merge: the changes the merge brought into its
 * first parent are taken back). On conflicts git stops with REVERT_HEAD and the conflicted files
 * unmerged, for the conflict flow; any other failure throws with git's words.
 */
export async function revertCommit(
  context: GitContext,
  repoPath: string,
  commit: string,
  merge: boolean,
): Promise<RevertOutcome> {
  // Exit 1: stopped on conflicts (checked by REVERT_HEAD below); anything else is thrown.
  const result = await git(context, ['revert', '--no-edit', ...(merge ? ['-m', '1'] : []), commit], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  if (result.exitCode === 0)
    return {
      kind: 'reverted',
      commit: (await git(context, ['rev-parse', 'HEAD'], { cwd: repoPath })).stdout.trim(),
    };
  const stopped = await gitOutcome(context, ['rev-parse', '--verify', '--quiet', 'REVERT_HEAD'], {
    cwd: repoPath,
  });
  if (stopped.exitCode === 0) return { kind: 'conflicts', output: result.output };
  throw new GitError(['revert'], result);
}

/** The commit id a name or id stands for, when it is a commit of this repository. */
export async function resolveCommit(
  context: GitContext,
  repoPath: string,
  name: string,
): Promise<{ readonly sha: string; readonly parents: readonly string[] } | undefined> {
  if (name.startsWith('-')) return undefined;
  // Exit 128: no such commit.
  const out = await gitOutcome(context, ['rev-list', '--parents', '-n', '1', `${name}^{commit}`, '--'], {
    cwd: repoPath,
  });
  if (out.exitCode !== 0) return undefined;
  const [sha = '', ...parents] = out.stdout.trim().split(' ');
  return sha === '' ? undefined : { sha, parents };
}

/** The files a commit changed against its first parent (all of them for the first commit). */
export async function commitPaths(
  context: GitContext,
  repoPath: string,
  commit: { readonly sha: string; readonly parents: readonly string[] },
): Promise<string[]> {
  const first = commit.parents[0];
  const out =
    first === undefined
      ? await git(context, ['diff-tree', '--root', '-r', '--no-commit-id', '--name-only', '-z', commit.sha], {
          cwd: repoPath,
        })
      : await git(context, ['diff', '--no-renames', '--name-only', '-z', first, commit.sha, '--'], {
          cwd: repoPath,
        });
  return out.stdout.split('\u0000').filter(Boolean);
}

/** Whether COMMIT is in the history of HEAD (`merge-base --is-ancestor`). */
export async function inHistory(context: GitContext, repoPath: string, commit: string): Promise<boolean> {
  // Exit 1: not an ancestor.
  const out = await git(context, ['merge-base', '--is-ancestor', commit, 'HEAD'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  return out.exitCode === 0;
}

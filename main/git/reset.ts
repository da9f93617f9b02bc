import { git, gitOutcome, type GitContext } from './core';

// Moving the current branch without losing anything: undo the last commit with its changes kept
// ticked (`reset --soft`), and a branch moved to another commit only where no uncommitted change
// would be overwritten (`reset --keep`, never `--hard`).

/** The last commit's id and parents; undefined on a branch with no commit yet. */
export async function headCommit(
  context: GitContext,
  repoPath: string,
): Promise<{ readonly sha: string; readonly parents: readonly string[] } | undefined> {
  // Exit 128: no commit yet.
  const out = await gitOutcome(context, ['rev-list', '--parents', '-n', '1', 'HEAD', '--'], {
    cwd: repoPath,
  });
  if (out.exitCode !== 0) return undefined;
  const [sha = '', ...parents] = out.stdout.trim().split(' ');
  return sha === '' ? undefined : { sha, parents };
}

/** The remote-tracking branches that already hold COMMIT (it is on the Hub), by name. */
export async function remoteBranchesHolding(
  context: GitContext,
  repoPath: string,
  commit: string,
): Promise<string[]> {
  const out = await git(
    context,
    ['for-each-ref', '--format=%(refname:short)', `--contains=${commit}`, 'refs/remotes/'],
    { cwd: repoPath },
  );
  return out.stdout.split('\n').filter((name) => name !== '' && !name.endsWith('/HEAD'));
}

/**
 * Undoes the last commit and keeps its changes ticked: `reset --soft HEAD~1`, or for the very
 * first commit `update-ref -d HEAD` (the branch becomes unborn again; the index keeps the files).
 * The undone commit stays in the reflog (`git reflog`), so `git reset --soft SHA` redoes it.
 */
export async function undoLastCommit(
  context: GitContext,
  repoPath: string,
  head: { readonly sha: string; readonly parents: readonly string[] },
): Promise<void> {
  if (head.parents.length === 0) {
    await git(context, ['update-ref', '-m', 'hfgd: undo the first commit', '-d', 'HEAD', head.sha], {
      cwd: repoPath,
    });
    return;
  }
  await git(context, ['reset', '--soft', '--quiet', `${head.sha}~1`], { cwd: repoPath });
}

/**
 * Moves the current branch to COMMIT with `reset --keep`: git refuses (exit 128) rather than
 * overwrite a file with uncommitted changes that differs between the two commits.
 */
export async function moveBranchKeeping(
  context: GitContext,
  repoPath: string,
  commit: string,
): Promise<void> {
  await git(context, ['reset', '--keep', '--quiet', commit], { cwd: repoPath });
}

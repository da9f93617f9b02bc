import { git, gitOutcome, type GitContext } from './core';

// Branches: read with for-each-ref, names checked with git's own rules before anything is made,
// and a new branch made at HEAD (switching to it carries every uncommitted change along: the
// new branch points where HEAD does, so nothing in the work tree has to change).

/** A local branch as for-each-ref tells it. */
export interface LocalBranch {
  readonly name: string;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
}

/** Reads `%(upstream:track)`: "[ahead 2, behind 1]", "[gone]" or empty. */
export function parseTrack(track: string): { readonly ahead: number; readonly behind: number } {
  return {
    ahead: Number(/ahead (\d+)/.exec(track)?.[1] ?? 0),
    behind: Number(/behind (\d+)/.exec(track)?.[1] ?? 0),
  };
}

/** The local branches with their upstream and how far ahead and behind it they are. */
export async function listLocalBranches(context: GitContext, repoPath: string): Promise<LocalBranch[]> {
  const out = await git(
    context,
    ['for-each-ref', '--format=%(refname:short)%00%(upstream:short)%00%(upstream:track)', 'refs/heads/'],
    { cwd: repoPath },
  );
  return out.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', upstream = '', track = ''] = line.split('\u0000');
      return { name, upstream: upstream === '' ? null : upstream, ...parseTrack(track) };
    });
}

/** Remote-tracking branches as REMOTE/NAME (without the remotes' HEAD pointers). */
export async function listRemoteBranches(
  context: GitContext,
  repoPath: string,
): Promise<{ readonly remote: string; readonly name: string }[]> {
  const out = await git(context, ['for-each-ref', '--format=%(refname)', 'refs/remotes/'], { cwd: repoPath });
  return out.stdout.split('\n').flatMap((ref) => {
    const match = /^refs\/remotes\/([^/]+)\/(.+)$/.exec(ref);
    if (!match?.[1] || !match[2] || match[2] === 'HEAD') return [];
    return [{ remote: match[1], name: match[2] }];
  });
}

/** The current branch, or null when HEAD is detached. */
export async function currentBranch(context: GitContext, repoPath: string): Promise<string | null> {
  // Exit 128 (or 1): HEAD is detached.
  const out = await gitOutcome(context, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: repoPath });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/** Whether git accepts NAME as a branch name (`check-ref-format --branch`, git's own rules). */
export async function validBranchName(context: GitContext, repoPath: string, name: string): Promise<boolean> {
  // `--branch` reads "@" as the current branch; git branch refuses it as a name.
  if (name.startsWith('-') || name === 'HEAD' || name === '@') return false;
  // Exit 128: not a valid name.
  const out = await gitOutcome(context, ['check-ref-format', '--branch', name], { cwd: repoPath });
  return out.exitCode === 0 && out.stdout.trim() === name;
}

/** Whether a local branch of that name exists. */
export async function branchExists(context: GitContext, repoPath: string, name: string): Promise<boolean> {
  // Exit 1: no such ref.
  const out = await git(context, ['show-ref', '--verify', '--quiet', `refs/heads/${name}`], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  return out.exitCode === 0;
}

/**
 * Makes branch NAME at HEAD; with `switchTo`, also switches to it (`git switch -c`, which on a
 * branch with no commit yet just renames the unborn branch). Uncommitted changes stay as they are.
 */
export async function createBranchAtHead(
  context: GitContext,
  repoPath: string,
  name: string,
  switchTo: boolean,
): Promise<void> {
  if (switchTo) await git(context, ['switch', '--quiet', '-c', name], { cwd: repoPath });
  else await git(context, ['branch', '--no-track', name, 'HEAD'], { cwd: repoPath });
}

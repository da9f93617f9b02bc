import { git, gitOutcome, type GitContext } from './core';

// Switching branch (git-switch(1)): a local branch, or a new one tracking a remote branch of the
// same name. git carries uncommitted changes along when the two branches have the same version
// of those files, and refuses (changing nothing) when they would be overwritten.

/**
 * The branch name as git would store it (`git check-ref-format --branch`), or null when git
 * refuses it. `@{-N}` ("the branch before") is refused too: the person names a branch.
 */
export async function branchName(context: GitContext, repo: string, name: string): Promise<string | null> {
  if (name === '' || name.startsWith('-') || name.includes('@{') || name === 'HEAD') return null;
  const out = await gitOutcome(context, ['check-ref-format', '--branch', name], { cwd: repo });
  return out.exitCode === 0 && out.stdout.trim() === name ? name : null;
}

/** The current branch, or null when HEAD is detached. */
export async function currentBranch(context: GitContext, repo: string): Promise<string | null> {
  // Exit 1: HEAD is detached.
  const out = await git(context, ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd: repo,
    okExitCodes: [0, 1],
  });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/** Where a branch of that name is: a local branch, a remote one (`REMOTE/NAME`) to track, or nowhere. */
export async function findBranch(
  context: GitContext,
  repo: string,
  name: string,
): Promise<{ readonly kind: 'local' } | { readonly kind: 'remote'; readonly remote: string } | null> {
  const refs = await git(context, ['for-each-ref', '--format=%(refname)', 'refs/heads/', 'refs/remotes/'], {
    cwd: repo,
  });
  const all = refs.stdout.split('\n');
  if (all.includes(`refs/heads/${name}`)) return { kind: 'local' };
  const remotes = (await git(context, ['remote'], { cwd: repo })).stdout.split('\n').filter(Boolean);
  const found = remotes.filter((remote) => all.includes(`refs/remotes/${remote}/${name}`));
  const remote = found.includes('origin') ? 'origin' : found[0];
  return remote ? { kind: 'remote', remote } : null;
}

/** How a switch ended: done, refused because uncommitted changes would be overwritten, or failed. */
export type SwitchResult =
  | { readonly kind: 'switched' }
  | { readonly kind: 'blocked'; readonly output: string }
  | { readonly kind: 'failed'; readonly output: string };

/** `git switch NAME`, or `git switch -c NAME --track REMOTE/NAME` for a branch only the remote has. */
export async function switchBranch(
  context: GitContext,
  repo: string,
  name: string,
  track?: string,
): Promise<SwitchResult> {
  const args = track
    ? ['switch', '--quiet', '-c', name, '--track', `${track}/${name}`]
    : ['switch', '--quiet', '--no-guess', name];
  const out = await gitOutcome(context, args, { cwd: repo });
  if (out.exitCode === 0) return { kind: 'switched' };
  return /would be overwritten by checkout|Please commit your changes or stash them/.test(out.output)
    ? { kind: 'blocked', output: out.output }
    : { kind: 'failed', output: out.output };
}

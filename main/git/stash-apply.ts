import { git, gitOutcome, type GitContext, type GitResult } from './core';

// Putting a stash's changes back, and dropping it only once they are back. A stash is named by
// its commit id; `stash@{N}` is looked up just before each run, since N shifts as stashes come and go.

/** How an apply ended: cleanly, with conflicts left in the index, or refused by git. */
export type ApplyOutcome =
  | { readonly kind: 'applied'; readonly withIndex: boolean }
  | { readonly kind: 'conflicts'; readonly output: string }
  | { readonly kind: 'refused'; readonly output: string };

/** The `stash@{N}` name the stash with this commit id has now, or undefined when there is none. */
export async function stashRefOf(
  context: GitContext,
  repoPath: string,
  commit: string,
): Promise<string | undefined> {
  const out = await git(context, ['stash', 'list', '-z', '--format=%H%x01%gd'], { cwd: repoPath });
  for (const record of out.stdout.split('\u0000')) {
    const [id = '', ref = ''] = record.replace(/^\n/, '').split('\u0001');
    if (id === commit) return ref;
  }
  return undefined;
}

/** Whether the index has unmerged entries (a conflict git left for the person). */
async function hasUnmerged(context: GitContext, repoPath: string): Promise<boolean> {
  const out = await git(context, ['ls-files', '--unmerged', '-z'], { cwd: repoPath });
  return out.stdout !== '';
}

const ended = async (
  context: GitContext,
  repoPath: string,
  result: GitResult,
  withIndex: boolean,
): Promise<ApplyOutcome> => {
  if (result.exitCode === 0) return { kind: 'applied', withIndex };
  if (await hasUnmerged(context, repoPath)) return { kind: 'conflicts', output: result.output };
  return { kind: 'refused', output: result.output };
};

/**
 * `git stash apply --index` (the ticked files come back ticked); when git cannot rebuild the
 * index that way (exit 1 with nothing applied, e.g. "Conflicts in index"), once more without
 * `--index`. Conflicts are left in the index for the conflict flow; the stash is never dropped here.
 */
export async function applyStash(context: GitContext, repoPath: string, ref: string): Promise<ApplyOutcome> {
  // Exit 1: git refused or left conflicts; read which below.
  const withIndex = await gitOutcome(context, ['stash', 'apply', '--index', '--quiet', ref], {
    cwd: repoPath,
  });
  if (withIndex.exitCode === 0 || withIndex.notFound || withIndex.cancelled || withIndex.timedOut)
    return ended(context, repoPath, withIndex, true);
  if (await hasUnmerged(context, repoPath)) return { kind: 'conflicts', output: withIndex.output };
  const plain = await gitOutcome(context, ['stash', 'apply', '--quiet', ref], { cwd: repoPath });
  return ended(context, repoPath, plain, false);
}

/** Drops the stash with this commit id, checked again right before (never a stash that moved). */
export async function dropStash(context: GitContext, repoPath: string, commit: string): Promise<void> {
  const ref = await stashRefOf(context, repoPath, commit);
  if (ref === undefined) return;
  await git(context, ['stash', 'drop', '--quiet', ref], { cwd: repoPath });
}

/**
 * Every path a stash would write: its tracked changes (work tree and ticked, against the commit
 * it was made on) and its untracked files (its third parent, when it has one).
 */
export async function stashPaths(
  context: GitContext,
  repoPath: string,
  commit: string,
): Promise<Set<string>> {
  const paths = new Set<string>();
  const add = (text: string) => text.split('\u0000').forEach((path) => path && paths.add(path));
  for (const side of [commit, `${commit}^2`])
    add(
      (
        await git(context, ['diff', '--no-renames', '--name-only', '-z', `${commit}^1`, side, '--'], {
          cwd: repoPath,
        })
      ).stdout,
    );
  // Exit 128: no third parent (the stash has no untracked files).
  const untracked = await gitOutcome(context, ['ls-tree', '-r', '--name-only', '-z', `${commit}^3`, '--'], {
    cwd: repoPath,
  });
  if (untracked.exitCode === 0) add(untracked.stdout);
  return paths;
}

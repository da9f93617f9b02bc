import { git, gitOutcome, type GitContext } from './core';

// Setting uncommitted work aside and putting it back (git-stash(1)): untracked files included
// (ignored ones are never touched, by git or by us), the index kept where git can, and a stash
// dropped only when all of it came back.

/** Every stash the app makes starts with this, so the recovery list can tell them apart. */
export const APP_STASH_PREFIX = 'hfgd: ';

/** What is uncommitted now: the count of changed, deleted and untracked paths (ignored ones excluded). */
export async function uncommittedCount(context: GitContext, repo: string): Promise<number> {
  const out = await git(
    context,
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=dirty'],
    {
      cwd: repo,
    },
  );
  let count = 0;
  const entries = out.stdout.split('\u0000');
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] ?? '';
    if (entry.length < 4) continue;
    count += 1;
    // A rename or copy names its former path in the next entry.
    if (entry[0] === 'R' || entry[0] === 'C') index += 1;
  }
  return count;
}

/** Whether HEAD names a commit (false on a branch with no commit yet, where git cannot stash). */
export async function hasHead(context: GitContext, repo: string): Promise<boolean> {
  return (
    (await gitOutcome(context, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: repo }))
      .exitCode === 0
  );
}

/** The newest stash's commit id, or null when there is none. */
async function newestStash(context: GitContext, repo: string): Promise<string | null> {
  // Exit 1: no refs/stash yet.
  const out = await git(context, ['rev-parse', '--verify', '--quiet', 'refs/stash'], {
    cwd: repo,
    okExitCodes: [0, 1],
  });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/**
 * `git stash push --include-untracked -m MESSAGE`: sets every uncommitted change aside, new files
 * included, and returns the stash's commit id; null when there was nothing to set aside. The
 * caller checks first that HEAD is a commit and no file is unmerged (git refuses both).
 */
export async function stashPush(context: GitContext, repo: string, message: string): Promise<string | null> {
  if (!message.startsWith(APP_STASH_PREFIX)) throw new Error('The app’s stashes start with its prefix.');
  const before = await newestStash(context, repo);
  await git(context, ['stash', 'push', '--include-untracked', '--quiet', '-m', message], { cwd: repo });
  const after = await newestStash(context, repo);
  return after !== null && after !== before ? after : null;
}

/** How putting a stash back ended. */
export type ApplyResult =
  /** All of it is back, ticked files ticked again (or, when git could not keep them, unticked). */
  | { readonly kind: 'applied'; readonly index: boolean }
  /** Some files conflict with what is there now: they are unmerged, the rest is back. */
  | { readonly kind: 'conflict'; readonly output: string }
  /** git put nothing or part of it back for another reason (a new file's name now taken): see output. */
  | { readonly kind: 'failed'; readonly output: string };

/**
 * `git stash apply --index COMMIT`, and without `--index` when git says the ticked changes cannot
 * be ticked again ("Conflicts in index. Try without --index.", refused before anything changed).
 * Never drops the stash: the caller does, once it applied cleanly. `renormalize` is for a stash
 * made before the files' storage changed (an LFS migration): the three sides are compared as the
 * current .gitattributes would store them (git-config(1) "merge.renormalize").
 */
export async function stashApply(
  context: GitContext,
  repo: string,
  commit: string,
  options: { readonly renormalize?: boolean } = {},
): Promise<ApplyResult> {
  const config = options.renormalize ? ['-c', 'merge.renormalize=true'] : [];
  const attempt = (index: boolean) =>
    gitOutcome(context, [...config, 'stash', 'apply', ...(index ? ['--index'] : []), commit], { cwd: repo });
  let index = true;
  let result = await attempt(true);
  if (
    result.exitCode !== 0 &&
    /Conflicts in index|Try without --index|could not save index tree/i.test(result.output)
  ) {
    index = false;
    result = await attempt(false);
  }
  if (result.exitCode === 0) return { kind: 'applied', index };
  if (result.notFound || result.cancelled || result.timedOut)
    return { kind: 'failed', output: result.output };
  const unmerged = await git(context, ['ls-files', '-u', '-z'], { cwd: repo });
  return unmerged.stdout !== ''
    ? { kind: 'conflict', output: result.output }
    : { kind: 'failed', output: result.output };
}

/** Drops one stash by its commit id (its position in the list may have moved since). */
export async function stashDrop(context: GitContext, repo: string, commit: string): Promise<void> {
  const list = await git(context, ['stash', 'list', '--format=%H'], { cwd: repo });
  const position = list.stdout.split('\n').indexOf(commit);
  if (position < 0) return;
  await git(context, ['stash', 'drop', '--quiet', `stash@{${position}}`], { cwd: repo });
}

/** One stash: its commit id and git's subject for it ("On main: hfgd: left on main"). */
export interface StashEntry {
  readonly commit: string;
  readonly subject: string;
}

/** The stashes, newest first. */
export async function stashList(context: GitContext, repo: string): Promise<StashEntry[]> {
  const list = await git(context, ['stash', 'list', '-z', '--format=%H %gs'], { cwd: repo });
  return list.stdout
    .split('\u0000')
    .filter((line) => line.includes(' '))
    .map((line) => ({
      commit: line.slice(0, line.indexOf(' ')),
      subject: line.slice(line.indexOf(' ') + 1),
    }));
}

/** Keeps a commit in the stash list with the app's message (`git stash store`): a snapshot nobody loses. */
export async function stashStore(
  context: GitContext,
  repo: string,
  commit: string,
  message: string,
): Promise<void> {
  if (!message.startsWith(APP_STASH_PREFIX)) throw new Error('The app’s stashes start with its prefix.');
  await git(context, ['stash', 'store', '--quiet', '-m', message, commit], { cwd: repo });
}

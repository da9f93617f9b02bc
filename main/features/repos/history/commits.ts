import type { CommitFileView, CommitView } from '../../../../preload/contract';
import type { GitContext } from '../../../git/core';
import { commitFileChanges } from '../../../git/diff-tree';
import { readLog } from '../../../git/log';
import { firstParent, headCommit, resolveCommit } from '../../../git/resolve-commit';
import { hasRemoteBranches, unpushedCommits } from '../../../git/rev-list';
import { checkCommitName, HistoryError } from './errors';

// The History list (issue 12, item 5): the current branch's commits with whether each is on the
// Hub yet, and the files one commit changed.

/** The most commits one page may ask for (the schema holds the renderer to it). */
export const HISTORY_PAGE_MAX = 500;

/**
 * How many unpushed commits are listed to mark the rest as pushed. Past it (an imported history
 * never pushed to a branch the remote has), a commit not among them is shown as not pushed:
 * the cautious answer, since "pushed" is what allows a revert rather than an undo.
 */
export const UNPUSHED_CAP = 10_000;

/** One page of the branch's history, newest first, and whether there is more after it. */
export async function commitHistory(
  context: GitContext,
  top: string,
  skip: number,
  limit: number,
  cap: number = UNPUSHED_CAP,
): Promise<{ readonly commits: readonly CommitView[]; readonly more: boolean }> {
  const head = await headCommit(context, top);
  // A repository with no commit yet has an empty history, not an error.
  if (head === null) return { commits: [], more: false };
  const [entries, remotes] = await Promise.all([
    readLog(context, top, head, skip, limit + 1),
    hasRemoteBranches(context, top),
  ]);
  const unpushed = remotes ? await unpushedCommits(context, top, head, cap) : null;
  const pushed = (sha: string): boolean =>
    unpushed !== null && !unpushed.capped && !unpushed.commits.has(sha);
  return {
    commits: entries.slice(0, limit).map((entry) => ({
      sha: entry.sha,
      summary: entry.summary,
      body: entry.body,
      author: entry.author,
      email: entry.email,
      at: entry.at,
      pushed: pushed(entry.sha),
      merge: entry.parents.length > 1,
    })),
    more: entries.length > limit,
  };
}

/** The commit the screen names (an id or a ref), or not_found in words; a name like an option is refused. */
export async function namedCommit(context: GitContext, top: string, commit: string): Promise<string> {
  const oid = await resolveCommit(context, top, checkCommitName(commit));
  if (oid === null)
    throw new HistoryError(
      'not_found',
      `There is no commit “${commit.slice(0, 80)}” in this repository.`,
      'Pick the commit from the history list; read the history again if it was rewritten.',
    );
  return oid;
}

/** The files `commit` changed, against its first parent (a root commit: everything it added). */
export async function commitFiles(
  context: GitContext,
  top: string,
  commit: string,
): Promise<CommitFileView[]> {
  const oid = await namedCommit(context, top, commit);
  return commitFileChanges(context, top, oid, await firstParent(context, top, oid));
}

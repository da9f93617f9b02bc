import type { GitContext } from '../../../git/core';
import { currentBranch } from '../../../git/branches';
import { readIdentity } from '../../../git/config';
import { headCommit, remoteBranchesHolding, undoLastCommit } from '../../../git/reset';
import { commitPaths, inHistory, resolveCommit, revertCommit, type RevertOutcome } from '../../../git/revert';
import { repoStatus } from '../../../git/status';
import { RecoveryError } from './errors';
import { refuseWhileBusy } from './pending';

// Undo and Revert. Undo is for the last commit only while it is not on the Hub: the branch moves
// back one commit and the commit's changes return to the list, ticked; the commit itself stays
// in git's reflog (`git reflog`), so `git reset --soft <its id>` would redo it. A commit the Hub
// has is taken back with Revert: a new commit, so nobody's copy of the Hub's history changes.

/** Undoes the last commit; returns the id of the commit undone. */
export async function undoCommit(git: GitContext, top: string): Promise<string> {
  const head = await headCommit(git, top);
  if (!head)
    throw new RecoveryError(
      'nothing_to_undo',
      'There is no commit to undo: this branch has no commits yet.',
      'Make a commit first; only the last commit can be undone.',
    );
  await refuseWhileBusy(git, top, 'undo a commit');
  if ((await currentBranch(git, top)) === null)
    throw new RecoveryError(
      'not_allowed',
      'You are not on a branch (you are looking at one commit), so there is no last commit to undo.',
      'Switch to a branch first.',
    );
  if (head.parents.length > 1)
    throw new RecoveryError(
      'not_allowed',
      'The last commit joins two histories (a merge, made by a pull), and undoing it is not offered.',
      'Make a new commit that fixes what you need, or Revert the merge once it is on the Hub.',
    );
  const onHub = await remoteBranchesHolding(git, top, head.sha);
  if (onHub.length > 0)
    throw new RecoveryError(
      'already_pushed',
      `The last commit is already on the Hub (${onHub.slice(0, 3).join(', ')}), so undoing it here would not take it off the Hub.`,
      'Revert it instead: that makes a new commit which takes its changes back, and you push that.',
    );
  await undoLastCommit(git, top, head);
  return head.sha;
}

/**
 * Reverts COMMIT of this branch's history with a new commit (`-m 1` for a merge). Uncommitted
 * changes are not set aside: the revert is refused while any file is ticked (git would refuse
 * too) or while a file it changes has uncommitted edits, so nothing of the person's is mixed in.
 * Conflicts stop it with REVERT_HEAD for the conflict flow.
 */
export async function revertOne(git: GitContext, top: string, name: string): Promise<RevertOutcome> {
  const commit = /^[0-9a-f]{4,64}$/i.test(name) ? await resolveCommit(git, top, name) : undefined;
  if (!commit || !(await inHistory(git, top, commit.sha)))
    throw new RecoveryError(
      'not_found',
      `There is no commit ${name.slice(0, 12)} in this branch's history.`,
      'Refresh the history and choose the commit again.',
    );
  await refuseWhileBusy(git, top, 'revert a commit');
  if (!(await readIdentity(git, top)))
    throw new RecoveryError(
      'identity_needed',
      'Git needs a name and an email to put on the new commit that reverts this one.',
      'Fill them in above; they are saved in your Git settings.',
    );
  const status = await repoStatus(git, top);
  const ticked = status.changes.filter((change) => change.staged).map((change) => change.path);
  if (ticked.length > 0)
    throw new RecoveryError(
      'not_allowed',
      `You have ticked changes (${ticked.slice(0, 3).join(', ')}${ticked.length > 3 ? '…' : ''}), and a revert is a commit of its own.`,
      'Commit your ticked changes first, or untick them, then revert.',
    );
  const touched = new Set(await commitPaths(git, top, commit));
  const clash = status.changes.filter((change) => touched.has(change.path)).map((change) => change.path);
  if (clash.length > 0)
    throw new RecoveryError(
      'not_allowed',
      `You have uncommitted changes to ${clash.slice(0, 3).join(', ')}${clash.length > 3 ? '…' : ''}, which this revert changes too.`,
      'Commit those changes (or discard them: they can be brought back) first, then revert.',
    );
  return revertCommit(git, top, commit.sha, commit.parents.length > 1);
}

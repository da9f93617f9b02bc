import type { BackupView, RecoveryView, StashView } from '../../../../preload/contract';
import { BACKUP_PREFIX, backupTime, createBackup, listBackups } from '../../../git/backup-branch';
import { branchExists, currentBranch } from '../../../git/branches';
import type { GitContext } from '../../../git/core';
import { headCommit, moveBranchKeeping } from '../../../git/reset';
import { resolveCommit } from '../../../git/revert';
import { applyStash, stashRefOf } from '../../../git/stash-apply';
import { listStashes } from '../../../git/stash-list';
import { stashPush } from '../../../git/stash';
import { discardedView } from './discard';
import { listSets } from './discarded-store';
import { RecoveryError } from './errors';
import { refuseWhileBusy } from './pending';
import { settleApply, type PutBack } from './stashes';

// What the app kept that the person can bring back (discarded files, stashes, backup branches),
// and "Restore" of a backup branch, which itself first keeps the state it replaces.

/** The app's own stashes carry this mark (the safety helper's "hfgd: set aside before pull"). */
const APP_MARK = 'hfgd:';

/** The message of the stash Restore makes around its move. */
export const RESTORE_STASH_MESSAGE = 'hfgd: set aside before restore';

/** A backup's reason in plain words: its creation's reflog message without the app's mark. */
function reasonOf(createdWith: string | undefined, subject: string): string {
  const said = (createdWith ?? '').replace(/^hfgd:\s*/, '').replace(/^backup\s+/, '');
  return said !== '' ? said : `the commit "${subject}"`;
}

/** Everything this repository has that can be brought back, newest first in each list. */
export async function recoveryList(git: GitContext, dataDir: string, top: string): Promise<RecoveryView> {
  const [sets, stashes, backups] = await Promise.all([
    listSets(dataDir, top),
    listStashes(git, top),
    listBackups(git, top),
  ]);
  return {
    discarded: sets.map(discardedView),
    stashes: stashes.map((stash): StashView => ({ ...stash, byApp: stash.message.includes(APP_MARK) })),
    backups: backups
      .map((backup): BackupView => ({
        branch: backup.branch,
        at: backupTime(backup.branch) ?? backup.committedAt,
        reason: reasonOf(backup.createdWith, backup.subject),
      }))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.branch < b.branch ? 1 : -1)),
  };
}

/** What Restore did, for the screen's notes. */
export interface Restored {
  readonly keptAs: string;
  /**
   * Uncommitted changes: none; set aside and put back; put back with conflicts (the stash kept);
   * or kept set aside because git could not put them back here.
   */
  readonly changes: PutBack | 'none' | 'kept';
}

/**
 * "Restore": the current branch back to a backup branch's commit. First the current commit is
 * kept as a new backup branch ("before restoring …") and uncommitted changes are set aside;
 * then the branch moves with `reset --keep` (never `--hard`), and the changes are put back.
 */
export async function restoreBackup(
  git: GitContext,
  top: string,
  branch: string,
  now: Date = new Date(),
): Promise<Restored> {
  if (!branch.startsWith(BACKUP_PREFIX) || backupTime(branch) === undefined)
    throw new RecoveryError(
      'not_allowed',
      `"${branch}" is not one of the app's backup branches, so Restore does not move to it.`,
      'Choose one of the backups listed under "Bring back".',
    );
  if (!(await branchExists(git, top, branch)))
    throw new RecoveryError(
      'not_found',
      `There is no backup branch called ${branch} any more.`,
      'Refresh the list of things you can bring back.',
    );
  await refuseWhileBusy(git, top, 'restore a backup');
  const current = await currentBranch(git, top);
  const head = await headCommit(git, top);
  if (current === null || head === undefined)
    throw new RecoveryError(
      'not_allowed',
      current === null
        ? 'You are not on a branch, so there is no branch to restore.'
        : 'This branch has no commit yet, so there is nothing to restore over.',
      'Switch to the branch the backup was made from, then Restore.',
    );
  if (current === branch)
    throw new RecoveryError(
      'not_allowed',
      `You are on the backup branch ${branch} itself, so there is nothing to restore it over.`,
      'Switch to the branch the backup was made from, then Restore.',
    );
  const target = await resolveCommit(git, top, `refs/heads/${branch}`);
  if (!target)
    throw new RecoveryError('not_found', `The backup ${branch} has no commit.`, 'Choose another backup.');
  const keptAs = await createBackup(git, top, head.sha, `hfgd: before restoring ${branch}`, now);
  // The same setting aside as a pull's (stash.ts): null when there is nothing uncommitted.
  const stash = (await stashPush(git, top, RESTORE_STASH_MESSAGE)) ?? undefined;
  try {
    await moveBranchKeeping(git, top, target.sha);
  } catch (error) {
    // The branch did not move: the changes go back where they were, and the error is said.
    if (stash !== undefined) {
      const ref = await stashRefOf(git, top, stash);
      if (ref !== undefined) await settleApply(git, top, stash, await applyStash(git, top, ref));
    }
    throw error;
  }
  if (stash === undefined) return { keptAs, changes: 'none' };
  const ref = await stashRefOf(git, top, stash);
  if (ref === undefined) return { keptAs, changes: 'none' };
  const outcome = await applyStash(git, top, ref);
  // Refused (an untracked file the backup now has): the restore stands, the changes stay set aside.
  if (outcome.kind === 'refused') return { keptAs, changes: 'kept' };
  return { keptAs, changes: await settleApply(git, top, stash, outcome) };
}

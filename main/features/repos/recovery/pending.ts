import type { GitContext } from '../../../git/core';
import { pendingOperation, type PendingOperation } from '../../../git/pending-operation';
import { assertNever } from '../../../ipc/result';
import { RecoveryError } from './errors';

const NAMES = (pending: PendingOperation): string => {
  switch (pending) {
    case 'merge':
      return 'a pull (a merge) that stopped on conflicts';
    case 'revert':
      return 'a revert that stopped on conflicts';
    case 'cherry-pick':
      return 'copying a commit (a cherry-pick) that stopped on conflicts';
    case 'rebase':
      return 'a rebase';
    case 'conflicts':
      return 'files with conflicts';
    default:
      return assertNever(pending);
  }
};

/** Refuses WHAT while git is in the middle of something, saying what and how to get out. */
export async function refuseWhileBusy(git: GitContext, top: string, what: string): Promise<void> {
  const pending = await pendingOperation(git, top);
  if (pending === undefined) return;
  throw new RecoveryError(
    'operation_in_progress',
    `The repository is in the middle of ${NAMES(pending)}, so the app cannot ${what} now.`,
    'Finish it first (resolve each conflicted file, then commit) or abort it, then try again.',
  );
}

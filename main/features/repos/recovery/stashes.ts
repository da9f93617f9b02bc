import type { GitContext } from '../../../git/core';
import { applyStash, dropStash, stashPaths, stashRefOf, type ApplyOutcome } from '../../../git/stash-apply';
import { repoStatus } from '../../../git/status';
import { assertNever } from '../../../ipc/result';
import { RecoveryError } from './errors';
import { refuseWhileBusy } from './pending';

// Putting set-aside changes back: the stash is found by its commit id, applied with the ticked
// state when git can, and dropped only when everything came back cleanly. Conflicts stay in the
// index for the conflict flow, and the stash stays until they are resolved.

/** How putting a stash back ended, as the screen says it. */
export type PutBack = 'applied' | 'conflicts';

/** The outcome of `applyStash` as a result, dropping the stash only after a clean apply. */
export async function settleApply(
  git: GitContext,
  top: string,
  commit: string,
  outcome: ApplyOutcome,
): Promise<PutBack> {
  switch (outcome.kind) {
    case 'applied':
      await dropStash(git, top, commit);
      return 'applied';
    case 'conflicts':
      return 'conflicts';
    case 'refused':
      throw new RecoveryError(
        'git_failed',
        'Git could not put the set-aside changes back; they are still kept, unchanged.',
        `Open Details for Git's own words. ${outcome.output.split('\n')[0] ?? ''}`.trim(),
      );
    default:
      return assertNever(outcome);
  }
}

/**
 * Puts the stash with this commit id back. Refused, with nothing changed, while git is in the
 * middle of something or while an uncommitted change touches a file the stash would write.
 */
export async function putStashBack(git: GitContext, top: string, commit: string): Promise<PutBack> {
  const ref = await stashRefOf(git, top, commit);
  if (ref === undefined)
    throw new RecoveryError(
      'not_found',
      'Those set-aside changes are no longer in this repository.',
      'Refresh the list of things you can bring back.',
    );
  await refuseWhileBusy(git, top, 'put set-aside changes back');
  const touched = await stashPaths(git, top, commit);
  const clash = (await repoStatus(git, top)).changes
    .map((change) => change.path)
    .filter((path) => touched.has(path));
  if (clash.length > 0)
    throw new RecoveryError(
      'not_allowed',
      `You have changes to ${clash.slice(0, 3).join(', ')}${clash.length > 3 ? '…' : ''}, which the set-aside changes would overwrite.`,
      'Commit or discard your changes to those files first (discarded files can be brought back), then try again.',
    );
  return settleApply(git, top, commit, await applyStash(git, top, ref));
}

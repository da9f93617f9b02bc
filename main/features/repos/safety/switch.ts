import { unmergedEntries } from '../../../git/conflicts';
import { git, type GitContext } from '../../../git/core';
import { gitDir, writeOperation } from '../../../git/merge-state';
import { stashList, uncommittedCount } from '../../../git/stash';
import { branchName, currentBranch, findBranch, switchBranch as gitSwitch } from '../../../git/switch';
import { SafetyError } from './errors';
import { putBack, setAside, type SetAside } from './guard';
import { changedInStash } from './operation';
import { refuseWhileInProgress } from './pull';
import { changes } from './words';

// Switching branch without losing anything. "Carry" takes the uncommitted changes along (git does
// when it can; when it refuses, they are set aside, the branch switched, and they are put back,
// a conflict becoming the conflict flow). "Leave" sets them aside as `hfgd: left on BRANCH`;
// arriving on a branch that has such changes puts them back.

/** The message of the stash that keeps changes left on a branch. */
export const leftOn = (branch: string): string => `hfgd: left on ${branch}`;

/** The newest stash left on `branch` (git's subject is "On X: hfgd: left on BRANCH"). */
async function leftStash(context: GitContext, repo: string, branch: string): Promise<string | null> {
  const suffix = `: ${leftOn(branch)}`;
  const found = (await stashList(context, repo)).find(
    (entry) => entry.subject.endsWith(suffix) || entry.subject === leftOn(branch),
  );
  return found?.commit ?? null;
}

const paths = async (context: GitContext, repo: string) =>
  (await unmergedEntries(context, repo)).map((entry) => entry.path);

const gitWords = (output: string) =>
  output
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.replace(/^(error|fatal): /, '') ?? '';

/** Switches to `name` (a local branch, or a remote one it starts tracking); returns the notes. */
export async function switchSafely(
  context: GitContext,
  repo: string,
  name: string,
  mode: 'carry' | 'leave',
): Promise<string[]> {
  if ((await branchName(context, repo, name)) === null)
    throw new SafetyError(
      'bad_branch_name',
      `“${name}” cannot be a branch name.`,
      'Pick a branch from the list.',
    );
  await refuseWhileInProgress(context, repo, 'switch');
  const from = await currentBranch(context, repo);
  if (from === name) return [`You are on ${name} already.`];
  const where = await findBranch(context, repo, name);
  if (!where)
    throw new SafetyError(
      'not_found',
      `There is no branch called ${name} here or on the Hub.`,
      'Refresh the branch list, or create the branch.',
    );
  const track = where.kind === 'remote' ? where.remote : undefined;
  const head = (await git(context, ['rev-parse', 'HEAD'], { cwd: repo })).stdout.trim();
  const dir = await gitDir(context, repo);
  const notes: string[] = [];
  let left: SetAside | null = null;

  if (mode === 'leave') {
    if (from === null)
      throw new SafetyError(
        'not_allowed',
        'This copy is not on a branch, so changes cannot be left on one.',
        'Choose to take your changes along.',
      );
    left = await setAside(context, repo, leftOn(from));
    if (left.unborn)
      throw new SafetyError(
        'not_allowed',
        `${from} has no commit yet, so its changes cannot be set aside.`,
        'Commit them first, or take them along.',
      );
    const moved = await gitSwitch(context, repo, name, track);
    if (moved.kind !== 'switched') {
      await putBack(context, repo, left);
      throw new SafetyError(
        'git_failed',
        `Git could not switch to ${name}: ${gitWords(moved.output)}`,
        'Nothing changed; your changes are as they were.',
      );
    }
    if (left.stash)
      notes.push(
        `Your ${changes(left.count)} stay${left.count === 1 ? 's' : ''} set aside on ${from}; ${left.count === 1 ? 'it comes' : 'they come'} back when you switch back to it.`,
      );
  } else {
    const moved = await gitSwitch(context, repo, name, track);
    if (moved.kind === 'failed')
      throw new SafetyError(
        'git_failed',
        `Git could not switch to ${name}: ${gitWords(moved.output)}`,
        'Nothing changed; your changes are as they were.',
      );
    if (moved.kind === 'blocked') {
      const aside = await setAside(context, repo, `hfgd: taken from ${from ?? head.slice(0, 12)} to ${name}`);
      const again = await gitSwitch(context, repo, name, track);
      if (again.kind !== 'switched') {
        await putBack(context, repo, aside);
        throw new SafetyError(
          'git_failed',
          `Git could not switch to ${name}: ${gitWords(again.output)}`,
          'Nothing changed; your changes are as they were.',
        );
      }
      const back = await putBack(context, repo, aside, { conflictFiles: () => paths(context, repo) });
      if (back.kind === 'conflict') {
        await writeOperation(dir, {
          during: 'switch',
          setAside: back.stash,
          applying: back.stash,
          head,
          ...(from ? { branch: from } : {}),
        });
        return [back.note];
      }
      if (back.kind !== 'none') notes.push(back.note);
    } else {
      const count = await uncommittedCount(context, repo);
      if (count > 0) notes.push(`Your ${changes(count)} came along to ${name}.`);
    }
  }

  // Changes once left on this branch come back when nothing else is in the folder.
  const waiting = await leftStash(context, repo, name);
  if (waiting === null) return notes;
  if ((await uncommittedCount(context, repo)) > 0) {
    notes.push(
      `The changes you left on ${name} are still set aside (you brought other changes along); bring them back from the list of set-aside changes.`,
    );
    return notes;
  }
  const count = await changedInStash(context, repo, waiting);
  const back = await putBack(
    context,
    repo,
    { stash: waiting, count, unborn: false },
    { conflictFiles: () => paths(context, repo) },
  );
  switch (back.kind) {
    case 'applied':
      notes.push(`The changes you left on ${name} are back.`);
      break;
    case 'conflict':
      await writeOperation(dir, {
        during: 'switch',
        applying: waiting,
        head,
        ...(from ? { branch: from } : {}),
        ...(left?.stash ? { setAside: left.stash } : {}),
      });
      notes.push(
        `The changes you left on ${name} were put back, but some conflict with it now: for each file, keep yours or the branch’s.`,
      );
      break;
    case 'kept':
      notes.push(back.note);
      break;
    case 'none':
      break;
  }
  return notes;
}

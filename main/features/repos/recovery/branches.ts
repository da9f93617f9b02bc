import type { BranchList, BranchView } from '../../../../preload/contract';
import type { Settings } from '../../../core/settings';
import {
  branchExists,
  createBranchAtHead,
  currentBranch,
  listLocalBranches,
  listRemoteBranches,
  validBranchName,
} from '../../../git/branches';
import type { GitContext } from '../../../git/core';
import { listPullRequestRefs } from '../../../git/ls-remote';
import { listRemotes, mainRemote, REMOTE_NAME } from '../../../git/remotes';
import { headCommit } from '../../../git/reset';
import { RecoveryError } from './errors';

// Branches: the local ones with their upstream, the Hub's that have no local copy, and the Hub's
// pull requests, which live on `refs/pr/N` (hub-docs "Pull requests and Discussions": `git fetch
// origin refs/pr/42:pr/42` makes the local branch pr/42, and `refs/pr/*:refs/remotes/origin/pr/*`
// the remote-tracking ones).

const PR_BRANCH = /^pr\/(\d+)$/;

/** The pull request a local branch stands for: a `pr/N` branch, or one following `REMOTE/pr/N`. */
export function pullRequestOf(name: string, upstream: string | null): number | null {
  const own =
    PR_BRANCH.exec(name)?.[1] ?? (upstream === null ? undefined : /^[^/]+\/pr\/(\d+)$/.exec(upstream)?.[1]);
  return own === undefined ? null : Number(own);
}

/** The repository's branches and the Hub's pull requests (empty when the Hub cannot be asked). */
export async function branchList(settings: Settings, git: GitContext, top: string): Promise<BranchList> {
  const [current, local, remoteBranches, remotes] = await Promise.all([
    currentBranch(git, top),
    listLocalBranches(git, top),
    listRemoteBranches(git, top),
    listRemotes(git, top, { endpoint: settings.hubEndpoint, sshHost: settings.sshHost }),
  ]);
  // Only a Hub remote is asked, and never one with a token in its address (git would pass the
  // address, token and all, on a helper's command line: the push refuses such a remote too).
  const hub = mainRemote(remotes.filter((remote) => remote.kind !== 'other' && !remote.hasSecret));
  const refs =
    hub !== undefined && REMOTE_NAME.test(hub.name) ? await listPullRequestRefs(git, top, hub.name) : [];
  const views: BranchView[] = local.map((branch) => ({
    ...branch,
    pullRequest: pullRequestOf(branch.name, branch.upstream),
  }));
  const localNames = new Set(local.map((branch) => branch.name));
  const listedPrs = new Set(refs.map((ref) => ref.number));
  return {
    current,
    local: views,
    remote: remoteBranches.filter((branch) => {
      const pr = PR_BRANCH.exec(branch.name)?.[1];
      return !localNames.has(branch.name) && !(pr !== undefined && listedPrs.has(Number(pr)));
    }),
    pullRequests: refs.map((ref) => ({
      number: ref.number,
      ref: ref.ref,
      local: views.find((branch) => branch.pullRequest === ref.number)?.name ?? null,
    })),
  };
}

/** Says, in words, what in NAME git's branch-name rules (git-check-ref-format(1)) do not allow. */
export function branchNameProblems(name: string): string[] {
  const problems: string[] = [];
  const bad = [...new Set([...name].filter((char) => ' ~^:?*[\\'.includes(char)))];
  if (bad.length > 0)
    problems.push(
      `these characters: ${bad.map((char) => (char === ' ' ? 'a space' : `"${char}"`)).join(', ')}`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) problems.push('control characters');
  if (name.includes('..')) problems.push('two dots in a row');
  if (name.includes('@{')) problems.push('"@{"');
  if (name === '@') problems.push('"@" alone');
  if (name.startsWith('-')) problems.push('a "-" at the start');
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    problems.push('a "/" at either end or two in a row');
  if (name.split('/').some((part) => part.startsWith('.'))) problems.push('a part starting with "."');
  if (name.endsWith('.') || name.split('/').some((part) => part.endsWith('.lock')))
    problems.push('an ending of "." or ".lock"');
  if (name === 'HEAD') problems.push('the name HEAD, which git keeps for itself');
  return problems;
}

/**
 * Creates branch NAME at HEAD, and switches to it when asked; uncommitted changes come along
 * untouched (the new branch points where HEAD does, so a switch to it never conflicts).
 */
export async function createBranch(
  git: GitContext,
  top: string,
  name: string,
  switchTo: boolean,
): Promise<void> {
  if (!(await validBranchName(git, top, name))) {
    const problems = branchNameProblems(name);
    throw new RecoveryError(
      'bad_branch_name',
      problems.length > 0
        ? `A branch name cannot contain ${problems.join('; ')}.`
        : `Git does not accept "${name}" as a branch name.`,
      'Use letters, digits, "-", "_" and "/" (for example fix/readme-typo).',
    );
  }
  if (await branchExists(git, top, name))
    throw new RecoveryError(
      'branch_exists',
      `There is already a branch called ${name}.`,
      `Pick another name, or switch to ${name} instead.`,
    );
  if (!switchTo && (await headCommit(git, top)) === undefined)
    throw new RecoveryError(
      'not_allowed',
      'This branch has no commit yet, so a new branch would have nothing to start from.',
      'Make a first commit, or create the branch and switch to it (your work comes along).',
    );
  await createBranchAtHead(git, top, name, switchTo);
}

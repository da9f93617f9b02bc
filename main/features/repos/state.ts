import type { ChangedFileView, RepoState } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import { lfsFiltered } from '../../git/check-attr';
import type { GitContext } from '../../git/core';
import { listRemotes, remoteView } from '../../git/remotes';
import { checkRepoPath } from '../../git/repo-path';
import { readRepoConfig, type RepoConfig } from '../../git/repo-config';
import { repoStatus, type ChangedFile, type RepoStatus } from '../../git/status';
import { describeProblem, describeStagedProblem, transfersFromConfig } from '../../hub/push-rules';
import { lfsState } from './lfs';
import { findPointerFiles, lfsTrackedPaths } from './pointers';
import { prePushCheck } from './pre-push';
import { stagedProblems } from './rules/staged';

/** The Hub's web and SSH addresses, for reading remotes. */
export const hubAddresses = (settings: Settings) => ({
  endpoint: settings.hubEndpoint,
  sshHost: settings.sshHost,
});

/** One listed change as the screen gets it: LFS or not, and a conflict when git has it unmerged. */
function changeView(change: ChangedFile, lfs: ReadonlySet<string>): ChangedFileView {
  const { unmerged, ...rest } = change;
  return {
    ...rest,
    ...(lfs.has(change.path) ? { lfs: true } : {}),
    // Provisional: conflicts.ts (readConflicts, another part of issue 12) says whether the file
    // is stored with LFS and still holds markers; the lead merges its answer here.
    ...(unmerged ? { conflict: { xy: unmerged, lfs: false, markers: false } } : {}),
  };
}

/**
 * Which listed changes are LFS files. Paths in the index come from the list of LFS paths the
 * pointer scan reads anyway; only the others (new files, ticked deletions, conflicts) are asked
 * of `git check-attr`, and only when there are some.
 */
async function lfsOfChanges(
  git: GitContext,
  top: string,
  status: RepoStatus,
  tracked: readonly string[],
): Promise<ReadonlySet<string>> {
  const outside = status.changes
    .filter(
      (change) => !change.folder && (change.status === '??' || change.status[0] === 'D' || change.unmerged),
    )
    .map((change) => change.path);
  const asked = await lfsFiltered(git, top, outside);
  return new Set([...tracked, ...asked]);
}

/** Everything the screen shows, read in parallel in the folder `top`. */
async function readAt(settings: Settings, git: GitContext, top: string): Promise<RepoState> {
  // One read of the settings for who commits and for the 5 GB rule, started by the status call.
  let config: Promise<RepoConfig> | undefined;
  const configOnce = () => (config ??= readRepoConfig(git, top));
  const reading = repoStatus(git, top, configOnce);
  const transfers = configOnce().then((read) => transfersFromConfig(read.lfs));
  const tracked = lfsTrackedPaths(git, top);
  const [status, remotes, pointers, prePush, lfs] = await Promise.all([
    reading,
    listRemotes(git, top, hubAddresses(settings)),
    tracked.then((paths) => findPointerFiles(settings.home, top, git.env, paths)),
    prePushCheck(settings.home, top, git.env, { transfers }),
    lfsState(settings, git.env),
  ]);
  // What only a list of changes asks for: nothing ticked, no diff of the index (the usual case).
  const [lfsPaths, staged] = await Promise.all([
    lfsOfChanges(git, top, status, await tracked),
    status.changes.some((change) => change.staged)
      ? transfers.then((known) => stagedProblems(git, top, known))
      : [],
  ]);
  return {
    path: top,
    branch: status.branch,
    upstream: status.upstream,
    ahead: status.ahead,
    behind: status.behind,
    changes: status.changes.map((change) => changeView(change, lfsPaths)),
    identity: status.identity,
    remotes: remotes.map(remoteView),
    pointers: pointers.map((pointer) => ({ path: pointer.path, size: pointer.size })),
    prePush: {
      commits: prePush.commits,
      problems: prePush.problems.map((problem) => ({ ...problem, text: describeProblem(problem) })),
    },
    lfs,
    staged: {
      problems: staged.map((problem) => ({ ...problem, text: describeStagedProblem(problem) })),
    },
    // The lead wires these from conflicts.ts and the fetch part of issue 12.
    inProgress: null,
    fetch: null,
    moreChanges: status.moreChanges,
  };
}

/**
 * Everything the repository screen shows: changes, remotes, pointers, the Hub's rules, LFS. The
 * screen names the top of the repository it opened, so the reads start there at once, beside
 * the check of the folder; if the folder is not a repository, or not its top, that check's answer
 * wins and the reads run again at the real top.
 */
export async function readRepoState(settings: Settings, git: GitContext, path: string): Promise<RepoState> {
  // The reads first: starting a process holds up the next, and the status is the longest.
  const [guess, top] = await Promise.allSettled([readAt(settings, git, path), checkRepoPath(git, path)]);
  if (top.status === 'rejected') throw top.reason;
  if (top.value === path && guess.status === 'fulfilled') return guess.value;
  return readAt(settings, git, top.value);
}

import type { ChangedFileView, RepoState } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import { lfsFiltered } from '../../git/check-attr';
import type { GitContext } from '../../git/core';
import { listRemotes, remoteView } from '../../git/remotes';
import { checkRepoPath } from '../../git/repo-path';
import { repoStatus, type ChangedFile } from '../../git/status';
import { describeProblem, describeStagedProblem } from '../../hub/push-rules';
import { lfsState } from './lfs';
import { findPointerFiles } from './pointers';
import { prePushCheck, repoTransfers } from './pre-push';
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
    // Provisional: conflicts.ts (readConflicts, another part of issue 12) says whether the
    // file is stored with LFS and still holds markers; the lead merges its answer here.
    ...(unmerged ? { conflict: { xy: unmerged, lfs: false, markers: false } } : {}),
  };
}

/** Everything the repository screen shows, read in parallel: changes, remotes, pointers, the Hub's rules, LFS. */
export async function readRepoState(settings: Settings, git: GitContext, path: string): Promise<RepoState> {
  const top = await checkRepoPath(git, path);
  const transfers = repoTransfers(git, top);
  const [status, remotes, pointers, prePush, lfs, staged] = await Promise.all([
    repoStatus(git, top).then(async (read) => ({
      read,
      // Folded folders have no attribute of their own; their files are not listed.
      lfs: await lfsFiltered(
        git,
        top,
        read.changes.filter((change) => !change.folder).map((change) => change.path),
      ),
    })),
    listRemotes(git, top, hubAddresses(settings)),
    findPointerFiles(settings.home, top, git.env),
    prePushCheck(settings.home, top, git.env),
    lfsState(settings, git.env),
    transfers.then((known) => stagedProblems(git, top, known)),
  ]);
  return {
    path: top,
    branch: status.read.branch,
    upstream: status.read.upstream,
    ahead: status.read.ahead,
    behind: status.read.behind,
    changes: status.read.changes.map((change) => changeView(change, status.lfs)),
    identity: status.read.identity,
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
    moreChanges: status.read.moreChanges,
  };
}

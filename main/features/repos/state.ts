import type { RepoState } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import type { GitContext } from '../../git/core';
import { listRemotes, remoteView } from '../../git/remotes';
import { checkRepoPath } from '../../git/repo-path';
import { repoStatus } from '../../git/status';
import { describeProblem } from '../../hub/push-rules';
import { lfsState } from './lfs';
import { findPointerFiles } from './pointers';
import { prePushCheck } from './pre-push';

/** The Hub's web and SSH addresses, for reading remotes. */
export const hubAddresses = (settings: Settings) => ({
  endpoint: settings.hubEndpoint,
  sshHost: settings.sshHost,
});

/** Everything the repository screen shows, read in parallel: changes, remotes, pointers, the Hub's rules, LFS. */
export async function readRepoState(settings: Settings, git: GitContext, path: string): Promise<RepoState> {
  const top = await checkRepoPath(git, path);
  const [status, remotes, pointers, prePush, lfs] = await Promise.all([
    repoStatus(git, top),
    listRemotes(git, top, hubAddresses(settings)),
    findPointerFiles(settings.home, top, git.env),
    prePushCheck(settings.home, top, git.env),
    lfsState(settings, git.env),
  ]);
  return {
    path: top,
    ...status,
    remotes: remotes.map(remoteView),
    pointers: pointers.map((pointer) => ({ path: pointer.path, size: pointer.size })),
    prePush: {
      commits: prePush.commits,
      problems: prePush.problems.map((problem) => ({ ...problem, text: describeProblem(problem) })),
    },
    lfs,
    staged: { problems: [] },
    inProgress: null,
    fetch: null,
    moreChanges: 0,
  };
}

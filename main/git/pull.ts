import type { GitContext } from './core';
import { remoteRun, type RemoteOptions, type RemoteRun } from './remote-run';

/** Pulls with a merge (never a rebase of the person's commits without asking), with progress. */
export function pull(context: GitContext, repoPath: string, options: RemoteOptions = {}): Promise<RemoteRun> {
  return remoteRun(context, ['pull', '--progress', '--no-rebase', '--no-edit'], {
    ...options,
    cwd: repoPath,
  });
}

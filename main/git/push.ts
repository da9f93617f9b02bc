import { RepoPathError } from './repo-path';
import { REMOTE_NAME } from './remotes';
import { remoteRun, type RemoteOptions, type RemoteRun } from './remote-run';
import type { GitContext } from './core';

/**
 * The one push: the current branch to a remote (origin by default), with progress and Cancel.
 * A real push sets the upstream, so the next pull and the ahead/behind count know the branch;
 * a dry run (`--dry-run`) checks access without changing anything, here or on the Hub.
 */
export function push(
  context: GitContext,
  repoPath: string,
  options: RemoteOptions & { readonly remote?: string; readonly dryRun?: boolean } = {},
): Promise<RemoteRun> {
  const remote = options.remote ?? 'origin';
  if (!REMOTE_NAME.test(remote)) throw new RepoPathError('That is not a remote name.');
  const mode = options.dryRun ? ['--dry-run'] : ['--set-upstream'];
  return remoteRun(context, ['push', '--progress', ...mode, '--', remote, 'HEAD'], {
    ...options,
    cwd: repoPath,
  });
}

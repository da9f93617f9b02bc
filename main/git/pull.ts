import { readConfig } from './config';
import { git, type GitContext } from './core';
import { remoteRun, type RemoteOptions, type RemoteRun } from './remote-run';

// A pull merges or rebases as the repository (or the person's git settings) says, and merges when
// nothing says: since git 2.33 a pull of diverged branches with no choice made stops with "You
// have divergent branches and need to specify how to reconcile them" (git-pull(1) "--rebase").

/** Whether this branch pulls with a rebase: `branch.NAME.rebase`, else `pull.rebase`; unset is null. */
export async function pullRebaseSetting(context: GitContext, repoPath: string): Promise<string | null> {
  // Exit 128: HEAD is detached or on a branch with no commit.
  const head = await git(context, ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd: repoPath,
    okExitCodes: [0, 1, 128],
  });
  const branch = head.exitCode === 0 ? head.stdout.trim() : '';
  const own = branch ? await readConfig(context, `branch.${branch}.rebase`, { cwd: repoPath }) : '';
  const value = own || (await readConfig(context, 'pull.rebase', { cwd: repoPath }));
  return value === '' ? null : value;
}

/**
 * Pulls with progress: a merge unless the repository or the person's settings ask for a rebase
 * (then git's own setting is left to choose, so `merges` and `interactive` mean what they say).
 */
export async function pull(
  context: GitContext,
  repoPath: string,
  options: RemoteOptions = {},
): Promise<RemoteRun> {
  const rebase = await pullRebaseSetting(context, repoPath);
  return remoteRun(
    context,
    [
      'pull',
      '--progress',
      ...(rebase === null ? ['--no-rebase'] : []),
      '--no-edit',
      // Not an upload-pack program the repository's config names (remote.<name>.uploadpack, which a
      // local remote would run here): `-c` cannot take it back, the option can (see fetch.ts).
      '--upload-pack=git-upload-pack',
    ],
    {
      ...options,
      cwd: repoPath,
      // A rebase that stops asks no editor; one that finishes keeps each commit's message.
      env: { ...options.env, GIT_EDITOR: 'true' },
    },
  );
}

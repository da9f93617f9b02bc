import { gitOutcome, type GitContext } from './core';
import { RepoPathError } from './repo-path';
import { REMOTE_NAME } from './remotes';
import { remoteRun, type RemoteOptions, type RemoteRun } from './remote-run';

/**
 * The size on disk of the objects the push will send (those no remote-tracking branch has), so
 * the bar can give the pack its share from the start: git-lfs uploads before git writes the pack
 * (its pre-push hook), and git names the pack's bytes only as it writes them. `--disk-usage`
 * (git-rev-list(1), git 2.31+) adds up the stored sizes: compressed, as the pack will be.
 */
async function packEstimate(context: GitContext, repoPath: string): Promise<number | undefined> {
  const out = await gitOutcome(
    context,
    ['rev-list', '--objects', '--disk-usage', 'HEAD', '--not', '--remotes'],
    {
      cwd: repoPath,
      timeoutMs: 30_000,
    },
  );
  const bytes = Number(out.stdout.trim());
  return out.exitCode === 0 && Number.isFinite(bytes) ? bytes : undefined;
}

/**
 * The one push: the current branch to a remote (origin by default), with progress and Cancel.
 * A real push sets the upstream, so the next pull and the ahead/behind count know the branch;
 * a dry run (`--dry-run`) checks access without changing anything, here or on the Hub.
 */
export async function push(
  context: GitContext,
  repoPath: string,
  options: RemoteOptions & { readonly remote?: string; readonly dryRun?: boolean } = {},
): Promise<RemoteRun> {
  const remote = options.remote ?? 'origin';
  if (!REMOTE_NAME.test(remote)) throw new RepoPathError('That is not a remote name.');
  const mode = options.dryRun ? ['--dry-run'] : ['--set-upstream'];
  const packBytes = options.dryRun ? undefined : await packEstimate(context, repoPath);
  return remoteRun(context, ['push', '--progress', ...mode, '--', remote, 'HEAD'], {
    ...options,
    cwd: repoPath,
    plan: { ...(packBytes === undefined ? {} : { packBytes }), ...options.plan },
  });
}

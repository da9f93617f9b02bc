import { git, type GitContext } from './core';

// Counting and listing commits with `git rev-list`: which are not on any remote yet, and how far
// the branch is from its upstream.

/** Whether the repository has any remote-tracking branch at all (a clone has; `git init` has not). */
export async function hasRemoteBranches(context: GitContext, repoPath: string): Promise<boolean> {
  const out = await git(context, ['rev-list', '--max-count=1', '--remotes'], {
    cwd: repoPath,
    timeoutMs: 30_000,
  });
  return out.stdout.trim() !== '';
}

/**
 * The commits of `revision` that no remote-tracking branch reaches (what a push would send), at
 * most `cap` of them, newest first, and whether there were more.
 */
export async function unpushedCommits(
  context: GitContext,
  repoPath: string,
  revision: string,
  cap: number,
): Promise<{ readonly commits: ReadonlySet<string>; readonly capped: boolean }> {
  const out = await git(
    context,
    // `revision` is HEAD or an id the caller resolved, never the renderer's text.
    ['rev-list', `--max-count=${cap + 1}`, revision, '--not', '--remotes', '--'],
    { cwd: repoPath, timeoutMs: 60_000 },
  );
  const listed = out.stdout.split('\n').filter(Boolean);
  return { commits: new Set(listed.slice(0, cap)), capped: listed.length > cap };
}

/** Commits HEAD has that its upstream lacks, and the other way round; 0/0 without an upstream or a commit. */
export async function aheadBehind(
  context: GitContext,
  repoPath: string,
): Promise<{ readonly ahead: number; readonly behind: number }> {
  // Exit 128: no upstream configured, or no commit yet (git-rev-parse(1) "@{upstream}").
  const out = await git(context, ['rev-list', '--left-right', '--count', 'HEAD...@{upstream}', '--'], {
    cwd: repoPath,
    okExitCodes: [0, 128],
    timeoutMs: 60_000,
  });
  if (out.exitCode !== 0) return { ahead: 0, behind: 0 };
  const [ahead = '0', behind = '0'] = out.stdout.trim().split(/\s+/);
  return { ahead: Number(ahead) || 0, behind: Number(behind) || 0 };
}

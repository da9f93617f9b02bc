import { gitOutcome, type GitContext } from './core';

/** A Hub pull request's ref (`refs/pr/N`) as the remote lists it. */
export interface PullRequestRef {
  readonly number: number;
  readonly ref: string;
  readonly commit: string;
}

/**
 * The Hub keeps a pull request's commits on `refs/pr/N` of the repository itself (hub-docs
 * "Pull requests and Discussions", docs/hub/repositories-pull-requests-discussions.md: `git
 * fetch origin refs/pr/42:pr/42`), which a clone does not fetch: ask the remote with
 * `git ls-remote REMOTE 'refs/pr/*'`. A short timeout and an empty list on any failure (offline,
 * no access): the branch list must not wait on the network or fail because of it.
 */
export async function listPullRequestRefs(
  context: GitContext,
  repoPath: string,
  remote: string,
  timeoutMs = 8_000,
): Promise<PullRequestRef[]> {
  const out = await gitOutcome(context, ['ls-remote', '--refs', remote, 'refs/pr/*'], {
    cwd: repoPath,
    timeoutMs,
  });
  if (out.exitCode !== 0) return [];
  return out.stdout
    .split('\n')
    .flatMap((line) => {
      const match = /^([0-9a-f]{40,64})\trefs\/pr\/(\d+)$/.exec(line.trim());
      if (!match?.[1] || !match[2]) return [];
      return [{ number: Number(match[2]), ref: `refs/pr/${match[2]}`, commit: match[1] }];
    })
    .sort((a, b) => a.number - b.number);
}

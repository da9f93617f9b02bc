import { gitOutcome, type GitContext, type GitResult } from './core';

/** Why: a Hub repository's branches and the one its HEAD names, as one `ls-remote` reads them. */
export interface RemoteBranches {
  readonly branches: readonly string[];
  /** The branch HEAD points to; null for an empty repository. */
  readonly defaultBranch: string | null;
}

/** Why: reads `git ls-remote --symref` output: `ref: refs/heads/main\tHEAD`, then `OID\trefs/heads/B`. */
export function parseRemoteBranches(stdout: string): RemoteBranches {
  let defaultBranch: string | null = null;
  const branches: string[] = [];
  for (const line of stdout.split('\n')) {
    const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line.trim());
    if (symref?.[1]) defaultBranch = symref[1];
    const head = /^[0-9a-f]{40,64}\trefs\/heads\/(.+)$/.exec(line.trim());
    if (head?.[1]) branches.push(head[1]);
  }
  return { branches: branches.sort(), defaultBranch };
}

/**
 * Why: which branches a fork may carry and where a publish merges, asked of the remote itself
 * (`git ls-remote --symref REMOTE HEAD refs/heads/*`, git-ls-remote(1)). `remote` is a clone URL
 * the app built (cloneUrl) or a remote's name; the run's result is returned for the failure table.
 */
export async function remoteBranches(
  context: GitContext,
  remote: string,
  options: { readonly cwd?: string; readonly timeoutMs?: number; readonly signal?: AbortSignal } = {},
): Promise<
  { readonly ok: true; readonly value: RemoteBranches } | { readonly ok: false; readonly run: GitResult }
> {
  if (remote.startsWith('-')) throw new Error('That is not a remote.');
  const out = await gitOutcome(context, ['ls-remote', '--symref', remote, 'HEAD', 'refs/heads/*'], {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (out.exitCode !== 0) return { ok: false, run: out };
  return { ok: true, value: parseRemoteBranches(out.stdout) };
}

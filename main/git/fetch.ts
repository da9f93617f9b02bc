import { gitOutcome, type GitContext } from './core';
import { REMOTE_NAME } from './remotes';
import { noHooksPath } from './safety';

// `git fetch` of one remote: only remote-tracking refs (and FETCH_HEAD) change; the work tree,
// the index and the current branch never do (git-fetch(1)). The app fetches by itself (when a
// repository opens, on focus, every few minutes), so the run is the app's act and not the
// person's: no hook of the repository runs, and its config cannot turn the fetch into a program.

/** How one fetch ended. */
export interface FetchRun {
  readonly ok: boolean;
  readonly cancelled: boolean;
  readonly timedOut: boolean;
  /** git's output, tokens redacted. */
  readonly output: string;
}

/** A fetch either answers in a minute or counts as offline (issue 12: "silent on network failure"). */
export const FETCH_TIMEOUT_MS = 60_000;

/** Fetches `remote` (a name from the repository's own config). */
export async function fetchRemote(
  context: GitContext,
  repoPath: string,
  remote: string,
  options: { readonly signal?: AbortSignal; readonly timeoutMs?: number } = {},
): Promise<FetchRun> {
  if (!REMOTE_NAME.test(remote)) throw new Error('That is not a remote name.');
  const out = await gitOutcome(
    context,
    [
      // No reference-transaction hook of the repository (githooks(5)) and no ext:: transport
      // (git-config(1) protocol.allow).
      '-c',
      `core.hooksPath=${noHooksPath()}`,
      '-c',
      'protocol.ext.allow=never',
      'fetch',
      // Not the upload-pack program the repository's config may name (remote.<name>.uploadpack,
      // which a local remote runs here): `-c` cannot take that one back (git keeps the first it
      // reads, "more than one uploadpack given, using the first"; measured), the option can.
      '--upload-pack=git-upload-pack',
      '--quiet',
      '--no-tags',
      '--recurse-submodules=no',
      '--no-auto-gc',
      '--end-of-options',
      remote,
    ],
    {
      cwd: repoPath,
      timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return {
    ok: out.exitCode === 0 && !out.cancelled && !out.timedOut && !out.notFound,
    cancelled: out.cancelled,
    timedOut: out.timedOut,
    output: out.output,
  };
}

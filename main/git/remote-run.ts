import { gitOutcome, REMOTE_TIMEOUT_MS, type GitContext } from './core';
import { watchLfsProgress } from './lfs-progress';
import { ProgressTracker, type ProgressEvent } from './progress';

// Every git command that talks to the Hub (clone, fetch, pull, push, LFS transfers) runs here:
// git's and git-lfs's progress merged into one rising bar, and Cancel stopping the whole tree.

export interface RemoteOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Extra variables for this run (GIT_LFS_SKIP_SMUDGE for a fork's first clone). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where git runs; absent for a clone, which names its destination in the arguments. */
  readonly cwd?: string;
}

export interface RemoteRun {
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly cancelled: boolean;
  readonly timedOut: boolean;
  /** What git printed, tokens redacted; the failure table (git/failures) reads it. */
  readonly output: string;
}

/** Runs one git command against the Hub with progress and Cancel; a refusal is an answer, not a throw. */
export async function remoteRun(
  context: GitContext,
  args: readonly string[],
  options: RemoteOptions = {},
): Promise<RemoteRun> {
  const tracker = new ProgressTracker((event) => options.onProgress?.(event));
  const lfs = await watchLfsProgress((line) => tracker.lfsLine(line));
  try {
    const out = await gitOutcome(context, args, {
      env: { GIT_LFS_PROGRESS: lfs.file, ...options.env },
      timeoutMs: REMOTE_TIMEOUT_MS,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.signal ? { signal: options.signal } : {}),
      onOutput: (stream, text) => {
        if (stream === 'stderr') tracker.gitOutput(text);
      },
    });
    await lfs.stop();
    const ok = out.exitCode === 0 && !out.cancelled && !out.timedOut;
    if (ok) tracker.done('Done.');
    return {
      ok,
      exitCode: out.exitCode,
      cancelled: out.cancelled,
      timedOut: out.timedOut,
      output: out.output,
    };
  } finally {
    await lfs.stop().catch(() => undefined);
  }
}

import { gitOutcome, REMOTE_TIMEOUT_MS, type GitContext } from './core';
import { watchLfsProgress } from './lfs-progress';
import { lfsDownloadSize } from './lfs-size';
import { ProgressTracker, type ProgressEvent, type ProgressPlan } from './progress';
import { stallLine } from './stall';

// Every git command that talks to the Hub (clone, fetch, pull, push, LFS transfers) runs here:
// git's and git-lfs's progress read into one bar in bytes (progress.ts), Cancel stopping the
// whole tree, and a watch for silence: no output from git and no progress from git-lfs for the
// warning time marks the bar as stalled (the screen offers Retry and Cancel), and for the hard
// limit ends the run as `stalled` (issue 16, item 4).

/** How long a run may send nothing before the bar says so, and before the app stops it. */
export interface StallLimits {
  readonly warnAfterMs: number;
  readonly stopAfterMs: number;
}

/** 30 s before the warning (issue 16); 10 minutes before the run is stopped. */
export const DEFAULT_STALL: StallLimits = { warnAfterMs: 30_000, stopAfterMs: 600_000 };

/** How the caller wants one run watched: Cancel, progress, and what it knows beforehand. */
export interface RemoteOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Extra variables for this run (GIT_LFS_SKIP_SMUDGE for a fork's first clone). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where git runs; absent for a clone, which names its destination in the arguments. */
  readonly cwd?: string;
  /** What is known before the run (a push's pack size); the rest is read from the arguments. */
  readonly plan?: ProgressPlan;
  /** Overrides the stall limits (tests); otherwise HFGD_STALL_WARN_SECONDS / HFGD_STALL_LIMIT_SECONDS or DEFAULT_STALL. */
  readonly stall?: Partial<StallLimits>;
}

/** How a run against the Hub ended, for the failure table and the screen. */
export interface RemoteRun {
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly cancelled: boolean;
  readonly timedOut: boolean;
  /** The app stopped it: nothing came from the Hub for the hard limit (RemoteOptions.stall). */
  readonly stalled: boolean;
  /** What git printed, tokens redacted; the failure table (git/failures) reads it. */
  readonly output: string;
}

/** Seconds from the app's environment (a setting read at launch, like the others), or the default. */
function seconds(value: string | undefined, fallbackMs: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed * 1000 : fallbackMs;
}

/** The stall limits for one run: the caller's, else the app's settings, else DEFAULT_STALL. */
export function stallLimits(env: NodeJS.ProcessEnv, override: Partial<StallLimits> = {}): StallLimits {
  const warnAfterMs = override.warnAfterMs ?? seconds(env.HFGD_STALL_WARN_SECONDS, DEFAULT_STALL.warnAfterMs);
  const stopAfterMs =
    override.stopAfterMs ?? seconds(env.HFGD_STALL_LIMIT_SECONDS, DEFAULT_STALL.stopAfterMs);
  return { warnAfterMs, stopAfterMs: Math.max(stopAfterMs, warnAfterMs) };
}

/** Where a checkout's large files can be measured, and from which commit. */
interface Measure {
  readonly cwd: string;
  readonly revision: string;
  /** At the start (`git lfs pull`), or when the checkout or the first large file starts (a checkout). */
  readonly when: 'start' | 'first-lfs';
}

/**
 * What the arguments say about a run's progress: whether a checkout with large files follows the
 * pack (and where their size can be read), or an upload of them comes before it (a push). Callers outside main/git pass plain git arguments
 * (clone.ts, fork.ts, lfs.ts), so the verb is read here rather than asked of each of them.
 */
export function planFor(
  args: readonly string[],
  cwd: string | undefined,
  env: NodeJS.ProcessEnv,
): { readonly plan: ProgressPlan; readonly measure?: Measure } {
  const skipSmudge = env.GIT_LFS_SKIP_SMUDGE === '1';
  const [verb, sub] = args;
  if (verb === 'clone') {
    const checkout = !skipSmudge && !args.includes('--no-checkout');
    const destination = args.at(-1);
    return {
      plan: { lfsAfterPack: checkout },
      ...(checkout && destination
        ? { measure: { cwd: destination, revision: 'HEAD', when: 'first-lfs' } }
        : {}),
    };
  }
  if (cwd === undefined) return { plan: {} };
  if (verb === 'pull')
    return skipSmudge
      ? { plan: {} }
      : { plan: { lfsAfterPack: true }, measure: { cwd, revision: 'FETCH_HEAD', when: 'first-lfs' } };
  if (verb === 'checkout') {
    const target = args.slice(1).find((arg) => !arg.startsWith('-'));
    return target && !skipSmudge
      ? { plan: {}, measure: { cwd, revision: target, when: 'first-lfs' } }
      : { plan: {} };
  }
  if (verb === 'lfs' && sub === 'pull')
    return { plan: {}, measure: { cwd, revision: 'HEAD', when: 'start' } };
  if (verb === 'push') return { plan: { lfsBeforePack: true } };
  return { plan: {} };
}

/** Runs one git command against the Hub with progress, Cancel and the stall watch; a refusal is an answer, not a throw. */
export async function remoteRun(
  context: GitContext,
  args: readonly string[],
  options: RemoteOptions = {},
): Promise<RemoteRun> {
  const startedAt = Date.now();
  const inferred = planFor(args, options.cwd, options.env ?? {});
  const tracker = new ProgressTracker((event) => options.onProgress?.(event), {
    ...inferred.plan,
    ...options.plan,
  });
  const limits = stallLimits(context.env, options.stall);
  let lastHeard = Date.now();
  let warned = false;
  let stalledOut = false;
  let quietWhenStopped = 0;
  const heard = (): void => {
    lastHeard = Date.now();
    if (warned) {
      warned = false;
      tracker.stall(undefined);
    }
  };

  let measuring = false;
  const measure = (): void => {
    const where = inferred.measure;
    if (!where || measuring) return;
    measuring = true;
    tracker.lfsMeasuring();
    void lfsDownloadSize(context, where.cwd, where.revision, startedAt)
      .then((size) => tracker.lfsMeasured(size?.bytes))
      // Unmeasured, the bar goes on from what git-lfs reports file by file.
      .catch(() => tracker.lfsMeasured(undefined));
  };
  if (inferred.measure?.when === 'start') measure();

  const lfs = await watchLfsProgress((line) => {
    heard();
    measure();
    tracker.lfsLine(line);
  });
  const stop = new AbortController();
  const cancel = (): void => stop.abort();
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener('abort', cancel, { once: true });
  const watch = setInterval(
    () => {
      const quiet = Date.now() - lastHeard;
      if (quiet >= limits.stopAfterMs) {
        stalledOut = true;
        quietWhenStopped = quiet;
        stop.abort();
      } else if (quiet >= limits.warnAfterMs) {
        warned = true;
        tracker.stall(Math.round(quiet / 100) / 10);
      }
    },
    Math.min(1000, Math.max(25, limits.warnAfterMs / 5)),
  );
  try {
    const out = await gitOutcome(context, args, {
      env: { GIT_LFS_PROGRESS: lfs.file, ...options.env },
      timeoutMs: REMOTE_TIMEOUT_MS,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      signal: stop.signal,
      onOutput: (stream, text) => {
        heard();
        // The checkout has begun: the commit is here, so its large files can be measured before
        // git-lfs's first line (which, with the download put off, comes after git's count is done).
        if (stream === 'stderr' && inferred.measure?.when === 'first-lfs' && text.includes('Updating files'))
          measure();
        if (stream === 'stderr') tracker.gitOutput(text);
      },
    });
    clearInterval(watch);
    await lfs.stop();
    const cancelled = out.cancelled && !stalledOut;
    const ok = out.exitCode === 0 && !out.cancelled && !out.timedOut;
    if (ok) tracker.done('Done.');
    return {
      ok,
      exitCode: out.exitCode,
      cancelled,
      timedOut: out.timedOut,
      stalled: stalledOut,
      output: stalledOut ? `${out.output}\n${stallLine(quietWhenStopped / 1000)}`.trim() : out.output,
    };
  } finally {
    clearInterval(watch);
    options.signal?.removeEventListener('abort', cancel);
    await lfs.stop().catch(() => undefined);
  }
}

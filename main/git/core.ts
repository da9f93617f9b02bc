import { redactSecrets } from '../core/redact';
import { run, type RunOptions } from '../core/run';
import { gitEnvironment, type GitContext } from './environment';
import { protectiveArgs, readScopedConfig, type ConfigEntry } from './safety';

// The one place main runs git (after GitHub Desktop's lib/git/core.ts): an argument array, the
// deliberate no-prompt environment of environment.ts, a timeout, the process tree stopped on
// cancel, and an exit code that is either named as fine by the caller or thrown as a GitError.

export type { GitContext } from './environment';

export interface GitOptions {
  /** The repository (or any folder) git runs in, as `git -C`; absent for global commands. */
  readonly cwd?: string;
  /** Written to stdin, then closed: commit messages, credential descriptions, oids. */
  readonly input?: string;
  readonly signal?: AbortSignal;
  /** Each chunk of stdout/stderr as it arrives (git's progress lines). */
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Default 2 minutes; a clone, fetch, pull or push passes its own (REMOTE_TIMEOUT_MS). */
  readonly timeoutMs?: number;
  /** Exit codes the caller expects and reads itself (default [0]); any other one is thrown. */
  readonly okExitCodes?: readonly number[];
  /** Variables added to the child's environment for this run (GIT_LFS_PROGRESS and the like). */
  readonly env?: NodeJS.ProcessEnv;
  readonly stdoutEncoding?: RunOptions['stdoutEncoding'];
  readonly maxOutputBytes?: number;
  /**
   * The repository's config as sharedConfig read it once for several runs: used by the safety
   * options only when it was read for this same context and `cwd` (and no `env` is added), so it
   * is exactly the read they would make themselves.
   */
  readonly sharedConfig?: SharedConfig;
}

/** One `git config --list --show-scope` of a repository, read once for several runs (sharedConfig). */
export interface SharedConfig {
  readonly context: GitContext;
  readonly cwd: string;
  /** Every entry with its scope, or null outside a repository. */
  readonly entries: Promise<readonly ConfigEntry[] | null>;
}

/** Reads a repository's config once, in the environment its reads run with (see GitOptions.sharedConfig). */
export function sharedConfig(context: GitContext, cwd: string): SharedConfig {
  return { context, cwd, entries: readScopedConfig(cwd, gitEnvironment(context)) };
}

/** How one git run ended. `output` is stdout and stderr together, tokens redacted, for Details. */
export interface GitResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
  readonly cancelled: boolean;
  readonly timedOut: boolean;
  /** git itself is not installed (or not executable). */
  readonly notFound: boolean;
}

/** Long enough for a multi-GB LFS transfer; a stalled one is the person's Cancel. */
export const REMOTE_TIMEOUT_MS = 6 * 60 * 60 * 1000;
const LOCAL_TIMEOUT_MS = 120_000;

/** git ended with an exit code its caller did not expect (or was cancelled, timed out, missing). */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(
      result.notFound
        ? 'Git is not installed on this computer.'
        : result.cancelled
          ? 'Git was stopped.'
          : result.timedOut
            ? `git ${args[0] ?? ''} did not finish in time.`
            : firstLines(result.stderr || result.stdout) || `git ${args[0] ?? ''} failed.`,
    );
  }
}

function firstLines(text: string): string {
  return redactSecrets(text.trim().split('\n').slice(0, 6).join('\n'));
}

let running = 0;

/** How many git processes the app has going now: a lock file is stale only when none is. */
export function gitRunsGoing(): number {
  return running;
}

/**
 * Runs `git [-C cwd] ARGS` and returns how it ended when the exit code is one the caller named
 * (okExitCodes, default [0]); throws GitError otherwise, so no exit code is silently ignored.
 */
export async function git(
  context: GitContext,
  args: readonly string[],
  options: GitOptions = {},
): Promise<GitResult> {
  const env = gitEnvironment(context, options.env);
  running += 1;
  let outcome;
  try {
    // Every run: no fsmonitor program; reads: no hook, filter or diff program of the repository.
    const shared = options.sharedConfig;
    const same = shared?.context === context && shared.cwd === options.cwd && options.env === undefined;
    const safe = await protectiveArgs(args, options.cwd, { env }, same ? shared.entries : undefined);
    const located = options.cwd === undefined ? [] : ['-C', options.cwd];
    outcome = await run('git', [...located, ...safe.before, ...safe.args], {
      env,
      timeoutMs: options.timeoutMs ?? LOCAL_TIMEOUT_MS,
      killTree: true,
      maxOutputBytes: options.maxOutputBytes ?? 256 * 1024 * 1024,
      ...(options.stdoutEncoding ? { stdoutEncoding: options.stdoutEncoding } : {}),
      ...(options.input === undefined ? {} : { input: options.input }),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    });
  } finally {
    running -= 1;
  }
  const result: GitResult = {
    exitCode: outcome.exitCode,
    stdout: outcome.stdout,
    stderr: outcome.stderr,
    output: redactSecrets(
      `${options.stdoutEncoding === 'latin1' ? '' : outcome.stdout}${outcome.stderr}`.trim(),
    ),
    cancelled: outcome.cancelled,
    timedOut: outcome.timedOut,
    notFound: outcome.notFound,
  };
  const ok = options.okExitCodes ?? [0];
  if (outcome.notFound || outcome.cancelled || outcome.timedOut || !ok.includes(outcome.exitCode ?? -1))
    throw new GitError(args, result);
  return result;
}

/**
 * Runs git where every ending is an answer the caller reads (a push the Hub refuses, a credential
 * no helper holds, git not installed): the result, never a throw for how git ended.
 */
export async function gitOutcome(
  context: GitContext,
  args: readonly string[],
  options: GitOptions = {},
): Promise<GitResult> {
  try {
    return await git(context, args, options);
  } catch (error) {
    if (error instanceof GitError) return error.result;
    throw error;
  }
}

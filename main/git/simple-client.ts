import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { GitPluginError, simpleGit, type SimpleGit } from 'simple-git';
import { childEnv, spawnCounter } from '../core/run';
import type { GitContext } from './environment';

/**
 * The one other way main starts git: simple-git, where it is the better tool (the machine
 * check's `git --version` and global config listing). It gets the same context as git() and
 * builds the child's environment from it on purpose (simple-git 4 rejects or strips GIT_* and
 * the ssh variables from an inherited one, see TOOLCHAIN.md, so it gets no GIT_SSH_COMMAND: these
 * commands never talk to a remote). The timeout and cancellation are the caller's, and every
 * process it spawns is added to `spawnCounter`, so the budget counts its children honestly.
 */
export function simpleGitClient(
  context: GitContext,
  limits: { readonly timeoutMs: number; readonly signal?: AbortSignal | undefined },
): SimpleGit {
  const git = simpleGit({
    // simple-git refuses a base folder that does not exist; git --version and --global need none.
    baseDir: isFolder(context.home) ? context.home : tmpdir(),
    timeout: { block: limits.timeoutMs },
    ...(limits.signal === undefined ? {} : { abort: limits.signal }),
  }).env(childEnv(context.home, context.env));
  // simple-git calls the output handler once for each child, right after spawning it.
  git.outputHandler(() => {
    spawnCounter.count += 1;
  });
  return git;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why a simple-git task failed, in the terms a probe decides on. */
export type GitFailure =
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly message: string };

/** Sorts a simple-git rejection: its timeout and abort plugins throw GitPluginError. */
export function gitFailure(error: unknown): GitFailure {
  if (error instanceof GitPluginError && error.plugin === 'timeout') return { kind: 'timeout' };
  if (error instanceof GitPluginError && error.plugin === 'abort') return { kind: 'cancelled' };
  const message = error instanceof Error ? error.message : String(error);
  if (/\bENOENT\b/.test(message)) return { kind: 'not-found' };
  return { kind: 'failed', message: message.trim() };
}

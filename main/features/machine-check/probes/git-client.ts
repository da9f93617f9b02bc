import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { GitPluginError, simpleGit, type SimpleGit } from 'simple-git';
import { spawnCounter } from '../../../core/run';
import type { ProbeContext } from '../probe';

/**
 * A simple-git client for one probe: the deliberate child environment (simple-git 4 rejects or
 * strips GIT_* and friends from an inherited one, see TOOLCHAIN.md), the probe's timeout and
 * cancellation, and every process it spawns added to `spawnCounter`, so the budget counts
 * simple-git's children as honestly as run()'s.
 */
export function gitClient(context: ProbeContext): SimpleGit {
  const git = simpleGit({
    // simple-git refuses a base folder that does not exist; git --version and --global need none.
    baseDir: isFolder(context.home) ? context.home : tmpdir(),
    timeout: { block: context.timeoutMs },
    ...(context.signal === undefined ? {} : { abort: context.signal }),
  }).env(context.childEnv);
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

import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { gitOutcome, type GitContext } from './core';

/** A folder that cannot be used as a repository, said so the user can pick another. */
export class RepoPathError extends Error {}

/** Where a repository lives: its top folder and its git dir (`.git`, or a worktree's own). */
export interface RepoPlaces {
  readonly top: string;
  readonly gitDir: string;
}

/**
 * Checks a folder the renderer named: absolute, a folder, and inside a git work tree; returns its
 * top and its git dir, both from one `git rev-parse` (it prints them in the order asked).
 */
export async function checkRepoPlaces(context: GitContext, path: string): Promise<RepoPlaces> {
  if (!isAbsolute(path) || path.includes('\u0000'))
    throw new RepoPathError('Give the full path of the folder, for example /home/you/my-model.');
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new RepoPathError(`There is no folder at ${path}.`);
  if (!info.isDirectory()) throw new RepoPathError(`${path} is a file, not a folder.`);
  // Exit 128 is git's "not a git repository": an answer here, not an error.
  const out = await gitOutcome(context, ['rev-parse', '--show-toplevel', '--absolute-git-dir'], {
    cwd: path,
    timeoutMs: 10_000,
  });
  const [top = '', gitDir = ''] = out.stdout.split('\n');
  if (out.exitCode !== 0 || !top || !gitDir)
    throw new RepoPathError(`${path} is not a Git repository. Pick the folder you cloned from the Hub.`);
  return { top, gitDir };
}

/** Checks a folder the renderer named (see checkRepoPlaces); returns its top. */
export async function checkRepoPath(context: GitContext, path: string): Promise<string> {
  return (await checkRepoPlaces(context, path)).top;
}

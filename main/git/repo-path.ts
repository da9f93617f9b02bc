import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { gitOutcome, type GitContext } from './core';

/** A folder that cannot be used as a repository, said so the user can pick another. */
export class RepoPathError extends Error {}

/** Checks a folder the renderer named: absolute, a folder, and inside a git work tree; returns its top. */
export async function checkRepoPath(context: GitContext, path: string): Promise<string> {
  if (!isAbsolute(path) || path.includes('\u0000'))
    throw new RepoPathError('Give the full path of the folder, for example /home/you/my-model.');
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new RepoPathError(`There is no folder at ${path}.`);
  if (!info.isDirectory()) throw new RepoPathError(`${path} is a file, not a folder.`);
  // Exit 128 is git's "not a git repository": an answer here, not an error.
  const top = await gitOutcome(context, ['rev-parse', '--show-toplevel'], { cwd: path, timeoutMs: 10_000 });
  if (top.exitCode !== 0)
    throw new RepoPathError(`${path} is not a Git repository. Pick the folder you cloned from the Hub.`);
  return top.stdout.trim();
}

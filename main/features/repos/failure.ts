import type { Result } from '../../../preload/contract';
import { GitError } from '../../git/core';
import { RepoPathError } from '../../git/repo-path';
import { fail } from '../../ipc/result';
import { CloneError } from './clone';
import { ForkError } from './fork';

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A repository operation's thrown error as the result the renderer shows. */
export function repoFailure<T>(error: unknown): Result<T> {
  if (error instanceof RepoPathError)
    return fail('repo_unusable', error.message, 'Pick the folder of a repository you cloned from the Hub.');
  if (error instanceof CloneError) {
    if (error.kind === 'destination')
      return fail('destination_unusable', error.message, 'Choose an empty or new folder.');
    if (error.kind === 'cancelled')
      return fail('cancelled', error.message, 'Start it again when you are ready.');
    return fail(
      'git_failed',
      error.message,
      'Open Details for Git’s own words; check your access in the setup.',
      error.details,
    );
  }
  if (error instanceof ForkError) return fail('git_failed', error.message, error.fix, error.details);
  if (error instanceof GitError)
    return fail(
      'git_failed',
      'Git stopped with an error.',
      'Open Details for Git’s own words.',
      error.result.output || error.message,
    );
  return fail('git_failed', 'Git stopped with an error.', 'Open Details for Git’s own words.', text(error));
}

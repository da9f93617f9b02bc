import type { Outcome, Result } from '../../../preload/contract';
import { GitError } from '../../git/core';
import { RepoPathError } from '../../git/repo-path';
import { fail } from '../../ipc/result';
import { CloneError } from './clone';
import { ForkError } from './fork';

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A repository operation's thrown error as the result the renderer shows. When git failed and
 * the failure table explained its words (`outcome`), its message and fix are the answer.
 */
export function repoFailure<T>(error: unknown, outcome?: Outcome): Result<T> {
  if (outcome && outcome.kind !== 'unknown' && (error instanceof CloneError || error instanceof ForkError)) {
    const details = error instanceof CloneError ? error.details : error.details;
    return {
      ok: false,
      error: { code: 'git_failed', message: outcome.message, hint: outcome.fix, details, outcome },
    };
  }
  if (error instanceof RepoPathError)
    return fail('repo_unusable', error.message, 'Pick the folder of a repository you cloned from the Hub.');
  if (error instanceof CloneError) {
    if (error.kind === 'destination')
      return fail('destination_unusable', error.message, 'Choose an empty or new folder.');
    if (error.kind === 'cancelled')
      return fail('cancelled', error.message, 'Start it again when you are ready.');
    if (error.kind === 'revision')
      return fail(
        'invalid_input',
        error.message,
        'Type a branch, tag or commit as the Hub shows it, or leave the field empty.',
      );
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

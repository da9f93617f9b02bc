import type { Result } from '../../../../preload/contract';
import { fail } from '../../../ipc/result';

// What the history services refuse, in words: a file or commit that is not there, or a name that
// is not one. The handlers turn it into the AppError the screen shows.

/** A request the history services cannot answer: the code, the sentence, and what to do. */
export class HistoryError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_input',
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The result a HistoryError stands for. */
export function historyFailure<T>(error: HistoryError): Result<T> {
  return fail(error.code, error.message, error.hint);
}

/**
 * Checks a file name the renderer sent: a path inside the work tree as git lists it (forward
 * slashes, relative), never an option, never a way out of the folder or into `.git`.
 */
export function checkFileName(name: string): string {
  // "folder/": a folder of new files as git status folds it.
  const file = name.endsWith('/') ? name.slice(0, -1) : name;
  // Split on both separators: Windows reads a backslash as one, so "a\\..\\..\\x" must not pass
  // there (git itself never lists a backslash on Windows, where names cannot hold one).
  const segments = file.split(/[/\\]/);
  const bad =
    file === '' ||
    file.startsWith('-') ||
    file.startsWith('/') ||
    /^[A-Za-z]:/.test(file) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(file) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..') ||
    segments[0]?.toLowerCase() === '.git';
  if (bad)
    throw new HistoryError(
      'invalid_input',
      `“${name.slice(0, 200)}” is not the name of a file in this repository.`,
      'Pick the file from the list of changes or from a commit.',
    );
  return file;
}

/** Checks a commit the renderer sent: an object id or a ref name, never an option. */
export function checkCommitName(commit: string): string {
  if (commit.startsWith('-') || !/^[A-Za-z0-9][A-Za-z0-9._/@{}^~-]{0,254}$/.test(commit))
    throw new HistoryError(
      'invalid_input',
      `“${commit.slice(0, 80)}” is not the name of a commit.`,
      'Pick the commit from the history list.',
    );
  return commit;
}

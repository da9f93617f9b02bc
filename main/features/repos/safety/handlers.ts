import type { Result } from '../../../../preload/contract';
import { z } from 'zod';
import { gitContextOf } from '../../../git/environment';
import { checkRepoPath } from '../../../git/repo-path';
import type { HandlerContext, HandlerTable } from '../../../ipc/dispatch';
import { fail, ok } from '../../../ipc/result';
import { ONE_LINE, PATH } from '../../../ipc/schemas';
import { repoFailure } from '../failure';
import { repoStateOf } from '../state';
import { SafetyError } from './errors';
import { abortOperation } from './operation';
import { resolveConflict } from './resolve';
import { switchSafely } from './switch';

// Conflicts, and the operations that set changes aside and put them back: schema, call, map.
// Paths are checked by the services (a git work tree; a file that is one of the conflicted ones;
// a branch name git accepts and that exists).

/**
 * A repository-relative file name as git lists it: no leading slash, no NUL. A leading "-" is a
 * real name git allows; it always follows `--`, so it is never read as an option.
 */
const FILE = z
  .string()
  .min(1, 'must not be empty')
  .max(4096)
  .refine((value) => !value.includes('\u0000') && !value.startsWith('/'), 'must be a file of the repository');
const BRANCH = ONE_LINE(255);

/** A safety operation's refusal or git's failure as the result the renderer shows. */
export function safetyFailure<T>(error: unknown): Result<T> {
  if (error instanceof SafetyError) return fail(error.code, error.message, error.hint);
  return repoFailure(error);
}

export function safetyHandlers(): HandlerTable<'resolveConflict' | 'abortOperation' | 'switchBranch'> {
  const state = (path: string, context: HandlerContext) => repoStateOf(context, path);
  return {
    resolveConflict: {
      schema: z.object({ path: PATH, file: FILE, choice: z.enum(['mine', 'theirs', 'fixed']) }),
      handle: async ({ path, file, choice }, context) => {
        try {
          const git = gitContextOf(context);
          const repo = await checkRepoPath(git, path);
          await resolveConflict(git, repo, file, choice);
          return ok(await state(repo, context));
        } catch (error) {
          return safetyFailure(error);
        }
      },
    },
    abortOperation: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        try {
          const git = gitContextOf(context);
          const repo = await checkRepoPath(git, path);
          await abortOperation(git, repo);
          return ok(await state(repo, context));
        } catch (error) {
          return safetyFailure(error);
        }
      },
    },
    switchBranch: {
      schema: z.object({ path: PATH, branch: BRANCH, changes: z.enum(['carry', 'leave']) }),
      handle: async ({ path, branch, changes }, context) => {
        try {
          const git = gitContextOf(context);
          const repo = await checkRepoPath(git, path);
          const notes = await switchSafely(git, repo, branch, changes);
          return ok({ state: await state(repo, context), notes });
        } catch (error) {
          return safetyFailure(error);
        }
      },
    },
  };
}

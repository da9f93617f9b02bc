import type { Result } from '../../../../preload/contract';
import { z } from 'zod';
import type { HandlerContext, HandlerTable } from '../../../ipc/dispatch';
import { fail, ok } from '../../../ipc/result';
import { ONE_LINE, PATH } from '../../../ipc/schemas';
import { gitContextOf } from '../../../git/environment';
import { checkRepoPath } from '../../../git/repo-path';
import { localFailure } from '../outcome';
import { readRepoState } from '../state';
import { recoveryList, restoreBackup } from './backups';
import { branchList, createBranch } from './branches';
import { discardedView, discardFiles, restoreSet } from './discard';
import { SET_ID } from './discarded-store';
import { RecoveryError } from './errors';
import { revertOne, undoCommit } from './history-ops';
import { pathToOpen } from './open-path';
import { putStashBack } from './stashes';

// Branches, discard and restore, undo and revert, stashes and backups, opening files: schema,
// call, map. Every refusal is a RecoveryError with its own code, words and next step; a git
// failure goes through the failure table as the other repository operations' do.

const FILE = ONE_LINE(4096);
const COMMIT = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'must be a full commit id');

/** A thrown error as the result the renderer shows. */
function failure<T>(error: unknown, context: HandlerContext, repo?: string): Promise<Result<T>> {
  if (error instanceof RecoveryError) return Promise.resolve(fail(error.code, error.message, error.hint));
  return localFailure<T>(error, context.settings, gitContextOf(context), repo === undefined ? {} : { repo });
}

/** Checks the folder, runs WORK on its top, and answers; any throw becomes a worded failure. */
async function inRepo<T>(
  path: string,
  context: HandlerContext,
  work: (top: string) => Promise<T>,
): Promise<Result<T>> {
  try {
    const top = await checkRepoPath(gitContextOf(context), path);
    return ok(await work(top));
  } catch (error) {
    return failure<T>(error, context, path);
  }
}

const state = (top: string, context: HandlerContext) =>
  readRepoState(context.settings, gitContextOf(context), top);

export function recoveryHandlers(): HandlerTable<
  | 'createBranch'
  | 'listBranches'
  | 'discardChanges'
  | 'restoreDiscarded'
  | 'recoveryList'
  | 'applyStash'
  | 'restoreBackup'
  | 'undoCommit'
  | 'revertCommit'
  | 'openPath'
> {
  return {
    createBranch: {
      schema: z.object({ path: PATH, name: ONE_LINE(255), switchTo: z.boolean() }),
      handle: ({ path, name, switchTo }, context) =>
        inRepo(path, context, async (top) => {
          await createBranch(gitContextOf(context), top, name, switchTo);
          return state(top, context);
        }),
    },

    listBranches: {
      schema: z.object({ path: PATH }),
      handle: ({ path }, context) =>
        inRepo(path, context, (top) => branchList(context.settings, gitContextOf(context), top)),
    },

    discardChanges: {
      schema: z.object({ path: PATH, files: z.array(FILE).min(1).max(10_000) }),
      handle: ({ path, files }, context) =>
        inRepo(path, context, async (top) => {
          const set = await discardFiles(
            gitContextOf(context),
            context.settings.dataDir,
            top,
            files,
            context.trashItem,
          );
          return { state: await state(top, context), discarded: discardedView(set) };
        }),
    },

    restoreDiscarded: {
      schema: z.object({ path: PATH, id: z.string().regex(SET_ID, 'must be the id of discarded files') }),
      handle: ({ path, id }, context) =>
        inRepo(path, context, async (top) => {
          await restoreSet(gitContextOf(context), context.settings.dataDir, top, id);
          return state(top, context);
        }),
    },

    recoveryList: {
      schema: z.object({ path: PATH }),
      handle: ({ path }, context) =>
        inRepo(path, context, (top) => recoveryList(gitContextOf(context), context.settings.dataDir, top)),
    },

    applyStash: {
      schema: z.object({ path: PATH, commit: COMMIT }),
      handle: ({ path, commit }, context) =>
        inRepo(path, context, async (top) => {
          await putStashBack(gitContextOf(context), top, commit);
          return state(top, context);
        }),
    },

    restoreBackup: {
      schema: z.object({ path: PATH, branch: ONE_LINE(255) }),
      handle: ({ path, branch }, context) =>
        inRepo(path, context, async (top) => {
          await restoreBackup(gitContextOf(context), top, branch);
          return state(top, context);
        }),
    },

    undoCommit: {
      schema: z.object({ path: PATH }),
      handle: ({ path }, context) =>
        inRepo(path, context, async (top) => {
          await undoCommit(gitContextOf(context), top);
          return state(top, context);
        }),
    },

    revertCommit: {
      schema: z.object({ path: PATH, commit: COMMIT }),
      handle: ({ path, commit }, context) =>
        inRepo(path, context, async (top) => {
          await revertOne(gitContextOf(context), top, commit);
          return state(top, context);
        }),
    },

    openPath: {
      schema: z.object({ path: PATH, file: FILE.nullable(), how: z.enum(['editor', 'folder']) }),
      handle: ({ path, file, how }, context) =>
        inRepo(path, context, async (top) => {
          const full = await pathToOpen(top, file, how);
          // Browser mode has no shell: the screen shows the path to copy.
          if (how === 'editor' && context.openPath) {
            // Electron's shell.openPath answers an error string (no app for this kind of file).
            await context.openPath(full).catch((error: unknown) => {
              throw new RecoveryError(
                'not_allowed',
                `Your computer could not open ${file ?? 'the folder'}: ${error instanceof Error ? error.message : String(error)}`,
                'Use "Show in folder" and open it from your file manager.',
              );
            });
            return { opened: true, path: full };
          }
          if (how === 'folder' && context.showItemInFolder) {
            context.showItemInFolder(full);
            return { opened: true, path: full };
          }
          return { opened: false, path: full };
        }),
    },
  };
}

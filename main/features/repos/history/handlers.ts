import type { Result } from '../../../../preload/contract';
import { z } from 'zod';
import type { HandlerContext, HandlerTable } from '../../../ipc/dispatch';
import { fail, ok } from '../../../ipc/result';
import { PATH } from '../../../ipc/schemas';
import { GitError } from '../../../git/core';
import { gitContextOf } from '../../../git/environment';
import { ignoredFolders } from '../../../git/ignored-folders';
import { checkRepoPath, RepoPathError } from '../../../git/repo-path';
import { repoFailure } from '../failure';
import { APP_STARTED_AT, localFailure } from '../outcome';
import { hubAddresses } from '../state';
import { commitFiles, commitHistory, HISTORY_PAGE_MAX } from './commits';
import { fileDiff } from './diff-view';
import { HistoryError, historyFailure } from './errors';
import { FetchTracker } from './fetch-tracker';
import { RepoWatcher, type WatchOptions } from './watcher';

// Diffs, history, fetch and the work-tree watcher (issue 12, items 3-5): schema, call, map.
// Files and commits are checked as names in the services (errors.ts); the repository as a
// folder inside a git work tree (checkRepoPath).

/** A commit as the renderer names it: an id or a ref; errors.ts says why a bad one is refused. */
const COMMIT = z.string().min(1, 'must not be empty').max(255);
/** A file as git lists it; errors.ts refuses what is not a path inside the work tree. */
const FILE = z.string().min(1, 'must not be empty').max(4096);
const SOURCE = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('change'), staged: z.boolean() }),
  z.object({ kind: z.literal('commit'), commit: COMMIT }),
]);

/** What the history handlers share with the rest of the app, and what tests set. */
export interface HistoryOptions {
  /** The fetch memory; the repository state reads `fetches.last(top)` into RepoState.fetch. */
  readonly fetches?: FetchTracker;
  readonly watch?: WatchOptions;
  readonly startedAt?: number;
}

/** The history handlers: one fetch memory and one watched repository per instance. */
export function historyHandlers(
  options: HistoryOptions = {},
): HandlerTable<
  'commitHistory' | 'commitFiles' | 'fileDiff' | 'fetchRepo' | 'cancelFetch' | 'watchRepo' | 'unwatchRepo'
> {
  const fetches = options.fetches ?? new FetchTracker();
  const startedAt = options.startedAt ?? APP_STARTED_AT;
  let watching: { readonly asked: string; readonly top: string; readonly watcher: RepoWatcher } | undefined;

  const top = (path: string, context: HandlerContext) => checkRepoPath(gitContextOf(context), path);

  /** A thrown error as the screen's answer: a refused name, an unusable folder, or git's failure explained. */
  const failure = <T>(
    error: unknown,
    context: HandlerContext,
    repo: string,
  ): Promise<Result<T>> | Result<T> => {
    if (error instanceof HistoryError) return historyFailure(error);
    if (error instanceof RepoPathError || error instanceof GitError)
      return localFailure<T>(error, context.settings, gitContextOf(context), { repo }, startedAt);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      return fail(
        'repo_unusable',
        'The app may not read a file in this folder.',
        'Check the folder’s permissions, then select the file again.',
      );
    return repoFailure(error);
  };

  const stopWatching = (): void => {
    watching?.watcher.close();
    watching = undefined;
  };

  return {
    commitHistory: {
      schema: z.object({
        path: PATH,
        skip: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(HISTORY_PAGE_MAX),
      }),
      handle: async ({ path, skip, limit }, context) => {
        try {
          return ok(await commitHistory(gitContextOf(context), await top(path, context), skip, limit));
        } catch (error) {
          return failure(error, context, path);
        }
      },
    },

    commitFiles: {
      schema: z.object({ path: PATH, commit: COMMIT }),
      handle: async ({ path, commit }, context) => {
        try {
          return ok(await commitFiles(gitContextOf(context), await top(path, context), commit));
        } catch (error) {
          return failure(error, context, path);
        }
      },
    },

    fileDiff: {
      schema: z.object({ path: PATH, file: FILE, source: SOURCE }),
      handle: async ({ path, file, source }, context) => {
        try {
          return ok(await fileDiff(gitContextOf(context), await top(path, context), file, source));
        } catch (error) {
          return failure(error, context, path);
        }
      },
    },

    fetchRepo: {
      schema: z.object({ path: PATH, force: z.boolean() }),
      handle: async ({ path, force }, context) => {
        try {
          const repo = await top(path, context);
          const answer = await fetches.fetch(
            { git: gitContextOf(context), top: repo, hub: hubAddresses(context.settings) },
            force,
          );
          return answer === 'cancelled'
            ? fail(
                'cancelled',
                'The check for new commits on the Hub was stopped.',
                'It runs again when you choose Refresh.',
              )
            : ok(answer);
        } catch (error) {
          return failure(error, context, path);
        }
      },
    },

    cancelFetch: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        // A folder that is no longer a repository has no fetch to stop: the path itself is tried too.
        const repo = await top(path, context).catch(() => path);
        fetches.cancel(repo);
        return ok(null);
      },
    },

    watchRepo: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        try {
          const repo = await top(path, context);
          if (watching?.top === repo) return ok(null);
          stopWatching();
          // An ignored folder's changes never show in the list: not watched (a .venv, node_modules).
          const skip = await ignoredFolders(gitContextOf(context), repo);
          const watcher = new RepoWatcher(repo, () => context.emit('repoChanged', { path: repo }), {
            skip,
            ...options.watch,
            onClosed: (reason) => {
              if (watching?.watcher === watcher) watching = undefined;
              options.watch?.onClosed?.(reason);
            },
          });
          watching = { asked: path, top: repo, watcher };
          await watcher.start();
          return ok(null);
        } catch (error) {
          stopWatching();
          if (error instanceof RepoPathError || error instanceof GitError)
            return failure(error, context, path);
          return fail(
            'repo_unusable',
            'The app cannot watch this folder for changes.',
            'Choose Refresh to read the changes again after you edit files.',
            error instanceof Error ? error.message : String(error),
          );
        }
      },
    },

    unwatchRepo: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }) => {
        // Matched on the path as asked or as its top folder: the folder may be gone by now.
        if (watching && (watching.asked === path || watching.top === path)) stopWatching();
        return ok(null);
      },
    },
  };
}

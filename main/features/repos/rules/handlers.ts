import { z } from 'zod';
import type { HandlerContext, HandlerTable } from '../../../ipc/dispatch';
import { fail, ok } from '../../../ipc/result';
import { ONE_LINE, PATH } from '../../../ipc/schemas';
import { gitContextOf } from '../../../git/environment';
import { checkRepoPath } from '../../../git/repo-path';
import { repoStatus } from '../../../git/status';
import { unstage } from '../../../git/unstage';
import { repoFailure } from '../failure';
import { lfsState } from '../lfs';
import { localFailure } from '../outcome';
import { readRepoState } from '../state';
import { StoreError, storeWithLfs } from './store-lfs';

// Ticking and unticking, and the Hub's rules on ticked files before a commit (issue 12, item 7):
// untick files, and "Store with Git LFS" for a pattern the rules suggest, with consent each time.

const PATTERN = ONE_LINE(256).refine((value) => !value.startsWith('-'), 'must not start with "-"');

export function rulesHandlers(): HandlerTable<'unstageFiles' | 'storeWithLfs'> {
  const local = <T>(error: unknown, context: HandlerContext, repo: string) =>
    localFailure<T>(error, context.settings, gitContextOf(context), { repo });

  return {
    unstageFiles: {
      schema: z.object({ path: PATH, files: z.array(ONE_LINE(4096)).max(10_000).nullable() }),
      handle: async ({ path, files }, context) => {
        const git = gitContextOf(context);
        let repo: string;
        try {
          repo = await checkRepoPath(git, path);
        } catch (error) {
          return repoFailure(error);
        }
        try {
          let paths: readonly string[] | 'all' = 'all';
          if (files !== null) {
            // Only files the list shows as ticked: anything else is a stale screen or a bad request.
            const ticked = new Map(
              (await repoStatus(git, repo)).changes
                .filter((change) => change.staged)
                .map((change) => [change.path, change.from]),
            );
            const unknown = files.filter((file) => !ticked.has(file));
            if (unknown.length > 0)
              return fail(
                'not_found',
                `${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''} ${unknown.length === 1 ? 'is' : 'are'} not ticked in this repository.`,
                'Refresh the list of changes; untick only files shown as ticked.',
              );
            // A rename is two index entries: its former path is unticked with it.
            paths = files.flatMap((file) => {
              const from = ticked.get(file);
              return from === undefined ? [file] : [file, from];
            });
          }
          await unstage(git, repo, paths);
          return ok(await readRepoState(context.settings, git, repo));
        } catch (error) {
          return local(error, context, repo);
        }
      },
    },

    storeWithLfs: {
      schema: z.object({ path: PATH, pattern: PATTERN, consent: z.boolean() }),
      handle: async ({ path, pattern, consent }, context) => {
        // Consent is for this pattern and this call; nothing of it is kept.
        if (!consent)
          return fail(
            'consent_needed',
            `Storing ${pattern} with Git LFS adds a line to .gitattributes and ticks it, and ticks the matching files again as large files.`,
            'Tick that you agree, then choose Store with Git LFS again. No commit is made.',
          );
        const lfs = await lfsState(context.settings, context.env);
        if (!lfs.installed)
          return fail('lfs_missing', 'Git LFS is not installed on this computer.', lfs.howToInstall);
        if (!lfs.configured)
          return fail(
            'lfs_missing',
            'Git LFS is installed but not set up for your user, so files would not go into LFS.',
            'Choose “Set up Git LFS” on this screen, then try again.',
          );
        const git = gitContextOf(context);
        let repo: string;
        try {
          repo = await checkRepoPath(git, path);
        } catch (error) {
          return repoFailure(error);
        }
        try {
          await storeWithLfs(git, repo, pattern);
          return ok(await readRepoState(context.settings, git, repo));
        } catch (error) {
          if (error instanceof StoreError) return fail(error.code, error.message, error.hint);
          return local(error, context, repo);
        }
      },
    },
  };
}

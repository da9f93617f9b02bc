import { z } from 'zod';
import type { HandlerTable } from '../../../ipc/dispatch';
import { fail } from '../../../ipc/result';

// PLACEHOLDER-ISSUE-12: replaced by the helper building this part; must not survive the session.
// Diffs, history, fetch and the work-tree watcher.

export function historyHandlers(): HandlerTable<
  'commitHistory' | 'commitFiles' | 'fileDiff' | 'fetchRepo' | 'cancelFetch' | 'watchRepo' | 'unwatchRepo'
> {
  return {
    commitHistory: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    commitFiles: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    fileDiff: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    fetchRepo: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    cancelFetch: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    watchRepo: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    unwatchRepo: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
  };
}

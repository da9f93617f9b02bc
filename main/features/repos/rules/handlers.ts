import { z } from 'zod';
import type { HandlerTable } from '../../../ipc/dispatch';
import { fail } from '../../../ipc/result';

// PLACEHOLDER-ISSUE-12: replaced by the helper building this part; must not survive the session.
// Ticking and unticking, and the Hub's rules on ticked files before a commit.

export function rulesHandlers(): HandlerTable<'unstageFiles' | 'storeWithLfs'> {
  return {
    unstageFiles: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    storeWithLfs: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
  };
}

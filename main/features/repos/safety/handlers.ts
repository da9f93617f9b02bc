import { z } from 'zod';
import type { HandlerTable } from '../../../ipc/dispatch';
import { fail } from '../../../ipc/result';

// PLACEHOLDER-ISSUE-12: replaced by the helper building this part; must not survive the session.
// Conflicts, and the operations that set changes aside and put them back (pull, switch).

export function safetyHandlers(): HandlerTable<'resolveConflict' | 'abortOperation' | 'switchBranch'> {
  return {
    resolveConflict: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    abortOperation: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    switchBranch: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
  };
}

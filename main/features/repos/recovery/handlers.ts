import { z } from 'zod';
import type { HandlerTable } from '../../../ipc/dispatch';
import { fail } from '../../../ipc/result';

// PLACEHOLDER-ISSUE-12: replaced by the helper building this part; must not survive the session.
// Branches, discard and restore, undo and revert, stashes and backups, opening files.

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
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    listBranches: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    discardChanges: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    restoreDiscarded: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    recoveryList: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    applyStash: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    restoreBackup: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    undoCommit: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    revertCommit: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
    openPath: {
      schema: z.any(),
      handle: async () => fail('internal', 'Not built yet.', 'PLACEHOLDER-ISSUE-12'),
    },
  };
}

// PLACEHOLDER-ISSUE-14: publishing a folder (publish helper, branch p14-publish).
import type { HandlerTable } from '../../ipc/dispatch';
import { fail } from '../../ipc/result';
import { z } from 'zod';

type PublishOps = 'inspectFolder' | 'publishFolder' | 'hubBranches';

const placeholder = {
  schema: z.any(),
  handle: async () => fail('internal', 'Not built yet (PLACEHOLDER-ISSUE-14).', 'Wait for the next version.'),
};

/** Publishing a folder to the Hub, and the branches a fork may carry. */
export function publishHandlers(): HandlerTable<PublishOps> {
  return {
    inspectFolder: placeholder,
    publishFolder: placeholder,
    hubBranches: placeholder,
  } as HandlerTable<PublishOps>;
}

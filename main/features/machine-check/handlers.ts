import { z } from 'zod';
import type { HandlerTable } from '../../ipc/dispatch';
import { ok } from '../../ipc/result';
import { runMachineCheck } from './check';

/**
 * checkMachine: the request carries nothing, so the renderer cannot choose what is checked; the
 * home comes from the launch settings and PATH and SSH_AUTH_SOCK from the main process's own
 * environment. Each item is pushed as a machineCheckItem event as it finishes.
 */
export const machineCheckHandlers: HandlerTable<'checkMachine'> = {
  checkMachine: {
    schema: z.null(),
    handle: async (_request, context) =>
      ok(
        await runMachineCheck({
          home: context.settings.home,
          env: context.env,
          onItem: (item) => context.emit('machineCheckItem', item),
        }),
      ),
  },
};

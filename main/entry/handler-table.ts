import type { HandlerTable } from '../ipc/dispatch';
import { appHandlers, type AppFacts } from '../features/app/handlers';
import { machineCheckHandlers } from '../features/machine-check/handlers';
import { progressHandlers } from '../features/app/progress-handlers';
import { httpsHandlers } from '../features/https/handlers';
import { repoHandlers } from '../features/repos/handlers';
import { sshHandlers } from '../features/ssh/handlers';
import { supportHandlers } from '../features/support/handlers';

/**
 * Every operation's handler, gathered from the features. Typed as the full table, so an
 * operation added to the contract without a handler fails to compile; both transports use it.
 */
export function createHandlerTable(facts: AppFacts): HandlerTable {
  return {
    ...appHandlers(facts),
    ...machineCheckHandlers,
    ...progressHandlers,
    ...sshHandlers(),
    ...httpsHandlers(),
    ...supportHandlers(facts),
    ...repoHandlers(),
  };
}

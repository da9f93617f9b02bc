import type { HandlerTable } from './handlers';
import { appHandlers, type AppFacts } from '../services/app/handlers';
import { machineCheckHandlers } from '../services/machine-check/handlers';
import { progressHandlers } from '../services/progress/handlers';
import { httpsHandlers } from '../https/handlers';
import { repoHandlers } from '../repos/handlers';
import { sshHandlers } from '../ssh/handlers';
import { supportHandlers } from '../support/handlers';

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

import type { HandlerTable } from '../ipc/dispatch';
import { appHandlers, progressHandlers, type AppFacts } from '../features/app';
import { httpsHandlers } from '../features/https';
import { hubHandlers } from '../features/hub';
import { machineCheckHandlers } from '../features/machine-check';
import {
  historyHandlers,
  recoveryHandlers,
  repoHandlers,
  rulesHandlers,
  safetyHandlers,
} from '../features/repos';
import { publishHandlers } from '../features/publish';
import { sshHandlers } from '../features/ssh';
import { supportHandlers } from '../features/support';

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
    ...safetyHandlers(),
    ...recoveryHandlers(),
    ...historyHandlers(),
    ...rulesHandlers(),
    ...hubHandlers(),
    ...publishHandlers(),
  };
}

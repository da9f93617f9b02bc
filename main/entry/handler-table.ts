import type { HandlerTable } from '../ipc/dispatch';
import { appHandlers, progressHandlers, type AppFacts } from '../features/app';
import { httpsHandlers } from '../features/https';
import { cancelPullRequestRun, forgetRunToken, hubHandlers } from '../features/hub';
import { machineCheckHandlers } from '../features/machine-check';
import {
  historyHandlers,
  recoveryHandlers,
  repoHandlers,
  rulesHandlers,
  safetyHandlers,
} from '../features/repos';
import { cancelPublishRun, publishHandlers } from '../features/publish';
import { sshHandlers } from '../features/ssh';
import { supportHandlers } from '../features/support';

/**
 * Every operation's handler, gathered from the features. Typed as the full table, so an
 * operation added to the contract without a handler fails to compile; both transports use it.
 */
export function createHandlerTable(facts: AppFacts): HandlerTable {
  const https = httpsHandlers();
  const repos = repoHandlers();
  return {
    ...appHandlers(facts),
    ...machineCheckHandlers,
    ...progressHandlers,
    ...sshHandlers(),
    ...https,
    // "Forget this token" forgets a token given for this run's API calls too (the hub feature's).
    forgetToken: {
      schema: https.forgetToken.schema,
      handle: async (request, context) => {
        forgetRunToken(context.session);
        return https.forgetToken.handle(request, context);
      },
    },
    ...supportHandlers(facts),
    ...repos,
    // One Cancel for every run with a runId: clones and pushes, pull-request pushes, publishes.
    cancelRepoRun: {
      schema: repos.cancelRepoRun.schema,
      handle: async (request, context) => {
        cancelPullRequestRun(context.session, request.runId);
        cancelPublishRun(context.session, request.runId);
        return repos.cancelRepoRun.handle(request, context);
      },
    },
    ...safetyHandlers(),
    ...recoveryHandlers(),
    ...historyHandlers(),
    ...rulesHandlers(),
    ...hubHandlers(),
    ...publishHandlers(),
  };
}

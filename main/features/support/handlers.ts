import { z } from 'zod';
import type { HandlerTable } from '../../ipc/dispatch';
import { ok } from '../../ipc/result';
import type { AppFacts } from '../app';
import { EXPLAIN_INPUT_LIMIT, explainPasted } from './explain';
import { gatherSupportReport } from './report';

/**
 * "Copy a report for support": the renderer gets the redacted text only. "Explain an error
 * message": pasted text goes through the failure table with no other context, as the doctor's
 * `--explain` does.
 */
export function supportHandlers(facts: AppFacts): HandlerTable<'supportReport' | 'explainError'> {
  return {
    explainError: {
      schema: z.object({
        text: z.string().min(1, 'must not be empty').max(EXPLAIN_INPUT_LIMIT, 'is longer than 1 MiB'),
      }),
      handle: async ({ text }, { settings }) => ok(explainPasted(text, settings)),
    },

    supportReport: {
      schema: z.null(),
      handle: async (_request, { settings, session, env }) =>
        ok({
          text: await gatherSupportReport(settings, session, env, {
            appVersion: facts.appVersion,
            transport: facts.transport,
            versions: facts.versions,
          }),
        }),
    },
  };
}

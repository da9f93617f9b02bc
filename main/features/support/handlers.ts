import { z } from 'zod';
import type { HandlerTable } from '../../ipc/dispatch';
import { ok } from '../../ipc/result';
import type { AppFacts } from '../app';
import { gatherSupportReport } from './report';

/** "Copy a report for support": the renderer gets the redacted text only. */
export function supportHandlers(facts: AppFacts): HandlerTable<'supportReport'> {
  return {
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

import { z } from 'zod';
import { explainFailure } from '../../git/failures';
import type { HandlerTable } from '../../ipc/dispatch';
import { ok } from '../../ipc/result';
import type { AppFacts } from '../app';
import { gatherSupportReport } from './report';

/** What a person may paste: a screenful of output, not a whole log (1 MiB, checked before parsing too). */
const MAX_PASTE = 1024 * 1024;

/**
 * "Copy a report for support": the renderer gets the redacted text only. "Explain an error
 * message": pasted text goes through the failure table with no other context, as the doctor's
 * `--explain` does.
 */
export function supportHandlers(facts: AppFacts): HandlerTable<'supportReport' | 'explainError'> {
  return {
    explainError: {
      schema: z.object({
        text: z.string().min(1, 'must not be empty').max(MAX_PASTE, 'is longer than 1 MiB'),
      }),
      handle: async ({ text }, { settings }) =>
        ok(
          explainFailure(text, {
            operation: 'explain',
            endpoint: settings.hubEndpoint,
            sshHost: settings.sshHost,
            sshPort: settings.sshPort,
          }),
        ),
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

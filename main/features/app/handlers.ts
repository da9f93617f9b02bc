import { z } from 'zod';
import type { AppInfo, OsFamily } from '../../../preload/contract';
import type { HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { allowedExternalUrl } from './external-url';

/** Facts about the running app that the transports know and the handlers do not. */
export interface AppFacts {
  readonly appVersion: string;
  readonly transport: AppInfo['transport'];
  readonly os: OsFamily;
  readonly versions: AppInfo['versions'];
}

/** getAppInfo and openExternal: what every screen needs, whichever feature it belongs to. */
export function appHandlers(facts: AppFacts): HandlerTable<'getAppInfo' | 'openExternal'> {
  return {
    getAppInfo: {
      schema: z.null(),
      handle: async (_request, { settings }) =>
        ok({
          ...facts,
          hubEndpoint: settings.hubEndpoint,
          sshHost: settings.sshHost,
          sshPort: settings.sshPort,
        }),
    },
    openExternal: {
      schema: z.strictObject({ url: z.string().min(1).max(2048) }),
      handle: async ({ url }, context) => {
        const allowed = allowedExternalUrl(url, context.settings.hubEndpoint);
        if (allowed === undefined) {
          return fail(
            'not_allowed',
            'The app only opens secure links to the Hugging Face Hub and the documentation it points to.',
            'Copy the link and open it yourself if you trust it.',
          );
        }
        await context.openExternal(allowed);
        return ok(null);
      },
    },
  };
}

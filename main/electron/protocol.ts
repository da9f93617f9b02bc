import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_CSP, APP_SCHEME, resolveAppRequest } from './app-protocol';

/** Must run before `ready`: app:// becomes a standard, secure scheme with an origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `root`; resolveAppRequest refuses every path outside it. */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, root);
    if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
    try {
      return new Response(await readFile(resolved.path), {
        headers: {
          'Content-Type': resolved.type,
          'Content-Security-Policy': APP_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

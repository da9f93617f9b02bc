import { APP_ENTRY } from './app-protocol';

// Which address the window loads. In development electron-vite serves the renderer and names its
// dev server in ELECTRON_RENDERER_URL; a packaged app must never honour that variable, or anyone
// who can set the environment of the app's launch points the trusted window (and the IPC trust
// check, which trusts exactly this address) at a page of their choosing. Electron's
// `app.isPackaged` is what tells the two apart ("returns true if the app is packaged", Electron's
// app API docs). Pure, so both cases are tested without Electron.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server's address if it is one (http on loopback), else undefined. */
function devServerUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address the window loads and IPC trusts: the app's own page in a packaged build, whatever
 * the environment says; the dev server (on loopback only) when running unpackaged.
 */
export function rendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  if (isPackaged) return APP_ENTRY;
  return devServerUrl(env.ELECTRON_RENDERER_URL) ?? APP_ENTRY;
}

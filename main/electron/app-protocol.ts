import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// The renderer is served over app://hf-git-desktop/ (protocol.handle in main/electron/protocol.ts)
// rather than file://: a standard, secure scheme with an origin of its own, where this function
// decides which file a request may read. Pure, so every hostile path is tested without Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'hf-git-desktop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The window's address; IPC trusts only frames at it. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The Content-Security-Policy every response carries (also in index.html's meta tag). */
export const APP_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export type AppRequest =
  | { readonly ok: true; readonly path: string; readonly type: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Maps an app:// request to a file under `root`, or refuses it. Refused: another scheme or host,
 * a query or credentials, `..` in any spelling (literal, %2e%2e, %252e double-encoded, with
 * backslashes or %2f/%5c separators), NUL, absolute paths, and any file whose type the app does
 * not serve. `/` is index.html.
 */
export function resolveAppRequest(rawUrl: string, root: string): AppRequest {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password)
    return { ok: false, status: 403, reason: 'not the app origin' };
  // The URL parser already folded literal "..": look at what was asked for, before and after decoding.
  const raw = rawUrl.slice(APP_ORIGIN.length).split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  const suspicious = [raw, url.pathname, decoded];
  // eslint-disable-next-line no-control-regex
  if (suspicious.some((part) => /(^|[\\/])\.\.([\\/]|$)|%2e|%2f|%5c|%25|\\|\u0000/i.test(part)))
    return { ok: false, status: 403, reason: 'path traversal' };
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath))
    return { ok: false, status: 403, reason: 'absolute path' };
  const base = resolve(root);
  const path = resolve(base, relativePath);
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..'))
    return { ok: false, status: 403, reason: 'outside the app' };
  const type = TYPES[extname(path).toLowerCase()];
  if (!type) return { ok: false, status: 404, reason: 'not a file the app serves' };
  return { ok: true, path, type };
}

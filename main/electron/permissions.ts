import { APP_ORIGIN } from './app-protocol';

// Which web permissions the window may have: the clipboard, for Copy buttons and the token
// field's Paste button, and only for the app's own page. Everything else (camera, microphone,
// notifications, geolocation, MIDI, HID, serial, opening external protocols…) is refused.

const ALLOWED: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'clipboard-read']);

/** Whether `permission`, asked for by a frame at `origin`, is granted. */
export function permissionAllowed(
  permission: string,
  origin: string | undefined,
  appOrigin = APP_ORIGIN,
): boolean {
  if (!origin) return false;
  let asked: URL;
  try {
    asked = new URL(origin);
  } catch {
    return false;
  }
  // Compared by scheme and host: a non-special scheme's URL.origin is the string "null" for all.
  const app = new URL(appOrigin);
  return asked.protocol === app.protocol && asked.host === app.host && ALLOWED.has(permission);
}

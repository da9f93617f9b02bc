/**
 * Whether an IPC message came from our own page. Another frame (an iframe, a page we were
 * tricked into navigating to) must not reach the handlers, so the frame's URL is compared with
 * the exact address the window loaded.
 */
export function isTrustedSenderUrl(frameUrl: string | undefined, appUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    const frame = new URL(frameUrl);
    const app = new URL(appUrl);
    return frame.protocol === app.protocol && frame.host === app.host && frame.pathname === app.pathname;
  } catch {
    return false;
  }
}

/**
 * Browser mode opens the app at an address carrying its one-time token; the server has already
 * traded it for an HttpOnly cookie, so drop it from the address bar and the history entry.
 * (In Electron there is no query string and this does nothing.)
 */
export function forgetLaunchToken(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

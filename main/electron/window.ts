import { BrowserWindow, nativeTheme, screen } from 'electron';
import { join } from 'node:path';
import type { EventName, Events } from '../../preload/contract';
import { createEventGate } from './event-gate';
import { permissionAllowed } from './permissions';
import { MIN_SIZE, placeWindow, readWindowState, writeWindowState } from './window-state';
import { buildWebPreferences } from './web-preferences';

/** The one window, and the way to send it events that survive its loading (event-gate.ts). */
export interface AppWindow {
  readonly browserWindow: BrowserWindow;
  /** Sends an event to the page; held while the page loads, dropped once the window is gone. */
  readonly send: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Settles when the first load of the page ends. */
  readonly loaded: Promise<void>;
}

/**
 * Creates the one window: secure preferences, only the clipboard permission, navigation and new
 * windows denied, opened where it was last closed (if that is still on a screen). It returns as
 * soon as the window exists, before the page has loaded, so whoever holds it can already send
 * events (they are held until `did-finish-load`); `url` comes from renderer-url.ts.
 */
export async function createMainWindow(
  dataDir: string,
  openExternal: (url: string) => Promise<void>,
  url: string,
): Promise<AppWindow> {
  const placement = placeWindow(
    await readWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'HF Git Desktop',
    // The page follows the OS's light or dark mode (prefers-color-scheme); so does the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0d1117' : '#f6f7f9',
    webPreferences: buildWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  const session = window.webContents.session;
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) => permissionAllowed(permission, origin));
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    void writeWindowState(dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() }).catch(
      () => undefined,
    );
  });
  // The page never navigates itself; a link click goes to the user's browser if it is allowed.
  window.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void openExternal(url);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  const gate = createEventGate<{ readonly event: EventName; readonly payload: unknown }>((message) => {
    if (!window.isDestroyed()) window.webContents.send(message.event, message.payload);
  });
  window.webContents.on('did-start-loading', gate.close);
  window.webContents.on('did-finish-load', gate.open);
  return {
    browserWindow: window,
    send: (event, payload) => {
      if (!window.isDestroyed()) gate.send({ event, payload });
    },
    loaded: window.loadURL(url),
  };
}

import { BrowserWindow, nativeTheme, screen } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY } from './app-protocol';
import { permissionAllowed } from './permissions';
import { MIN_SIZE, placeWindow, readWindowState, writeWindowState } from './window-state';
import { buildWebPreferences } from './web-preferences';

/** The address the window loads; IPC trusts only frames at exactly this address. */
export function appUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? APP_ENTRY;
}

/**
 * Creates the one window: secure preferences, only the clipboard permission, navigation and new
 * windows denied, opened where it was last closed (if that is still on a screen).
 */
export async function createMainWindow(
  dataDir: string,
  openExternal: (url: string) => Promise<void>,
): Promise<BrowserWindow> {
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
  await window.loadURL(appUrl());
  return window;
}

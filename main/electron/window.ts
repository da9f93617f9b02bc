import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWebPreferences } from './web-preferences';

/** The address the window loads; IPC trusts only frames at exactly this address. */
export function appUrl(): string {
  return (
    process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString()
  );
}

/** Creates the one window: secure preferences, navigation and new windows denied. */
export function createMainWindow(openExternal: (url: string) => Promise<void>): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 640,
    minHeight: 520,
    show: false,
    title: 'HF Git Desktop',
    webPreferences: buildWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
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
  void window.loadURL(appUrl());
  return window;
}

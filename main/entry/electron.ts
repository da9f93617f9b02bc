import { app, BrowserWindow, clipboard, dialog, nativeTheme, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../core/app-version';
import { registerIpcHandlers } from '../electron/ipc';
import { installMenu } from '../electron/menu';
import { registerAppScheme, serveApp } from '../electron/protocol';
import { appUrl, createMainWindow } from '../electron/window';
import { createSession, disposeSession } from '../core/session';
import { createHandlerTable } from './handler-table';
import { allowedExternalUrl } from '../features/app';
import { detectOs } from '../features/machine-check';
import { resolveSettings, SettingsError, type Settings } from '../core/settings';
import { aboutPanelOptions } from '../electron/about';
import { gatherSupportReport } from '../features/support';

// The Electron entry: the thin shell. Everything it calls below is plain Node and tested
// without Electron (main/electron/ holds the pure parts beside their registrars: protocol paths, window placement, menu,
// permissions, About); only Electron's own APIs are used here and in main/electron/.

function readOsRelease(): string | undefined {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
}

const session = createSession(process.env);
let mainWindow: BrowserWindow | undefined;

/** A second launch focuses the first window instead of starting another app. */
function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function openWindow(settings: Settings, openExternal: (url: string) => Promise<void>): Promise<void> {
  mainWindow = await createMainWindow(settings.dataDir, openExternal);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function start(settings: Settings): void {
  const versions = {
    node: process.versions.node,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
  };
  const openExternal = async (url: string): Promise<void> => {
    const allowed = allowedExternalUrl(url, settings.hubEndpoint);
    if (allowed !== undefined) await shell.openExternal(allowed);
  };
  const table = createHandlerTable({
    appVersion: APP_VERSION,
    transport: 'electron',
    os: detectOs(process.platform, readOsRelease()),
    versions,
  });
  app.setAboutPanelOptions(
    aboutPanelOptions({
      appVersion: APP_VERSION,
      ...versions,
      platform: process.platform,
      arch: process.arch,
    }),
  );
  installMenu({
    dev: !app.isPackaged,
    openExternal,
    onCommand: (command) => {
      if (command === 'about') app.showAboutPanel();
      if (command === 'explain-error' && mainWindow && !mainWindow.isDestroyed())
        mainWindow.webContents.send('showView', { view: 'explain' });
      if (command === 'copy-support-report')
        void gatherSupportReport(settings, session, process.env, {
          appVersion: APP_VERSION,
          transport: 'electron',
          versions,
        }).then((text) => clipboard.writeText(text));
    },
  });
  serveApp(join(__dirname, '../renderer'));
  registerIpcHandlers(table, settings, session, () => mainWindow, appUrl(), openExternal, process.env);
  void openWindow(settings, openExternal);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(settings, openExternal);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('will-quit', () => disposeSession(session));
  registerAppScheme();
  app.enableSandbox();
  nativeTheme.themeSource = 'system';
  void app.whenReady().then(() => {
    let settings: Settings;
    try {
      settings = resolveSettings(process.env);
    } catch (error) {
      const message = error instanceof SettingsError ? error.message : String(error);
      dialog.showErrorBox('HF Git Desktop cannot start', message);
      app.exit(2);
      return;
    }
    start(settings);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

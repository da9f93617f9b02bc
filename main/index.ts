import { app, BrowserWindow, dialog, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { APP_VERSION } from './app-version';
import { registerIpcHandlers } from './electron/ipc';
import { appUrl, createMainWindow } from './electron/window';
import { createSession, disposeSession } from './ipc/session';
import { createHandlerTable } from './ipc/table';
import { allowedExternalUrl } from './security/external-url';
import { detectOs } from './services/machine-check/os';
import { resolveSettings, SettingsError, type Settings } from './settings';

// The Electron entry: the thin shell. Everything it calls below is plain Node and tested
// without Electron; only window creation, IPC registration and shell.openExternal live here.

function readOsRelease(): string | undefined {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
}

const session = createSession(process.env);
app.on('will-quit', () => disposeSession(session));

function start(settings: Settings): void {
  const openExternal = async (url: string): Promise<void> => {
    const allowed = allowedExternalUrl(url, settings.hubEndpoint);
    if (allowed !== undefined) await shell.openExternal(allowed);
  };
  const table = createHandlerTable({
    appVersion: APP_VERSION,
    transport: 'electron',
    os: detectOs(process.platform, readOsRelease()),
    versions: {
      node: process.versions.node,
      electron: process.versions.electron,
      chrome: process.versions.chrome,
    },
  });
  const window = createMainWindow(openExternal);
  registerIpcHandlers(table, settings, session, window, appUrl(), openExternal);
}

app.enableSandbox();
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
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) start(settings);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

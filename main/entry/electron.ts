import { app, BrowserWindow, clipboard, dialog, nativeTheme, shell } from 'electron';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../core/app-version';
import { registerIpcHandlers } from '../electron/ipc';
import { shellActions } from '../electron/shell-actions';
import { installMenu } from '../electron/menu';
import { registerAppScheme, serveApp } from '../electron/protocol';
import { createMainWindow, type AppWindow } from '../electron/window';
import { rendererUrl } from '../electron/renderer-url';
import { launchPath } from '../core/launch-path';
import { createSession, disposeSession } from '../core/session';
import { readGlobalSshCommand } from '../git/config';
import { gitContext } from '../git/environment';
import { createHandlerTable } from './handler-table';
import { allowedExternalUrl } from '../features/app';
import { detectOs } from '../features/machine-check';
import { resolveSettings, SettingsError, type Settings } from '../core/settings';
import { aboutPanelOptions } from '../electron/about';
import { gatherSupportReport } from '../features/support';
import { answerAskpass, askpassPipeOf, cleanUpSshLeftovers } from '../features/ssh';
import { removeStaleTempFiles } from '../core/stale-files';
import { AGENT_SWITCH, runAgentOnStdio } from '../lfs-agent';
import { agentCommand } from '../git/lfs-agent-command';

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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const session = createSession(process.env);
// The page's address: never ELECTRON_RENDERER_URL in a packaged build (renderer-url.ts).
const pageUrl = rendererUrl(app.isPackaged, process.env);
let mainWindow: AppWindow | undefined;

/** A second launch focuses the first window instead of starting another app. */
function focusWindow(): void {
  const window = mainWindow?.browserWindow;
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function openWindow(settings: Settings, openExternal: (url: string) => Promise<void>): Promise<void> {
  // Held before the page loads, so events sent meanwhile wait in the window's gate.
  const opened = await createMainWindow(settings.dataDir, openExternal, pageUrl);
  mainWindow = opened;
  opened.browserWindow.on('closed', () => {
    if (mainWindow === opened) mainWindow = undefined;
  });
  await opened.loaded;
}

function start(settings: Settings): void {
  // git-lfs starts the multipart uploader as this executable with the switch (packaged), or as
  // Electron with the app folder (development); handled at the bottom of this file.
  session.largeFileAgent = agentCommand(
    process.platform,
    process.execPath,
    app.isPackaged,
    app.getAppPath(),
    !app.isPackaged,
  );
  // The person's own core.sshCommand wins over the app's ssh for git, as with plain git.
  void readGlobalSshCommand(gitContext(settings, process.env)).then(
    (command) => {
      session.configuredSshCommand = command;
    },
    () => undefined,
  );
  // What a crashed run left: temp files of interrupted writes, surplus backups, a dead agent's folder.
  void cleanUpSshLeftovers(settings.home);
  void removeStaleTempFiles(settings.dataDir, { legacy: true });
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
      if (command === 'explain-error') mainWindow?.send('showView', { view: 'explain' });
      if (command === 'copy-support-report')
        void gatherSupportReport(settings, session, process.env, {
          appVersion: APP_VERSION,
          transport: 'electron',
          versions,
        }).then((text) => clipboard.writeText(text));
    },
  });
  serveApp(join(__dirname, '../renderer'));
  registerIpcHandlers(
    table,
    settings,
    session,
    () => mainWindow,
    pageUrl,
    openExternal,
    process.env,
    shellActions(shell),
  );
  void openWindow(settings, openExternal);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(settings, openExternal);
  });
}

/** The app itself: everything but the askpass answer below. */
function startApp(): void {
  // Before anything reads PATH: an app opened from Finder gets launchd's PATH, without Homebrew's
  // folders (main/core/launch-path.ts).
  const fixedPath = launchPath(process.platform, process.env, isFolder);
  if (fixedPath !== undefined) process.env.PATH = fixedPath;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
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

// The first thing the process decides: started by Windows' ssh-add as its SSH_ASKPASS (the
// packaged app's own executable, main/features/ssh/askpass-plan.ts), it answers from the one-shot
// pipe and exits, before the single-instance lock (which would hand the call to the running app)
// and before any window or session.
// Likewise started by git-lfs as the multipart transfer agent (main/git/lfs-agent-command.ts): it
// speaks git-lfs's protocol on stdin and stdout, then exits.
const askpassPipe = askpassPipeOf(process.env);
if (askpassPipe !== undefined) void answerAskpass(askpassPipe, process.stdout).then((code) => app.exit(code));
else if (process.argv.includes(AGENT_SWITCH)) {
  // A transfer can run for many minutes: on macOS the process would show a Dock icon of its own
  // for that long (Electron's app.dock.hide(): "Hides the dock icon").
  if (process.platform === 'darwin') app.dock?.hide();
  void runAgentOnStdio().then(
    (code) => app.exit(code),
    () => app.exit(1),
  );
} else startApp();

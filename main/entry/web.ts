import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../core/app-version';
import { createSession, disposeSession } from '../core/session';
import { readGlobalSshCommand } from '../git/config';
import { gitContext } from '../git/environment';
import { createHandlerTable } from './handler-table';
import { detectOs } from '../features/machine-check';
import { resolveSettings, SettingsError } from '../core/settings';
import { openInBrowser } from '../web/open-browser';
import { startWebServer } from '../web/server';
import { cleanUpSshLeftovers } from '../features/ssh';
import { removeStaleTempFiles } from '../core/stale-files';
import { agentCommand } from '../git/lfs-agent-command';

// `npm run web` (and `npm start` where Electron is unavailable): the real app in a browser tab.

function readOsRelease(): string | undefined {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const noOpen = process.argv.includes('--no-open');
  let settings;
  try {
    settings = resolveSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`HF Git Desktop cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // What a crashed run left: temp files of interrupted writes, surplus backups, a dead agent's folder.
  void cleanUpSshLeftovers(settings.home);
  void removeStaleTempFiles(settings.dataDir, { legacy: true });
  const openExternal = async (url: string): Promise<void> => {
    if (noOpen) process.stdout.write(`Open this link: ${url}\n`);
    else await openInBrowser(url);
  };
  const table = createHandlerTable({
    appVersion: APP_VERSION,
    transport: 'browser',
    os: detectOs(process.platform, readOsRelease()),
    versions: { node: process.versions.node },
  });
  const session = createSession(process.env);
  // Browser mode runs as node out/main/web.js: git-lfs starts the uploader as node running the
  // built out/main/lfs-agent.js beside it (the app folder is two levels up).
  session.largeFileAgent = agentCommand(
    process.platform,
    process.execPath,
    false,
    join(__dirname, '..', '..'),
  );
  // The person's own core.sshCommand wins over the app's ssh for git, as with plain git.
  session.configuredSshCommand = await readGlobalSshCommand(gitContext(settings, process.env)).catch(
    () => undefined,
  );
  process.on('exit', () => disposeSession(session));
  const server = await startWebServer({
    env: process.env,
    session,
    settings,
    table,
    rendererDir: join(__dirname, '..', 'renderer'),
    openExternal,
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => process.exit(0));
  };
  // Before the address is printed: whoever reads it may stop us at once, and must get a clean exit.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  process.stdout.write(`HF Git Desktop is running in browser mode. Open this address:\n${server.url}\n`);
  if (!noOpen) await openInBrowser(server.url);
  // Exit with the parent: when it dies this process is re-parented, and ppid changes.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}

void main();

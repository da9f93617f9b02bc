import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pruneBackups, resolveWriteTarget } from '../../core/atomic-write';
import { processAlive, removeStaleTempFiles } from '../../core/stale-files';
import { AGENT_DIR_PREFIX, AGENT_OWNER_FILE } from './agent';

/** The files in ~/.ssh the app writes (through symlinks, at their targets). */
const WRITTEN = ['config', 'known_hosts'] as const;

/** What one launch's tidy-up removed, for the log and the tests. */
export interface SshCleanup {
  readonly tempFiles: readonly string[];
  readonly backups: readonly string[];
  readonly agentFolders: readonly string[];
}

/** A folder without an owner file this young may be one being set up right now. */
const SETUP_GRACE_MS = 60 * 1000;

/** Whether something listens on a Unix socket (an agent that is still alive). */
function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (answers: boolean): void => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The folders of app agents whose app is gone (killed before its exit cleanup ran), removed. Such
 * an agent has stopped already, or does within 10 s (see HOLD_SCRIPT in agent.ts). Folders of other users and
 * of a running app are left alone; so is one of an earlier version (no owner file) whose agent
 * still answers, since someone may be using it.
 */
export async function removeStaleAgentFolders(parent: string = tmpdir()): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(parent)).filter((name) => name.startsWith(AGENT_DIR_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const dir = join(parent, name);
    try {
      const info = await lstat(dir);
      if (!info.isDirectory() || (process.getuid && info.uid !== process.getuid())) continue;
      const owner = await readFile(join(dir, AGENT_OWNER_FILE), 'utf8').catch(() => undefined);
      const stale =
        owner !== undefined
          ? !processAlive(Number(owner.trim()))
          : Date.now() - info.mtimeMs > SETUP_GRACE_MS && !(await socketAnswers(join(dir, 'agent.sock')));
      if (!stale) continue;
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Vanished meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * Run once at launch: removes the temp files a killed app left in ~/.ssh (earlier versions'
 * names too, since they wrote only there) and beside the targets of a symlinked config or
 * known_hosts, prunes the backups of both (the oldest and the newest three stay), and removes
 * the folders of app agents whose app was killed. Never throws: a launch must not fail over tidying.
 */
export async function cleanUpSshLeftovers(home: string, tempDir: string = tmpdir()): Promise<SshCleanup> {
  const sshDir = join(home, '.ssh');
  const tempFiles: string[] = [];
  const backups: string[] = [];
  try {
    tempFiles.push(...(await removeStaleTempFiles(sshDir, { legacy: true })));
    for (const name of WRITTEN) {
      const path = join(sshDir, name);
      const targetDir = dirname(await resolveWriteTarget(path).catch(() => path));
      if (targetDir !== sshDir) tempFiles.push(...(await removeStaleTempFiles(targetDir)));
      backups.push(...(await pruneBackups(path)));
    }
  } catch {
    // Best effort: an unreadable ~/.ssh is reported by the screens that need it, not here.
  }
  return { tempFiles, backups, agentFolders: await removeStaleAgentFolders(tempDir) };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, disposeSession, type AppSession } from '../../../../main/core/session';
import { addKeyToAgent, ensureAgent, OWN_AGENT_LIFETIME } from '../../../../main/features/ssh/agent';
import { generateKey } from '../../../../main/features/ssh/generate-key';
import { cleanUpSshLeftovers } from '../../../../main/features/ssh';
import { processGone, waitFor } from './process-state';

// Issue 16, item 10: the agent the app starts when none is reachable holds keys for a working day
// at most, dies with the app even when the app is killed with -9, and leaves no folder behind.
// The app is stood for by a child Node process (fixtures/own-agent-app.ts, run with tsx).

const ROOT = join(__dirname, '..', '..', '..', '..');
let work: string;
let app: ChildProcess | undefined;
let session: AppSession | undefined;
beforeEach(() => {
  // Short: a Unix socket path must fit in 104 bytes (macOS) / 108 (Linux).
  work = mkdtempSync(join(tmpdir(), 'hfgd-own-'));
});
afterEach(() => {
  if (app && app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
  if (session) disposeSession(session);
  session = undefined;
  rmSync(work, { recursive: true, force: true });
});

/** ssh-add -l against a socket: 0 keys listed, 1 no keys, 2 no agent there. */
function listAgent(socket: string): { status: number | null; stdout: string } {
  const listed = spawnSync('ssh-add', ['-l'], {
    env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket },
    encoding: 'utf8',
  });
  return { status: listed.status, stdout: listed.stdout };
}

/**
 * Starts the stand-in app and waits for what it started. Node itself runs it with tsx's loader:
 * tsx's CLI would be a parent relaying signals, and a kill -9 of that would leave the app alive.
 */
async function startApp(): Promise<{ pid: number; socket: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'own-agent-app.ts'), work],
    { cwd: ROOT, env: { PATH: process.env.PATH, TMPDIR: work }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  app = child;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  expect(await waitFor(() => output.includes('\n'), 20_000), output).toBeDefined();
  const started = JSON.parse(output.split('\n')[0] ?? '') as { agent: string; pid: number; socket: string };
  expect(started.agent).toBe('app');
  expect(started.socket.startsWith(work)).toBe(true);
  expect(listAgent(started.socket).status).toBe(1);
  return started;
}

describe("the app's own ssh-agent", () => {
  it('dies within a few seconds of a kill -9 of the app, and the next start removes its folder', async () => {
    const agent = await startApp();
    expect(processGone(agent.pid)).toBe(false);
    app?.kill('SIGKILL');
    const tookMs = await waitFor(() => processGone(agent.pid), 5000);
    expect(tookMs, 'the agent outlived the app').toBeDefined();
    expect(listAgent(agent.socket).status).toBe(2);
    // The killed app could not remove its folder; the next launch does.
    const folder = dirname(agent.socket);
    expect(existsSync(folder)).toBe(true);
    const cleaned = await cleanUpSshLeftovers(work, work);
    expect(cleaned.agentFolders).toEqual([folder]);
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith('hfgd-agent-'))).toEqual([]);
  });

  it('is stopped and its folder removed when the app exits normally', async () => {
    const agent = await startApp();
    const exited = new Promise((resolve) => app?.once('exit', resolve));
    app?.kill('SIGTERM');
    await exited;
    expect(await waitFor(() => processGone(agent.pid), 2000)).toBeDefined();
    expect(existsSync(dirname(agent.socket))).toBe(false);
  });

  it('a running app keeps its agent and folder through another launch’s cleanup', async () => {
    const agent = await startApp();
    expect((await cleanUpSshLeftovers(work, work)).agentFolders).toEqual([]);
    expect(listAgent(agent.socket).status).toBe(1);
  });

  it('gives the keys it holds a lifetime (ssh-agent -t), 8 hours by default', async () => {
    const home = join(work, 'home');
    const key = await generateKey(home, { name: 'id_ed25519', comment: '', passphrase: null });
    session = createSession({});
    expect(await ensureAgent(home, session, { PATH: process.env.PATH }, '2')).toBe('app');
    const added = await addKeyToAgent(home, session, key, null, { PATH: process.env.PATH });
    expect(added.agent).toBe('app');
    const socket = session.sshAuthSock ?? '';
    expect(listAgent(socket).stdout).toContain(key.fingerprint ?? 'no fingerprint');
    expect(
      await waitFor(() => listAgent(socket).status === 1, 6000),
      'the key outlived its lifetime',
    ).toBeDefined();

    const other = createSession({});
    await ensureAgent(home, other, { PATH: process.env.PATH });
    const args = readFileSync(`/proc/${other.ownAgent?.pid ?? 0}/cmdline`, 'utf8').split('\0');
    disposeSession(other);
    expect(args.slice(args.indexOf('-t'), args.indexOf('-t') + 2)).toEqual(['-t', OWN_AGENT_LIFETIME]);
    expect(OWN_AGENT_LIFETIME).toBe('8h');
  });
});

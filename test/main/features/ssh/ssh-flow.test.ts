import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  chmodSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSession, disposeSession, type AppSession } from '../../../../main/core/session';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { addKeyToAgent } from '../../../../main/features/ssh/agent';
import { testConnection } from '../../../../main/features/ssh/connection-test';
import { generateKey } from '../../../../main/features/ssh/generate-key';
import { checkHostKeys, pinHostKeys } from '../../../../main/features/ssh/known-hosts';
import { listKeys } from '../../../../main/features/ssh/list-keys';
import { configureSsh } from '../../../../main/features/ssh/ssh-config';
import { startFakeHub, type FakeHub } from '../../../fake-hub';
import { POSIX_MODES } from '../../../support/platform';
import { processGone, waitFor } from './process-state';

// The whole SSH onboarding for real: keys made and read back by OpenSSH, a real ssh-agent, the
// real ssh client against the loopback fake hub, in a temp HOME with a space and non-ASCII.

let hub: FakeHub;
let home: string;
let settings: Settings;
let session: AppSession;
let agent: ChildProcess | undefined;

beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(async () => {
  await hub.stop();
});

function startAgent(dir: string): Promise<string> {
  const socket = join(dir, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  return new Promise((resolve) => {
    const poll = (): void => (existsSync(socket) ? resolve(socket) : void setTimeout(poll, 10));
    poll();
  });
}

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'hfgd ssh é-'));
  const keysFile = join(home, 'pinned');
  writeFileSync(keysFile, `${hub.hostKey}\n`);
  settings = resolveSettings({
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: `127.0.0.1:${hub.sshPort}`,
    HFGD_HOST_KEYS: keysFile,
  });
  session = createSession({ SSH_AUTH_SOCK: await startAgent(home) });
});
afterEach(() => {
  agent?.kill();
  disposeSession(session);
  rmSync(home, { recursive: true, force: true });
});

const PASSPHRASE = `correct horse ${Math.random().toString(36).slice(2)} battery`;

describe('SSH onboarding against the fake hub', () => {
  it('creates a protected key, loads it, pins the host, writes the config, and is greeted by name once the key is on the account', async () => {
    const key = await generateKey(home, {
      name: 'id_ed25519',
      comment: 'alice@example.com',
      passphrase: PASSPHRASE,
    });
    expect(key).toMatchObject({
      type: 'ed25519',
      bits: 256,
      comment: 'alice@example.com',
      passphraseProtected: true,
      problems: [],
    });
    if (POSIX_MODES) {
      // Windows: permissions are ACLs, not modes.
      expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
      expect(statSync(key.privatePath).mode & 0o777).toBe(0o600);
    }
    // The fingerprint is the one ssh-keygen prints.
    const printed = spawnSync('ssh-keygen', ['-lf', key.publicPath], { encoding: 'utf8' }).stdout;
    expect(printed).toContain(key.fingerprint);

    const added = await addKeyToAgent(home, session, key, PASSPHRASE);
    expect(added).toMatchObject({ agent: 'system', alreadyLoaded: false });
    const again = await addKeyToAgent(home, session, key, PASSPHRASE);
    expect(again.alreadyLoaded).toBe(true);

    const pinned = await pinHostKeys(settings, false);
    expect(pinned.pinned.every((entry) => entry.present)).toBe(true);
    const config = await configureSsh(settings, 'id_ed25519', 'linux');
    expect(config.block).toContain('IdentitiesOnly yes');

    const lines: string[] = [];
    const anonymous = await testConnection(settings, session, { onLine: (_s, line) => lines.push(line) });
    expect(anonymous.kind).toBe('anonymous');
    expect(anonymous.offeredKeys.join(' ')).toContain(key.fingerprint ?? 'none');
    expect(lines.some((line) => line.includes('Hi anonymous'))).toBe(true);

    hub.addKey('alice', key.publicKey ?? '');
    const verdict = await testConnection(settings, session);
    expect(verdict).toMatchObject({ kind: 'authenticated', user: 'alice' });
  });

  it('keeps the agent unchanged and says so plainly on a wrong passphrase', async () => {
    const key = await generateKey(home, { name: 'id_ed25519', comment: '', passphrase: PASSPHRASE });
    await expect(addKeyToAgent(home, session, key, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
      message: "That passphrase doesn't unlock this key",
    });
    const listed = spawnSync('ssh-add', ['-l'], {
      env: { SSH_AUTH_SOCK: session.sshAuthSock },
      encoding: 'utf8',
    });
    expect(listed.status).toBe(1);
  });

  it('starts an agent of its own when none is reachable, and stops it at exit', async () => {
    const key = await generateKey(home, { name: 'id_ed25519', comment: '', passphrase: null });
    const lonely = createSession({});
    const result = await addKeyToAgent(home, lonely, key, null);
    expect(result.agent).toBe('app');
    const pid = lonely.ownAgent?.pid ?? 0;
    expect(processGone(pid)).toBe(false);
    disposeSession(lonely);
    expect(await waitFor(() => processGone(pid), 1000)).toBeDefined();
  });

  it('never overwrites an existing key and suggests a free name', async () => {
    mkdirSync(join(home, '.ssh'), { mode: 0o700 });
    writeFileSync(join(home, '.ssh', 'id_ed25519'), 'precious');
    await expect(
      generateKey(home, { name: 'id_ed25519', comment: '', passphrase: null }),
    ).rejects.toMatchObject({
      code: 'key_name_taken',
    });
    expect(readFileSync(join(home, '.ssh', 'id_ed25519'), 'utf8')).toBe('precious');
    expect(existsSync(join(home, '.ssh', 'id_ed25519.pub'))).toBe(false);
    expect((await listKeys(home)).suggestedName).toBe('id_ed25519_hf');
  });
});

describe('connection verdicts from the real ssh client', () => {
  async function keyOnAccount(): Promise<void> {
    const key = await generateKey(home, { name: 'id_ed25519', comment: '', passphrase: null });
    await configureSsh(settings, 'id_ed25519', 'linux');
    hub.addKey('bob', key.publicKey ?? '');
  }

  it('permission denied when there is no key at all', async () => {
    await pinHostKeys(settings, false);
    const verdict = await testConnection({ ...settings }, createSession({}));
    expect(verdict.kind).toBe('permission_denied');
  });

  it('host key unknown when known_hosts has no entry', async () => {
    await keyOnAccount();
    expect((await testConnection(settings, session)).kind).toBe('host_key_unknown');
  });

  it('host key changed when another key is recorded', async () => {
    await keyOnAccount();
    const other = spawnSync('ssh-keygen', ['-t', 'ed25519', '-N', '', '-f', join(home, 'other'), '-q']);
    expect(other.status).toBe(0);
    const otherKey = readFileSync(join(home, 'other.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${hub.sshPort} ${otherKey}\n`);
    expect((await testConnection(settings, session)).kind).toBe('host_key_changed');
    // And pinning refuses to touch it without consent.
    const before = readFileSync(join(home, '.ssh', 'known_hosts'));
    await expect(pinHostKeys(settings, false)).rejects.toThrow('does not match');
    expect(readFileSync(join(home, '.ssh', 'known_hosts')).equals(before)).toBe(true);
    expect((await checkHostKeys(settings)).mismatches).toHaveLength(1);
  });

  it('refused on a closed port, dns on a name that does not resolve', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    expect((await testConnection({ ...settings, sshPort: closed }, session)).kind).toBe('refused');
    expect((await testConnection({ ...settings, sshHost: 'nonexistent.invalid' }, session)).kind).toBe('dns');
  });

  it('timeout when the server never speaks, and cancelled on abort', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    const timedOut = await testConnection({ ...settings, sshPort: port }, session, {
      connectTimeoutSeconds: 1,
    });
    expect(timedOut.kind).toBe('timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const cancelled = await testConnection({ ...settings, sshPort: port }, session, {
      connectTimeoutSeconds: 5,
      signal: controller.signal,
    });
    expect(cancelled.kind).toBe('cancelled');
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('ssh missing when ssh is not on PATH', async () => {
    const verdict = await testConnection(settings, session, { env: { PATH: join(home, 'empty') } });
    expect(verdict.kind).toBe('ssh_missing');
  });

  it.skipIf(!POSIX_MODES)('ignores a private key others can read, as ssh does (POSIX modes)', async () => {
    const key = await generateKey(home, { name: 'id_ed25519', comment: '', passphrase: null });
    chmodSync(key.privatePath, 0o644);
    const listed = await listKeys(home);
    expect(listed.keys[0]?.problems.map((problem) => problem.code)).toContain('unprotected');
    const real = spawnSync('ssh-keygen', ['-y', '-f', key.privatePath], { encoding: 'utf8' });
    expect(real.stderr).toContain('UNPROTECTED PRIVATE KEY FILE');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../main/ipc/handlers';
import { createSession, disposeSession } from '../../../main/ipc/session';
import { resolveSettings } from '../../../main/settings';
import { sshHandlers } from '../../../main/ssh/handlers';

// The passphrase must never reach a command line or an environment of any process, a reply, or
// a file in plain text. A separate poller process (so it keeps polling while this thread is
// busy) reads every /proc/PID/cmdline and /proc/PID/environ every 5 ms while the app generates
// a key and loads it into the agent, and appends each hit to a file. It gets the secret on
// stdin (an argument or variable would itself be a leak), and a positive control proves it
// sees a secret put in a `sleep 2`'s argv and environment.

const POLLER = `
const fs = require('node:fs');
const hitsFile = process.argv[1];
let secret = '';
let scans = 0;
const seen = new Set();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { secret += d; });
process.stdin.on('end', () => {
  const needle = Buffer.from(secret, 'utf8');
  const scan = () => {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
      for (const part of ['cmdline', 'environ']) {
        let bytes;
        try { bytes = fs.readFileSync('/proc/' + pid + '/' + part); } catch { continue; }
        if (!bytes.includes(needle)) continue;
        const key = part + ':' + pid;
        if (seen.has(key)) continue;
        seen.add(key);
        let comm = '?';
        try { comm = fs.readFileSync('/proc/' + pid + '/comm', 'utf8').trim(); } catch {}
        fs.appendFileSync(hitsFile, JSON.stringify({ part, pid: Number(pid), comm }) + '\\n');
      }
    }
    scans += 1;
  };
  const timer = setInterval(scan, 5);
  process.on('message', (m) => {
    if (m === 'scans') process.send({ scans });
    if (m === 'stop') { clearInterval(timer); process.exit(0); }
  });
  scan();
  process.send({ scans });
});
`;

interface Hit {
  readonly part: 'cmdline' | 'environ';
  readonly pid: number;
  readonly comm: string;
}

// Unique per run, so a hit can only come from this test.
const secret = `leak-canary ${crypto.randomUUID()} ${Date.now().toString(36)}`;
let root: string;
let home: string;
let hitsFile: string;
let poller: ChildProcess;
let agent: ChildProcess;
let context: HandlerContext;
const table = sshHandlers() as unknown as HandlerTable;
let controlPid = -1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hits(): Hit[] {
  if (!existsSync(hitsFile)) return [];
  return readFileSync(hitsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Hit);
}

/** Hits from anything but the positive control. */
const realHits = (): Hit[] => hits().filter((hit) => hit.pid !== controlPid);

function scans(): Promise<number> {
  return new Promise((resolve) => {
    poller.once('message', (message) => resolve((message as { scans: number }).scans));
    poller.send('scans');
  });
}

/** Runs one phase and checks the poller was scanning all along, finishing with a few more scans. */
async function watched<T>(phase: () => Promise<T>): Promise<{ value: T; scansDuring: number }> {
  const before = await scans();
  const value = await phase();
  await sleep(40);
  return { value, scansDuring: (await scans()) - before };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => {
      try {
        return statSync(path).isFile(); // never a FIFO or socket: reading one would block
      } catch {
        return false;
      }
    });
}

const askpassDirs = (): string[] =>
  readdirSync(tmpdir())
    .filter((name) => name.startsWith('hfgd-askpass-'))
    .map((name) => join(tmpdir(), name));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-leak-'));
  home = join(root, 'home');
  mkdirSync(home);
  hitsFile = join(root, 'hits.jsonl');
  writeFileSync(hitsFile, '');
  const socket = join(root, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } });
  while (!existsSync(socket)) await sleep(10);
  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_SSH_HOST: '127.0.0.1:1' }),
    session: createSession({ SSH_AUTH_SOCK: socket }),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
  poller = spawn(process.execPath, ['-e', POLLER, hitsFile], {
    stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
    env: { PATH: process.env.PATH },
  });
  const ready = new Promise((resolve) => poller.once('message', resolve));
  poller.stdin?.end(secret);
  await ready;
});

afterAll(() => {
  if (poller?.connected) poller.send('stop');
  poller?.kill();
  agent?.kill();
  if (context) disposeSession(context.session);
  rmSync(root, { recursive: true, force: true });
});

describe('the passphrase does not leak', () => {
  it('positive control: the poller sees the passphrase in a `sleep 2` argv and environment', async () => {
    const exposed = spawn('sleep', ['2'], {
      argv0: `sleep ${secret}`,
      env: { PATH: process.env.PATH, CANARY: secret },
      stdio: 'ignore',
    });
    controlPid = exposed.pid ?? -1;
    expect(controlPid).toBeGreaterThan(0);
    const gone = new Promise((resolve) => exposed.once('exit', resolve));
    const deadline = Date.now() + 1500;
    const seen = () =>
      new Set(
        hits()
          .filter((hit) => hit.pid === controlPid)
          .map((hit) => hit.part),
      );
    while (seen().size < 2 && Date.now() < deadline) await sleep(5);
    expect([...seen()].sort()).toEqual(['cmdline', 'environ']);
    exposed.kill();
    await gone;
    await sleep(30);
    expect(realHits()).toEqual([]);
  });

  it('(a) not while generating a protected key', async () => {
    expect(controlPid).toBeGreaterThan(0);
    const { value, scansDuring } = await watched(() =>
      dispatch(table, 'generateKey', { name: 'id_ed25519', comment: 'alice', passphrase: secret }, context),
    );
    expect(value).toMatchObject({ ok: true, value: { name: 'id_ed25519', passphraseProtected: true } });
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(scansDuring).toBeGreaterThanOrEqual(5);
    expect(realHits()).toEqual([]);
  });

  // Before the right one: once the key is in the agent, addKeyToAgent answers "already loaded"
  // without asking for the passphrase at all.
  it('(c) not on a wrong passphrase (which contains the real one)', async () => {
    const { value, scansDuring } = await watched(() =>
      dispatch(table, 'addKeyToAgent', { name: 'id_ed25519', passphrase: `${secret}-wrong` }, context),
    );
    expect(value).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(scansDuring).toBeGreaterThanOrEqual(5);
    expect(realHits()).toEqual([]);
  });

  it('(b) not while loading the key into the agent', async () => {
    const { value, scansDuring } = await watched(() =>
      dispatch(table, 'addKeyToAgent', { name: 'id_ed25519', passphrase: secret }, context),
    );
    expect(value).toMatchObject({ ok: true, value: { keyName: 'id_ed25519', alreadyLoaded: false } });
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(scansDuring).toBeGreaterThanOrEqual(5);
    const listed = await dispatch(table, 'listKeys', null, context);
    expect(listed.ok).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(realHits()).toEqual([]);
  });

  it('not in any file under the temp home or an askpass folder afterwards', () => {
    const files = [...filesUnder(home), ...askpassDirs().flatMap(filesUnder)];
    expect(files.some((path) => path.endsWith('id_ed25519'))).toBe(true);
    const needle = Buffer.from(secret, 'utf8');
    for (const file of files) {
      expect(readFileSync(file).includes(needle), file).toBe(false);
    }
    // The key on disk is the encrypted kind, not a plain one with the passphrase beside it.
    expect(readFileSync(join(home, '.ssh', 'id_ed25519'), 'utf8')).toContain('OPENSSH PRIVATE KEY');
    expect(realHits()).toEqual([]);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { createSession, disposeSession } from '../../../../main/core/session';
import { resolveSettings } from '../../../../main/core/settings';
import { sshHandlers } from '../../../../main/features/ssh/handlers';
import { startProcPoller, type ProcPoller } from '../../../support/proc-poller';
import { PROCFS } from '../../../support/platform';

// The passphrase must never reach a command line or an environment of any process, a reply, or
// a file in plain text. test/support/proc-poller.ts watches every process's cmdline and environ
// while the app generates a key and loads it into the agent; its positive control proves it
// sees a secret put in a `sleep 2`'s argv and environment.

// Unique per run, so a hit can only come from this test.
const secret = `leak-canary ${crypto.randomUUID()} ${Date.now().toString(36)}`;
let root: string;
let home: string;
let poller: ProcPoller;
let agent: ChildProcess;
let context: HandlerContext;
const table = sshHandlers() as unknown as HandlerTable;
let controlSeen = false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  if (!PROCFS) return;
  root = mkdtempSync(join(tmpdir(), 'hfgd-leak-'));
  home = join(root, 'home');
  mkdirSync(home);
  const socket = join(root, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } });
  while (!existsSync(socket)) await sleep(10);
  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_SSH_HOST: '127.0.0.1:1' }),
    env: process.env,
    session: createSession({ SSH_AUTH_SOCK: socket }),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
  poller = await startProcPoller(secret, join(root, 'hits.jsonl'));
});

afterAll(() => {
  poller?.stop();
  agent?.kill();
  if (context) disposeSession(context.session);
  if (root) rmSync(root, { recursive: true, force: true });
});

// Linux only: the poller reads /proc (PROCFS), and the askpass it watches is a FIFO.
describe.skipIf(!PROCFS)('the passphrase does not leak (Linux: /proc)', () => {
  it('positive control: the poller sees the passphrase in a `sleep 2` argv and environment', async () => {
    expect(await poller.positiveControl()).toEqual(['cmdline', 'environ']);
    controlSeen = true;
    expect(poller.realHits()).toEqual([]);
  });

  it('(a) not while generating a protected key', async () => {
    expect(controlSeen).toBe(true);
    const { value, scansDuring } = await poller.watched(() =>
      dispatch(table, 'generateKey', { name: 'id_ed25519', comment: 'alice', passphrase: secret }, context),
    );
    expect(value).toMatchObject({ ok: true, value: { name: 'id_ed25519', passphraseProtected: true } });
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(scansDuring).toBeGreaterThanOrEqual(5);
    expect(poller.realHits()).toEqual([]);
  });

  // Before the right one: once the key is in the agent, addKeyToAgent answers "already loaded"
  // without asking for the passphrase at all.
  it('(c) not on a wrong passphrase (which contains the real one)', async () => {
    const { value, scansDuring } = await poller.watched(() =>
      dispatch(table, 'addKeyToAgent', { name: 'id_ed25519', passphrase: `${secret}-wrong` }, context),
    );
    expect(value).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(scansDuring).toBeGreaterThanOrEqual(5);
    expect(poller.realHits()).toEqual([]);
  });

  it('(b) not while loading the key into the agent', async () => {
    const { value, scansDuring } = await poller.watched(() =>
      dispatch(table, 'addKeyToAgent', { name: 'id_ed25519', passphrase: secret }, context),
    );
    expect(value).toMatchObject({ ok: true, value: { keyName: 'id_ed25519', alreadyLoaded: false } });
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(scansDuring).toBeGreaterThanOrEqual(5);
    const listed = await dispatch(table, 'listKeys', null, context);
    expect(listed.ok).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(poller.realHits()).toEqual([]);
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
    expect(poller.realHits()).toEqual([]);
  });
});

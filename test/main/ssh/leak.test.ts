import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../main/ipc/handlers';
import { createSession, disposeSession } from '../../../main/ipc/session';
import { resolveSettings } from '../../../main/settings';
import { sshHandlers } from '../../../main/ssh/handlers';

// The passphrase must never reach a command line or an environment of any process, a reply, or
// a file in plain text. A separate poller process reads every /proc/PID/cmdline and environ
// every few milliseconds while the app generates a key and loads it into the agent. It gets the
// secret on stdin (an argument or variable would itself be a leak), and a positive control
// proves it would have seen one.

const POLLER = `
const fs = require('node:fs');
let secret = '';
const hits = new Set();
process.stdin.on('data', (d) => { secret += d; });
process.stdin.on('end', () => {
  const needle = Buffer.from(secret);
  const scan = () => {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\\d+$/.test(pid) || Number(pid) === process.pid) continue;
      for (const part of ['cmdline', 'environ']) {
        try {
          if (fs.readFileSync('/proc/' + pid + '/' + part).includes(needle)) hits.add(part + ':' + pid);
        } catch {}
      }
    }
  };
  const timer = setInterval(scan, 3);
  process.on('message', (m) => {
    if (m === 'report') { scan(); process.send([...hits]); hits.clear(); }
    if (m === 'stop') { clearInterval(timer); process.exit(0); }
  });
  process.send('ready');
});
`;

const secret = `leak-canary-${Math.random().toString(36).slice(2)}-${Date.now()}`;
let poller: ChildProcess;
let agent: ChildProcess;
let home: string;
let context: HandlerContext;
const table = sshHandlers() as unknown as HandlerTable;

function report(): Promise<string[]> {
  return new Promise((resolve) => {
    poller.once('message', (hits) => resolve(hits as string[]));
    poller.send('report');
  });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'hfgd-leak-'));
  const socket = join(home, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  while (!existsSync(socket)) await new Promise((resolve) => setTimeout(resolve, 10));
  context = {
    settings: resolveSettings({ HFGD_HOME: join(home, 'user') }),
    session: createSession({ SSH_AUTH_SOCK: socket }),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
  poller = spawn(process.execPath, ['-e', POLLER], { stdio: ['pipe', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise((resolve) => poller.once('message', resolve));
  poller.stdin?.end(secret);
  await ready;
});

afterAll(() => {
  poller.send('stop');
  agent.kill();
  disposeSession(context.session);
  rmSync(home, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('the passphrase does not leak', () => {
  it('positive control: the poller sees a secret put on a command line and in an environment', async () => {
    const exposed = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)', secret], {
      env: { CANARY: secret },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const hits = await report();
    const gone = new Promise((resolve) => exposed.once('exit', resolve));
    exposed.kill();
    await gone;
    await report(); // forget the control's hits
    expect(hits.some((hit) => hit.startsWith('cmdline:'))).toBe(true);
    expect(hits.some((hit) => hit.startsWith('environ:'))).toBe(true);
  });

  it('not while generating, checking and loading a key, nor on a wrong passphrase', async () => {
    const replies: unknown[] = [];
    replies.push(
      await dispatch(table, 'generateKey', { name: 'id_ed25519', comment: 'c', passphrase: secret }, context),
    );
    replies.push(
      await dispatch(table, 'addKeyToAgent', { name: 'id_ed25519', passphrase: `${secret}-wrong` }, context),
    );
    replies.push(await dispatch(table, 'addKeyToAgent', { name: 'id_ed25519', passphrase: secret }, context));
    replies.push(await dispatch(table, 'listKeys', null, context));
    expect(replies.map((reply) => (reply as { ok: boolean }).ok)).toEqual([true, false, true, true]);
    expect(await report()).toEqual([]);
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(secret);
    // Only the encrypted key holds anything derived from it; no file holds it in plain text.
    for (const file of filesUnder(home).filter((path) => !path.endsWith('agent.sock'))) {
      expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
    }
  });
});

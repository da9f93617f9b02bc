import type * as childProcess from 'node:child_process';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { createSession, disposeSession } from '../../../../main/core/session';
import { run, spawnCounter } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { sshHandlers } from '../../../../main/features/ssh/handlers';

// The renderer is the untrusted side: every field of the SSH operations is checked in main
// before anything runs. Each bad value below, put into an otherwise valid request, must be
// refused with a message naming the field, with no process started and nothing written.

// Every way main could start a process, counted (spawnCounter only sees run(); agent.ts calls
// spawn itself). The real functions still run, so the positive control below can prove it.
const started = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof childProcess>();
  const counted = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      started.count += 1;
      return fn(...args);
    }) as F;
  const mocked = {
    ...actual,
    spawn: counted(actual.spawn),
    spawnSync: counted(actual.spawnSync),
    exec: counted(actual.exec),
    execSync: counted(actual.execSync),
    execFile: counted(actual.execFile),
    execFileSync: counted(actual.execFileSync),
    fork: counted(actual.fork),
  };
  return { ...mocked, default: mocked };
});

let root: string;
let home: string;
let agent: ChildProcess;
let context: HandlerContext;
const table = sshHandlers() as unknown as HandlerTable;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-bad-input-'));
  home = join(root, 'home');
  mkdirSync(home);
  // An agent of the test's own, outside the watched home: a request that slipped through would
  // talk to it, never to the real one, and never make the app start one.
  const socket = join(root, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } });
  while (!existsSync(socket)) await new Promise((resolve) => setTimeout(resolve, 10));
  context = {
    // A closed loopback port: a connection test that slipped through would never reach a real host.
    settings: resolveSettings({ HFGD_HOME: home, HFGD_SSH_HOST: '127.0.0.1:1' }),
    env: process.env,
    session: createSession({ SSH_AUTH_SOCK: socket }),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});

afterAll(() => {
  agent?.kill();
  if (context) disposeSession(context.session);
  rmSync(root, { recursive: true, force: true });
});

/** Everything under the temp home, recursively. */
function written(): string[] {
  return readdirSync(home, { recursive: true, encoding: 'utf8' }).sort();
}

const HUGE = 'a'.repeat(1024 * 1024);

/** Values that are wrong for any string field. */
const NOT_STRINGS: readonly unknown[] = [
  0,
  42,
  -1,
  NaN,
  Infinity,
  true,
  false,
  {},
  [],
  ['id_ed25519'],
  { toString: 'x' },
  { name: 'x' },
];

const BAD_NAMES: readonly unknown[] = [
  '',
  ' ',
  '   ',
  '\t',
  '.',
  '..',
  'a..b',
  '../id_ed25519',
  '../../etc/passwd',
  '/etc/passwd',
  '/',
  'keys/id_ed25519',
  'keys\\id_ed25519',
  '~',
  '~/x',
  '-oProxyCommand=x',
  '-oProxyCommand=touch /tmp/pwned',
  '-',
  '--',
  '.hidden',
  '_id',
  'id_ed25519.pub',
  'x.pub',
  'id\u0000ed',
  '\u0000',
  'id\ned',
  'id\red',
  'id\r\ned',
  'id\n',
  'id\ted',
  'id ed',
  'id\u0001',
  'id\u001b[31m',
  'id\u007f',
  'id\u0085',
  'id\u200b',
  'id\u202e',
  'ключ',
  'id;rm -rf ~',
  ';rm -rf ~',
  '$(id)',
  'id$(id)',
  '`id`',
  'id`id`',
  'id|cat',
  'id&&id',
  'id>x',
  "id'x",
  'id"x',
  'id*',
  'id?',
  'a'.repeat(65),
  'a'.repeat(4096),
  HUGE,
  null,
  undefined,
  ...NOT_STRINGS,
];

// A comment may hold any printable text (spaces, slashes, $ and all): only control characters,
// length and type are wrong.
const BAD_COMMENTS: readonly unknown[] = [
  'a\nb',
  'a\rb',
  'a\r\nb',
  'a\u0000b',
  '\u0000',
  '\n',
  'a\tb',
  '\t',
  'a\u0001b',
  'a\u0007b',
  'a\u0008b',
  'a\u001bb',
  'a\u001fb',
  'a\u007fb',
  'ok\nIdentityFile /etc/shadow',
  'ok\r\nHost *\r\n  ProxyCommand x',
  ';rm -rf ~\n',
  '$(id)\r',
  '`id`\u0000',
  'x'.repeat(255),
  HUGE,
  null,
  undefined,
  ...NOT_STRINGS,
];

// A passphrase may hold spaces, tabs and any symbol; null is the explicit "none".
const BAD_PASSPHRASES: readonly unknown[] = [
  '',
  '\u0000',
  '\n',
  '\r',
  '\r\n',
  'a\u0000b',
  'pass\nword',
  'pass\rword',
  'pass\r\nword',
  'secret\n',
  '\nsecret',
  'secret\u0000',
  '$(id)\n',
  '`id`\u0000',
  ';rm -rf ~\r\n',
  'p'.repeat(1025),
  HUGE,
  undefined,
  ...NOT_STRINGS,
  { passphrase: 'x' },
  ['x'],
];

const BAD_RUN_IDS: readonly unknown[] = [
  '',
  ' ',
  '   ',
  '\t',
  'a b',
  'a\tb',
  'a/b',
  '/tmp/x',
  '.',
  '..',
  '../x',
  '../../etc/passwd',
  '-x',
  '-oProxyCommand=x',
  'a_b',
  'a.b',
  'x.pub',
  'x'.repeat(65),
  HUGE,
  'id\u0000',
  'id\n',
  'id\r',
  'id\r\n',
  'id\u001b',
  'id\u0085',
  'id\u202e',
  'ü',
  'run;rm -rf ~',
  '$(id)',
  '`id`',
  'run|x',
  null,
  undefined,
  ...NOT_STRINGS,
];

const BAD_BOOLEANS: readonly unknown[] = [
  'true',
  'false',
  'TRUE',
  'yes',
  'no',
  '1',
  '0',
  '',
  ' ',
  'replace',
  '\u0000',
  '$(id)',
  '-oProxyCommand=x',
  '../../etc/passwd',
  HUGE,
  1,
  0,
  -1,
  NaN,
  null,
  undefined,
  {},
  [],
  [true],
  { value: true },
  new Date(0).toISOString(),
];

/** A printable name for any value, even ones that refuse to become strings. */
function label(value: unknown): string {
  if (value === undefined) return 'undefined (missing)';
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 40);
  } catch {
    return typeof value;
  }
}

interface Field {
  readonly operation: string;
  readonly field: string;
  readonly base: Readonly<Record<string, unknown>>;
  readonly values: readonly unknown[];
}

const KEYGEN_BASE = { name: 'id_ok', comment: 'alice@example.com', passphrase: null };
const AGENT_BASE = { name: 'id_ok', passphrase: null };

const FIELDS: readonly Field[] = [
  { operation: 'generateKey', field: 'name', base: KEYGEN_BASE, values: BAD_NAMES },
  { operation: 'generateKey', field: 'comment', base: KEYGEN_BASE, values: BAD_COMMENTS },
  { operation: 'generateKey', field: 'passphrase', base: KEYGEN_BASE, values: BAD_PASSPHRASES },
  { operation: 'addKeyToAgent', field: 'name', base: AGENT_BASE, values: BAD_NAMES },
  { operation: 'addKeyToAgent', field: 'passphrase', base: AGENT_BASE, values: BAD_PASSPHRASES },
  { operation: 'configureSsh', field: 'name', base: { name: 'id_ok' }, values: BAD_NAMES },
  {
    operation: 'pinHostKeys',
    field: 'replaceMismatched',
    base: { replaceMismatched: false },
    values: BAD_BOOLEANS,
  },
  { operation: 'testConnection', field: 'runId', base: { runId: 'run-1' }, values: BAD_RUN_IDS },
  { operation: 'cancelConnectionTest', field: 'runId', base: { runId: 'run-1' }, values: BAD_RUN_IDS },
];

/** Sends one request; expects it refused as invalid input naming `field`, with nothing run or written. */
async function expectRefused(
  operation: string,
  payload: unknown,
  field: string,
  what: string,
): Promise<void> {
  const spawnsBefore = spawnCounter.count;
  const startedBefore = started.count;
  const result = await dispatch(table, operation, payload, context);
  expect(result.ok, what).toBe(false);
  if (!result.ok) {
    expect(result.error.code, what).toBe('invalid_input');
    expect(result.error.message, what).toContain(field);
    // The message names the field; it does not echo a megabyte back.
    expect(result.error.message.length, what).toBeLessThan(600);
  }
  expect(spawnCounter.count, `${what}: a process was run`).toBe(spawnsBefore);
  expect(started.count, `${what}: a process was started`).toBe(startedBefore);
  expect(written(), `${what}: something was written`).toEqual([]);
}

describe('bad input to the SSH operations', () => {
  it('positive controls: the valid base requests pass the schemas, and a started process is counted', async () => {
    for (const { operation, base } of FIELDS) {
      expect(table[operation as keyof HandlerTable].schema.safeParse(base).success, operation).toBe(true);
    }
    const before = { run: spawnCounter.count, spawn: started.count };
    const outcome = await run('true', [], { env: { PATH: process.env.PATH }, timeoutMs: 5000 });
    expect(outcome.exitCode).toBe(0);
    expect(spawnCounter.count).toBe(before.run + 1);
    expect(started.count).toBe(before.spawn + 1);
    expect(written()).toEqual([]);
  });

  for (const { operation, field, base, values } of FIELDS) {
    it(`${operation}.${field}: ${values.length} bad values, each refused naming the field, nothing run or written`, async () => {
      expect(values.length).toBeGreaterThanOrEqual(20);
      for (const value of values) {
        const payload: Record<string, unknown> = { ...base, [field]: value };
        if (value === undefined) delete payload[field];
        await expectRefused(operation, payload, field, `${operation}.${field} = ${label(value)}`);
        // An explicit undefined is not the same object shape as a missing key: try both.
        if (value === undefined) {
          await expectRefused(
            operation,
            { ...base, [field]: undefined },
            field,
            `${operation}.${field} = undefined`,
          );
        }
      }
    });
  }

  it('refuses every request with a field missing, naming that field', async () => {
    for (const { operation, field, base } of FIELDS) {
      const payload: Record<string, unknown> = { ...base };
      delete payload[field];
      await expectRefused(operation, payload, field, `${operation} without ${field}`);
    }
  });

  it('refuses requests that are not objects at all', async () => {
    const operations = [...new Set(FIELDS.map(({ operation }) => operation))];
    for (const operation of operations) {
      for (const payload of [null, undefined, 'id_ok', 42, true, [], [{ name: 'id_ok' }], HUGE]) {
        await expectRefused(operation, payload, 'request', `${operation}(${label(payload)})`);
      }
    }
  });

  it('refuses extra fields, naming them, so nothing can be smuggled next to a valid request', async () => {
    const smuggled: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
      ['generateKey', { ...KEYGEN_BASE, path: '/etc' }, 'path'],
      ['generateKey', { ...KEYGEN_BASE, home: '/tmp' }, 'home'],
      ['generateKey', { ...KEYGEN_BASE, overwrite: true }, 'overwrite'],
      ['addKeyToAgent', { ...AGENT_BASE, env: { SSH_ASKPASS: '/bin/sh' } }, 'env'],
      ['addKeyToAgent', { ...AGENT_BASE, privatePath: '/etc/shadow' }, 'privatePath'],
      ['configureSsh', { name: 'id_ok', host: 'evil.example' }, 'host'],
      ['configureSsh', { name: 'id_ok', proxyCommand: 'sh' }, 'proxyCommand'],
      ['pinHostKeys', { replaceMismatched: false, hostKeys: ['ssh-ed25519 AAAA'] }, 'hostKeys'],
      ['testConnection', { runId: 'r', host: 'evil.example' }, 'host'],
      ['testConnection', { runId: 'r', args: ['-oProxyCommand=x'] }, 'args'],
      ['cancelConnectionTest', { runId: 'r', signal: 'SIGKILL' }, 'signal'],
      ['listKeys', { home: '/etc' }, 'request'],
    ];
    for (const [operation, payload, field] of smuggled) {
      await expectRefused(operation, payload, field, `${operation} with extra ${field}`);
    }
  });

  it('refuses a prototype-polluting key', async () => {
    const payload = JSON.parse('{"name":"id_ok","__proto__":{"polluted":true}}') as unknown;
    await expectRefused('configureSsh', payload, '__proto__', 'configureSsh with __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

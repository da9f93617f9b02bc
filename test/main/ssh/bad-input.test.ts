import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../main/ipc/handlers';
import { createSession } from '../../../main/ipc/session';
import { spawnCounter } from '../../../main/process/run';
import { resolveSettings } from '../../../main/settings';
import { sshHandlers } from '../../../main/ssh/handlers';

// The renderer is the untrusted side: every field of the SSH operations is checked in main
// before anything runs. Each bad value below must be refused with a message naming the field,
// with no process spawned and nothing written.

const home = mkdtempSync(join(tmpdir(), 'hfgd-bad-input-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const table = sshHandlers() as unknown as HandlerTable;
const context: HandlerContext = {
  settings: resolveSettings({ HFGD_HOME: home }),
  session: createSession({}),
  emit: () => undefined,
  openExternal: async () => undefined,
};

const HUGE = 'a'.repeat(1024 * 1024);
/** Values that are wrong for any string field. */
const NOT_STRINGS: readonly unknown[] = [42, true, {}, [], ['id_ed25519'], { toString: 'x' }, Infinity];

const BAD_NAMES: readonly unknown[] = [
  '',
  ' ',
  '..',
  '../id_ed25519',
  '../../etc/passwd',
  '/etc/passwd',
  'keys/id_ed25519',
  '-oProxyCommand=touch',
  '-',
  '.hidden',
  'id_ed25519.pub',
  'id\u0000ed',
  'id\ned',
  'id\red',
  'id\ted',
  'id ed',
  'id;rm -rf ~',
  '$(id)',
  '`id`',
  'id|cat',
  'id*',
  'ключ',
  HUGE,
  'a'.repeat(65),
  null,
  undefined,
  ...NOT_STRINGS,
];

const BAD_COMMENTS: readonly unknown[] = [
  'a\nb',
  'a\rb',
  'a\r\nb',
  'a\u0000b',
  'a\u0007b',
  'a\u001bb',
  'a\u007fb',
  'a\tb',
  '\n',
  HUGE,
  'x'.repeat(255),
  'ok\nIdentityFile /etc/shadow',
  null,
  undefined,
  ...NOT_STRINGS,
  Symbol.for('x').toString().replace(/.*/, 'a\u0085\u0000'),
];

const BAD_PASSPHRASES: readonly unknown[] = [
  '',
  'a\nb',
  'a\rb',
  'a\r\nb',
  'a\u0000b',
  '\u0000',
  '\n',
  'secret\n',
  HUGE,
  'p'.repeat(1025),
  undefined,
  ...NOT_STRINGS,
  { passphrase: 'x' },
  ['x'],
  0,
  false,
];

const BAD_RUN_IDS: readonly unknown[] = [
  '',
  ' ',
  'a b',
  'a/b',
  '../x',
  '-x',
  'x'.repeat(65),
  'id\u0000',
  'id\n',
  'run;id',
  '$(id)',
  'ü',
  HUGE,
  null,
  undefined,
  ...NOT_STRINGS,
  -1,
];

const BAD_BOOLEANS: readonly unknown[] = [
  'true',
  'false',
  'yes',
  1,
  0,
  null,
  undefined,
  {},
  [],
  [true],
  'replace',
  '',
  NaN,
  -1,
  'TRUE',
  { value: true },
  HUGE,
  '1',
  '0',
  new Date(0).toISOString(),
];

/** A printable name for any value, even ones that refuse to become strings. */
function label(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 40) ?? String(value);
  } catch {
    return typeof value;
  }
}

interface Field {
  readonly operation: string;
  readonly field: string;
  readonly base: Record<string, unknown>;
  readonly values: readonly unknown[];
}

const FIELDS: readonly Field[] = [
  {
    operation: 'generateKey',
    field: 'name',
    base: { name: 'id_ok', comment: '', passphrase: null },
    values: BAD_NAMES,
  },
  {
    operation: 'generateKey',
    field: 'comment',
    base: { name: 'id_ok', comment: '', passphrase: null },
    values: BAD_COMMENTS,
  },
  {
    operation: 'generateKey',
    field: 'passphrase',
    base: { name: 'id_ok', comment: '', passphrase: null },
    values: BAD_PASSPHRASES,
  },
  { operation: 'addKeyToAgent', field: 'name', base: { name: 'id_ok', passphrase: null }, values: BAD_NAMES },
  {
    operation: 'addKeyToAgent',
    field: 'passphrase',
    base: { name: 'id_ok', passphrase: null },
    values: BAD_PASSPHRASES,
  },
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

describe('bad input to the SSH operations', () => {
  for (const { operation, field, base, values } of FIELDS) {
    it(`${operation}.${field}: ${values.length} bad values, each refused naming the field, nothing run or written`, async () => {
      expect(values.length).toBeGreaterThanOrEqual(20);
      const spawnsBefore = spawnCounter.count;
      for (const value of values) {
        const payload = { ...base, [field]: value };
        if (value === undefined) delete payload[field];
        const result = await dispatch(table, operation, payload, context);
        expect(result.ok, `${operation}.${field} = ${label(value)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message).toContain(field);
          expect(result.error.message.length).toBeLessThan(600);
        }
      }
      expect(spawnCounter.count).toBe(spawnsBefore);
      expect(readdirSync(home)).toEqual([]);
    });
  }

  it('refuses extra fields, so nothing can be smuggled next to a valid request', async () => {
    for (const [operation, payload] of [
      ['generateKey', { name: 'id_ok', comment: '', passphrase: null, path: '/etc' }],
      ['addKeyToAgent', { name: 'id_ok', passphrase: null, env: { SSH_ASKPASS: '/bin/sh' } }],
      ['configureSsh', { name: 'id_ok', host: 'evil.example' }],
      ['testConnection', { runId: 'r', host: 'evil.example' }],
      ['listKeys', { home: '/etc' }],
    ] as const) {
      const result = await dispatch(table, operation, payload, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(readdirSync(home)).toEqual([]);
  });
});

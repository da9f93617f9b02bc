import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/ipc/dispatch';
import { createSession } from '../../../../main/core/session';
import { resolveSettings } from '../../../../main/core/settings';
import { progressHandlers } from '../../../../main/features/app/progress-handlers';
import { loadProgress, saveProgress } from '../../../../main/features/app/progress-store';
import { POSIX_MODES } from '../../../support/platform';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfgd progress é-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('progress store', () => {
  it('starts fresh when nothing was saved', async () => {
    expect(await loadProgress(join(dir, 'data'))).toBeNull();
  });

  it('round-trips the step, method and key name, in a file only the user can read', async () => {
    const data = join(dir, 'data');
    await saveProgress(data, { step: 'copy', method: 'ssh', keyName: 'id_ed25519_hf' });
    expect(await loadProgress(data)).toEqual({ step: 'copy', method: 'ssh', keyName: 'id_ed25519_hf' });
    if (POSIX_MODES) {
      // Windows: permissions are ACLs, not modes.
      expect(statSync(join(data, 'progress.json')).mode & 0o777).toBe(0o600);
      expect(statSync(data).mode & 0o777).toBe(0o700);
    }
  });

  it('treats a damaged or foreign file as a fresh start', async () => {
    mkdirSync(join(dir, 'data'));
    for (const text of [
      '{',
      '[]',
      '{"step":"nowhere","method":"ssh","keyName":null}',
      '{"step":"copy","method":"ssh","keyName":"../x"}',
    ]) {
      writeFileSync(join(dir, 'data', 'progress.json'), text);
      expect(await loadProgress(join(dir, 'data'))).toBeNull();
    }
  });
});

describe('progress handlers', () => {
  const context = () => ({
    settings: resolveSettings({ HFGD_HOME: dir, HFGD_DATA_DIR: join(dir, 'data') }),
    env: process.env,
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  });
  const table = { ...progressHandlers } as never;

  for (const [name, request, field] of [
    ['an unknown step', { step: 'admin', method: 'ssh', keyName: null }, 'step'],
    ['a key name with a path', { step: 'copy', method: 'ssh', keyName: '../../etc/passwd' }, 'keyName'],
    ['a key name with a leading dash', { step: 'copy', method: 'ssh', keyName: '-oProxyCommand' }, 'keyName'],
    ['a key name with NUL', { step: 'copy', method: 'ssh', keyName: 'id\u0000x' }, 'keyName'],
    [
      'a passphrase smuggled in',
      { step: 'copy', method: 'ssh', keyName: null, passphrase: 'secret' },
      'passphrase',
    ],
    ['a 1 MB key name', { step: 'copy', method: 'ssh', keyName: 'a'.repeat(1 << 20) }, 'keyName'],
  ] as const) {
    it(`refuses ${name}, naming ${field}, and writes nothing`, async () => {
      const result = await dispatch(table, 'saveProgress', request, context());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(field);
      expect(() => readFileSync(join(dir, 'data', 'progress.json'))).toThrow();
    });
  }

  it('reports an unwritable data folder as a plain message, not a crash', async () => {
    writeFileSync(join(dir, 'data'), 'a file where the folder should be');
    const result = await dispatch(
      table,
      'saveProgress',
      { step: 'keys', method: 'ssh', keyName: null },
      context(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'file_unwritable' } });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../main/core/session';
import { resolveSettings } from '../../../main/core/settings';
import { createHandlerTable } from '../../../main/entry/handler-table';
import { dispatch, type HandlerContext } from '../../../main/ipc/dispatch';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../fake-hub';

// The entry's wiring across features that cannot import each other: "Forget this token" also
// forgets a token given for this run's API calls (the hub feature keeps it), and one Cancel
// reaches every kind of run. Through the full table, as both transports dispatch it.

let hub: FakeHub;
let home: string;
beforeAll(async () => {
  hub = await startFakeHub();
  home = mkdtempSync(join(tmpdir(), 'hfgd-table-'));
  mkdirSync(join(home, '.config'), { recursive: true });
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
});
afterAll(async () => {
  await hub.stop();
  rmSync(home, { recursive: true, force: true });
});

const table = createHandlerTable({
  appVersion: '0',
  transport: 'browser',
  os: 'debian',
  versions: { node: '20' },
});

describe('the handler table’s wiring', () => {
  it('forgetToken forgets the token used for this run’s API calls too', async () => {
    const context: HandlerContext = {
      settings: resolveSettings({
        HFGD_HOME: home,
        HF_ENDPOINT: hub.httpUrl,
        HFGD_DATA_DIR: join(home, 'data'),
      }),
      env: { PATH: process.env.PATH },
      session: createSession({}),
      emit: () => undefined,
      openExternal: async () => undefined,
    };
    const checked = await dispatch(table, 'checkToken', { token: ALICE_WRITE_TOKEN }, context);
    if (!checked.ok) throw new Error(checked.error.message);
    const { ref } = checked.value as { readonly ref: string };
    const used = await dispatch(table, 'useApiToken', { ref, save: false }, context);
    expect(used).toMatchObject({ ok: true, value: { source: 'session', user: 'alice' } });
    expect(await dispatch(table, 'forgetToken', null, context)).toMatchObject({ ok: true });
    const after = await dispatch(table, 'hubAccount', null, context);
    expect(after).toMatchObject({ ok: true, value: { source: null } });
  });

  it('cancelRepoRun answers for a run id no feature knows', async () => {
    const context: HandlerContext = {
      settings: resolveSettings({ HFGD_HOME: home, HF_ENDPOINT: hub.httpUrl }),
      env: {},
      session: createSession({}),
      emit: () => undefined,
      openExternal: async () => undefined,
    };
    const result = await dispatch(
      table,
      'cancelRepoRun',
      { runId: '00000000-0000-4000-8000-000000000000' },
      context,
    );
    expect(result).toEqual({ ok: true, value: null });
  });
});

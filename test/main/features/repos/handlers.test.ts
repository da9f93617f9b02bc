import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { resolveSettings } from '../../../../main/core/settings';

// The repository operations through dispatch, as both transports call them: input checks,
// the folder picker per transport, and refusals before any git runs.

let home: string;
let context: HandlerContext;
const table = repoHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown, ctx = context) => dispatch(table, operation, request, ctx);

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd-repo-handlers-'));
  writeFileSync(join(home, '.gitconfig'), '');
  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') }),
    env: process.env,
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('repository handlers', () => {
  it('reads an address, or says why not', async () => {
    expect(
      await call('parseRepo', { input: 'https://huggingface.co/datasets/a/b', kind: null }),
    ).toMatchObject({
      ok: true,
      value: { kind: 'dataset', path: 'datasets/a/b' },
    });
    expect(await call('parseRepo', { input: 'ext::sh -c x', kind: null })).toMatchObject({
      ok: false,
      error: { code: 'bad_repo_address' },
    });
  });

  it('refuses a clone from a bad address or into a folder with files, before git runs', async () => {
    expect(
      await call('cloneRepo', {
        runId: 'r1',
        input: 'file:///etc',
        kind: null,
        destination: home,
        revision: null,
        transport: 'https',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_repo_address' } });
    expect(
      await call('cloneRepo', {
        runId: 'r2',
        input: 'alice/m',
        kind: 'model',
        destination: home,
        revision: null,
        transport: 'https',
      }),
    ).toMatchObject({ ok: false, error: { code: 'destination_unusable' } });
    expect(
      await call('cloneRepo', {
        runId: '-x',
        input: 'alice/m',
        kind: 'model',
        destination: home,
        revision: null,
        transport: 'ftp',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('offers the folder picker only where there is one (the desktop app)', async () => {
    expect(await call('pickFolder', { title: 'Where?' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const desktop = { ...context, pickFolder: async (title: string) => `/picked/for/${title}` };
    expect(await call('pickFolder', { title: 'Where' }, desktop)).toEqual({
      ok: true,
      value: '/picked/for/Where',
    });
  });

  it('asks for a name and email before the first commit, and says when nothing is selected', async () => {
    const work = join(home, 'repo');
    await run('git', ['init', '--quiet', work], {
      env: { PATH: process.env.PATH, HOME: home },
      timeoutMs: 10_000,
    });
    writeFileSync(join(work, 'a.txt'), 'a\n');
    expect(await call('commitChanges', { path: work, message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'identity_needed' },
    });
    expect(await call('setIdentity', { name: 'Ada', email: 'not an email' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('setIdentity', { name: 'Ada', email: 'ada@example.com' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('commitChanges', { path: work, message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'nothing_to_commit' },
    });
    const staged = await call('stageFiles', { path: work, files: null });
    expect(staged).toMatchObject({ ok: true, value: { changes: [{ path: 'a.txt', staged: true }] } });
    expect(await call('commitChanges', { path: work, message: 'first' })).toMatchObject({
      ok: true,
      value: { changes: [] },
    });
    expect(await call('recentRepos', null)).toMatchObject({
      ok: true,
      value: [{ path: work, lastAction: 'committed' }],
    });
  });

  it('needs consent to rewrite commits, and refuses patterns that are options', async () => {
    expect(await call('migrateLfs', { path: home, pattern: '*.bin', consent: false })).toMatchObject({
      ok: false,
      error: { code: 'consent_needed' },
    });
    expect(await call('trackLfs', { path: home, pattern: '--force' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

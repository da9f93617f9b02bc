import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';

// Issue 16, item 12 (staging and identity), through the handlers as both transports call them,
// with real git in a temp repository: names are file names, never pathspecs, a long list fits,
// and an identity field cannot carry a web address or a token into every commit.

let root: string;
let work: string;
let context: HandlerContext;
const table = repoHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown) => dispatch(table, operation, request, context);

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-stage-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '');
  work = join(root, 'repo');
  await run('git', ['init', '--quiet', work], {
    env: { PATH: process.env.PATH, HOME: home },
    timeoutMs: 10_000,
  });
  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

type Staged = {
  readonly ok: true;
  readonly value: { readonly changes: readonly { path: string; staged: boolean }[] };
};
const stagedPaths = (result: unknown) =>
  (result as Staged).value.changes
    .filter((change) => change.staged)
    .map((change) => change.path)
    .sort();

describe('stageFiles', () => {
  it('reads each name as that file, never as pathspec magic', async () => {
    for (const name of ['a.txt', 'b.txt', ':(exclude)a.txt', '*.txt'])
      writeFileSync(join(work, name), `${name}\n`);
    const excluded = await call('stageFiles', { path: work, files: [':(exclude)a.txt'] });
    expect(excluded).toMatchObject({ ok: true });
    expect(stagedPaths(excluded)).toEqual([':(exclude)a.txt']);
    const star = await call('stageFiles', { path: work, files: ['*.txt'] });
    expect(stagedPaths(star)).toEqual(['*.txt', ':(exclude)a.txt']);
  });

  it('stages a list longer than a command line can hold (5,000 names of 460 characters)', async () => {
    // Linux caps a command line at ARG_MAX (2 MiB here, `getconf ARG_MAX`); this list is 2.3 MB.
    const folder = 'd'.repeat(200);
    mkdirSync(join(work, folder));
    const names = Array.from(
      { length: 5_000 },
      (_, index) => `${folder}/${String(index).padStart(4, '0')}-${'n'.repeat(250)}`,
    );
    for (const name of names) writeFileSync(join(work, name), '');
    const result = await call('stageFiles', { path: work, files: names });
    expect(result).toMatchObject({ ok: true });
    expect(stagedPaths(result)).toHaveLength(5_000);
  }, 120_000);
});

describe('setIdentity', () => {
  const refused = async (name: string, email: string) =>
    ((await call('setIdentity', { name, email })) as { ok: boolean; error?: { code: string } }).error?.code;

  it('refuses a web address or a token in the name or the email', async () => {
    expect(await refused('Ada', 'https://alice:hf_AbCdEfGhIjKlMnOpQrStUvWxYz01@huggingface.co')).toBe(
      'invalid_input',
    );
    expect(await refused('Ada', 'alice:hf_AbCdEfGhIjKl@huggingface.co')).toBe('invalid_input');
    expect(await refused('Ada', 'hf_AbCdEfGhIjKlMnOpQrSt@example.com')).toBe('invalid_input');
    expect(await refused('https://huggingface.co/ada', 'ada@example.com')).toBe('invalid_input');
    expect(await refused('Ada hf_AbCdEfGhIjKl', 'ada@example.com')).toBe('invalid_input');
    expect(await refused('www.ada.dev', 'ada@example.com')).toBe('invalid_input');
  });

  it('accepts a person’s name and address', async () => {
    expect(
      await call('setIdentity', { name: 'Ada Lovelace (hf_team)', email: 'ada.lovelace+hub@example.co.uk' }),
    ).toEqual({
      ok: true,
      value: null,
    });
  });
});

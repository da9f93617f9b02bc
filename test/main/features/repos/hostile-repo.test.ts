import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';

// Issue 16, item 11: a folder someone sends you must not run its commands when the app opens it.
// The repository's own .git/config names an fsmonitor program (git status runs it), a clean
// filter its .gitattributes sends files through (git status runs it for a file whose stat data
// changed), and a post-index-change hook (git status writes the refreshed index, and the hook
// runs: githooks(5)); a submodule has an fsmonitor of its own. Opening it through the repos
// state handler must leave no trace; the person's own commit still runs their hooks, as plain git.

let root: string;
let home: string;
let work: string;
let context: HandlerContext;
const table = repoHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown) => dispatch(table, operation, request, context);
const env = () => ({ PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' });

async function sh(cwd: string, args: readonly string[]): Promise<void> {
  const out = await run(
    'git',
    ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'protocol.file.allow=always', ...args],
    { cwd, env: env(), timeoutMs: 30_000 },
  );
  if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
}

const pwned = (name: string) => join(root, `PWNED-${name}`);
const trap = (name: string) => `touch '${pwned(name)}'`;
const hook = (dir: string, name: string, marker: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\ntouch '${join(root, marker)}'\n`);
  chmodSync(join(dir, name), 0o755);
};
/** Makes git see every tracked file's stat data as changed, so status re-reads them. */
const age = (...files: string[]) => {
  for (const file of files) utimesSync(file, new Date(), new Date(Date.now() + 5_000));
};

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-hostile-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
  const sub = join(root, 'sub');
  mkdirSync(sub);
  await sh(sub, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(sub, 's.txt'), 's\n');
  await sh(sub, ['add', '.']);
  await sh(sub, ['commit', '--quiet', '-m', 'sub']);

  work = join(root, 'sent');
  mkdirSync(work);
  await sh(work, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(work, '.gitattributes'), '*.txt filter=evil\n');
  writeFileSync(join(work, 'a.txt'), 'a\n');
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'one']);
  await sh(work, ['submodule', '--quiet', 'add', sub, 'sub']);
  await sh(work, ['commit', '--quiet', '-m', 'sub']);
  // What the sender planted, after the last commit of theirs.
  await sh(work, ['config', 'core.fsmonitor', trap('fsmonitor')]);
  await sh(work, ['config', 'filter.evil.clean', `${trap('clean')}; cat`]);
  await sh(work, ['config', 'filter.evil.required', 'true']);
  await sh(join(work, 'sub'), ['config', 'core.fsmonitor', trap('sub-fsmonitor')]);
  hook(join(work, '.git', 'hooks'), 'post-index-change', 'PWNED-hook');
  hook(join(work, '.git', 'hooks'), 'pre-commit', 'HOOKED-pre-commit');
  age(join(work, 'a.txt'), join(work, '.gitattributes'), join(work, 'sub', 's.txt'));
  writeFileSync(join(work, 'sub', 's.txt'), 'edited in the submodule\n');

  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const planted = ['fsmonitor', 'clean', 'sub-fsmonitor', 'hook'];

describe('a repository someone sent', () => {
  it('is planted so that plain git status runs its programs (the test can fail)', async () => {
    await sh(work, ['status', '--porcelain']);
    expect(planted.filter((name) => existsSync(pwned(name)))).toEqual([
      'fsmonitor',
      'clean',
      'sub-fsmonitor',
      'hook',
    ]);
  });

  it('opens through the state handler without running any of them', async () => {
    const opened = await call('repoState', { path: work });
    expect(opened).toMatchObject({ ok: true, value: { path: work } });
    // Twice: the first read may have refreshed the index.
    age(join(work, 'a.txt'));
    expect(await call('repoState', { path: work })).toMatchObject({ ok: true });
    expect(planted.filter((name) => existsSync(pwned(name)))).toEqual([]);
  });

  it('stages and commits as plain git would: the person’s own commit runs their hooks', async () => {
    writeFileSync(join(work, 'b.md'), 'b\n');
    expect(await call('stageFiles', { path: work, files: ['b.md'] })).toMatchObject({ ok: true });
    expect(await call('commitChanges', { path: work, message: 'mine' })).toMatchObject({ ok: true });
    expect(existsSync(join(root, 'HOOKED-pre-commit'))).toBe(true);
    expect(existsSync(pwned('fsmonitor'))).toBe(false);
  });
});

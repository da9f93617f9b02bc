import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../../main/core/session';
import { resolveSettings } from '../../../../../main/core/settings';
import { recoveryHandlers } from '../../../../../main/features/repos/recovery/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../../main/ipc/dispatch';
import { gitIn } from '../../../../support/random-tree';
import { makeWorld, type World } from './setup';

// Undo and Revert through dispatch: only the last unpushed commit is undone (its changes come
// back ticked, the commit stays in the reflog); a pushed one is reverted with a new commit.

let world: World;
let context: HandlerContext;
const table = recoveryHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown, ctx = context) => dispatch(table, operation, request, ctx);

beforeAll(async () => {
  world = await makeWorld('undo-revert');
  context = {
    settings: resolveSettings({ HFGD_HOME: world.home, HFGD_DATA_DIR: world.dataDir }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});
afterAll(() => world.cleanUp());

let count = 0;
/** A repository with two committed files on main. */
async function repo(): Promise<string> {
  count += 1;
  const path = join(world.root, `repo-${count}`);
  await gitIn(world.root, world.env, ['init', '--quiet', '--initial-branch=main', path]);
  writeFileSync(join(path, 'a.txt'), 'a\n');
  writeFileSync(join(path, 'b.txt'), 'b\n');
  await gitIn(path, world.env, ['add', '-A']);
  await gitIn(path, world.env, ['commit', '--quiet', '-m', 'base']);
  return path;
}
const sh = (path: string, ...args: string[]) => gitIn(path, world.env, args);
const head = async (path: string) => (await sh(path, 'rev-parse', 'HEAD')).trim();

describe('undo and revert', () => {
  it('says there is nothing to undo in a new repository', async () => {
    const path = join(world.root, 'empty');
    await gitIn(world.root, world.env, ['init', '--quiet', path]);
    expect(await call('undoCommit', { path })).toMatchObject({
      ok: false,
      error: { code: 'nothing_to_undo' },
    });
  });

  it('undoes the last commit with its changes ticked, and keeps it in the reflog', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'committed edit\n');
    await sh(path, 'commit', '--quiet', '-am', 'edit a');
    const undone = await head(path);
    expect(await call('undoCommit', { path })).toMatchObject({
      ok: true,
      value: { changes: [{ path: 'a.txt', staged: true }] },
    });
    expect(await sh(path, 'log', '--format=%s')).toBe('base\n');
    expect(await sh(path, 'reflog', '--format=%H')).toContain(undone);
  });

  it('undoes the very first commit: the branch has no commit again and every file is ticked', async () => {
    const path = join(world.root, 'first');
    await gitIn(world.root, world.env, ['init', '--quiet', '--initial-branch=main', path]);
    writeFileSync(join(path, 'only.txt'), 'first\n');
    await sh(path, 'add', '-A');
    await sh(path, 'commit', '--quiet', '-m', 'first');
    expect(await call('undoCommit', { path })).toMatchObject({
      ok: true,
      value: { changes: [{ path: 'only.txt', status: 'A ', staged: true }] },
    });
    expect(await call('undoCommit', { path })).toMatchObject({
      ok: false,
      error: { code: 'nothing_to_undo' },
    });
  });

  it('refuses to undo a pushed commit (Revert it instead) and a merge', async () => {
    const path = await repo();
    await sh(path, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    const pushed = await call('undoCommit', { path });
    expect(pushed).toMatchObject({ ok: false, error: { code: 'already_pushed' } });
    expect(JSON.stringify(pushed)).toContain('Revert it instead');
    await sh(path, 'switch', '--quiet', '-c', 'side');
    writeFileSync(join(path, 'side.txt'), 'side\n');
    await sh(path, 'add', '-A');
    await sh(path, 'commit', '--quiet', '-m', 'side');
    await sh(path, 'switch', '--quiet', 'main');
    writeFileSync(join(path, 'main.txt'), 'main\n');
    await sh(path, 'add', '-A');
    await sh(path, 'commit', '--quiet', '-m', 'main');
    await sh(path, 'merge', '--quiet', '--no-edit', 'side');
    const merge = await call('undoCommit', { path });
    expect(merge).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(JSON.stringify(merge)).toContain('merge');
  });

  it('reverts a pushed commit, a merge with -m 1, and refuses over ticked or touched changes', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'pushed edit\n');
    await sh(path, 'commit', '--quiet', '-am', 'edit a');
    const pushed = await head(path);
    await sh(path, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    writeFileSync(join(path, 'a.txt'), 'not committed\n');
    const touched = await call('revertCommit', { path, commit: pushed });
    expect(touched).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(JSON.stringify(touched)).toContain('a.txt');
    await sh(path, 'checkout', '--', 'a.txt');
    writeFileSync(join(path, 'b.txt'), 'ticked\n');
    await sh(path, 'add', 'b.txt');
    expect(await call('revertCommit', { path, commit: pushed })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    await sh(path, 'reset', '--quiet', 'b.txt');
    expect(await call('revertCommit', { path, commit: pushed })).toMatchObject({ ok: true });
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(path, 'b.txt'), 'utf8')).toBe('ticked\n');
    expect(await sh(path, 'log', '-1', '--format=%s')).toBe('Revert "edit a"\n');
    expect(await call('revertCommit', { path, commit: 'f'.repeat(40) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    await sh(path, 'checkout', '--', 'b.txt');
    await sh(path, 'switch', '--quiet', '-c', 'side');
    writeFileSync(join(path, 'side.txt'), 'side\n');
    await sh(path, 'add', '-A');
    await sh(path, 'commit', '--quiet', '-m', 'side');
    await sh(path, 'switch', '--quiet', 'main');
    await sh(path, 'merge', '--quiet', '--no-ff', '--no-edit', 'side');
    expect(await call('revertCommit', { path, commit: await head(path) })).toMatchObject({ ok: true });
    expect(existsSync(join(path, 'side.txt'))).toBe(false);
  });

  it('leaves a conflicting revert for the conflict flow (REVERT_HEAD)', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'first edit\n');
    await sh(path, 'commit', '--quiet', '-am', 'first edit');
    const first = await head(path);
    writeFileSync(join(path, 'a.txt'), 'second edit\n');
    await sh(path, 'commit', '--quiet', '-am', 'second edit');
    expect(await call('revertCommit', { path, commit: first })).toMatchObject({ ok: true });
    expect((await sh(path, 'rev-parse', 'REVERT_HEAD')).trim()).toBe(first);
    expect(await call('undoCommit', { path })).toMatchObject({
      ok: false,
      error: { code: 'operation_in_progress' },
    });
  });
});

import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../../main/core/session';
import { resolveSettings } from '../../../../../main/core/settings';
import { recoveryHandlers } from '../../../../../main/features/repos/recovery/handlers';
import { createBackup } from '../../../../../main/git/backup-branch';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../../main/ipc/dispatch';
import { gitIn } from '../../../../support/random-tree';
import { makeWorld, type World } from './setup';

// The recovery operations through dispatch, as both transports call them: each refusal has its
// own code and words, and each operation leaves the repository as it says.

let world: World;
let context: HandlerContext;
const table = recoveryHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown, ctx = context) => dispatch(table, operation, request, ctx);

beforeAll(async () => {
  world = await makeWorld('recovery-handlers');
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

describe('discard and restore', () => {
  it('refuses an empty list, a file that is not a change (naming it), and an id that is not one', async () => {
    const path = await repo();
    expect(await call('discardChanges', { path, files: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const missing = await call('discardChanges', { path, files: ['a.txt'] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(JSON.stringify(missing)).toContain('a.txt');
    expect(await call('restoreDiscarded', { path, id: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('restoreDiscarded', { path, id: '20261201T120000000-deadbeef' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call('discardChanges', { path: join(world.root, 'nowhere'), files: ['a'] })).toMatchObject({
      ok: false,
      error: { code: 'repo_unusable' },
    });
  });

  it('uses the desktop trash when there is one, lists the set, and restores it', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'mine\n');
    const trashed: string[] = [];
    const desktop: HandlerContext = {
      ...context,
      trashItem: async (file) => {
        trashed.push(file);
        rmSync(file);
      },
    };
    const discarded = await call('discardChanges', { path, files: ['a.txt'] }, desktop);
    expect(discarded).toMatchObject({
      ok: true,
      value: { discarded: { files: ['a.txt'], inTrash: true }, state: { changes: [] } },
    });
    expect(trashed).toEqual([join(path, 'a.txt')]);
    const listed = await call('recoveryList', { path });
    expect(listed).toMatchObject({ ok: true, value: { discarded: [{ files: ['a.txt'], inTrash: true }] } });
    const id = (listed as { value: { discarded: { id: string }[] } }).value.discarded[0]!.id;
    expect(await call('restoreDiscarded', { path, id })).toMatchObject({
      ok: true,
      value: { changes: [{ path: 'a.txt' }] },
    });
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('mine\n');
  });
});

describe('the recovery list and stashes', () => {
  it('lists stashes by commit (the app’s marked) and backups with their reason, newest first', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'one\n');
    await sh(path, 'stash', 'push', '--quiet', '-m', 'my own');
    writeFileSync(join(path, 'a.txt'), 'two\n');
    await sh(path, 'stash', 'push', '--quiet', '-m', 'hfgd: set aside before pull');
    const base = await head(path);
    await createBackup(
      world.git,
      path,
      base,
      'hfgd: backup before git lfs migrate',
      new Date('2026-11-30T10:00:00Z'),
    );
    await createBackup(world.git, path, base, 'hfgd: before restoring x', new Date('2026-11-30T11:00:00Z'));
    const listed = await call('recoveryList', { path });
    expect(listed).toMatchObject({
      ok: true,
      value: {
        stashes: [
          { message: 'On main: hfgd: set aside before pull', byApp: true },
          { message: 'On main: my own', byApp: false },
        ],
        backups: [
          {
            branch: 'hfgd-backup-20261130T110000.000',
            at: '2026-11-30T11:00:00.000Z',
            reason: 'before restoring x',
          },
          { branch: 'hfgd-backup-20261130T100000.000', reason: 'before git lfs migrate' },
        ],
      },
    });
    const stash = (listed as { value: { stashes: { commit: string }[] } }).value.stashes;
    expect(stash[0]!.commit).toBe((await sh(path, 'rev-parse', 'stash@{0}')).trim());
  });

  it('puts a stash back by commit id and drops it; refuses over changes it would overwrite', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'older\n');
    await sh(path, 'stash', 'push', '--quiet', '-m', 'older');
    writeFileSync(join(path, 'b.txt'), 'ticked\n');
    await sh(path, 'add', 'b.txt');
    await sh(path, 'stash', 'push', '--quiet', '-m', 'newer');
    const older = (await sh(path, 'rev-parse', 'stash@{1}')).trim();
    writeFileSync(join(path, 'a.txt'), 'in the way\n');
    const refused = await call('applyStash', { path, commit: older });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(JSON.stringify(refused)).toContain('a.txt');
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('in the way\n');
    await sh(path, 'checkout', '--', 'a.txt');
    expect(await call('applyStash', { path, commit: older })).toMatchObject({ ok: true });
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('older\n');
    expect(await sh(path, 'stash', 'list', '--format=%s')).toBe('On main: newer\n');
    await sh(path, 'checkout', '--', 'a.txt');
    const newer = (await sh(path, 'rev-parse', 'stash@{0}')).trim();
    expect(await call('applyStash', { path, commit: newer })).toMatchObject({ ok: true });
    // Ticked when set aside, ticked again.
    expect(await sh(path, 'status', '--porcelain')).toBe('M  b.txt\n');
    expect(await call('applyStash', { path, commit: newer })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('leaves a conflicting stash for the conflict flow and keeps it', async () => {
    const path = await repo();
    writeFileSync(join(path, 'a.txt'), 'set aside\n');
    await sh(path, 'stash', 'push', '--quiet', '-m', 'hfgd: set aside before pull');
    writeFileSync(join(path, 'a.txt'), 'committed since\n');
    await sh(path, 'commit', '--quiet', '-am', 'since');
    const stash = (await sh(path, 'rev-parse', 'stash@{0}')).trim();
    expect(await call('applyStash', { path, commit: stash })).toMatchObject({ ok: true });
    expect(await sh(path, 'ls-files', '--unmerged')).not.toBe('');
    expect((await sh(path, 'rev-parse', 'stash@{0}')).trim()).toBe(stash);
    expect(await call('applyStash', { path, commit: stash })).toMatchObject({
      ok: false,
      error: { code: 'operation_in_progress' },
    });
  });
});

describe('restore a backup', () => {
  it('refuses a branch that is not a backup, and one that is gone', async () => {
    const path = await repo();
    await sh(path, 'branch', 'feature');
    expect(await call('restoreBackup', { path, branch: 'feature' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await call('restoreBackup', { path, branch: 'hfgd-backup-20260101T000000.000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const backup = await createBackup(world.git, path, await head(path), 'hfgd: backup before a test');
    await sh(path, 'switch', '--quiet', backup);
    expect(await call('restoreBackup', { path, branch: backup })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
  });

  it('keeps the current commit as a new backup and the uncommitted edits, then moves the branch', async () => {
    const path = await repo();
    const saved = await head(path);
    const backup = await createBackup(world.git, path, saved, 'hfgd: backup before git lfs migrate');
    writeFileSync(join(path, 'b.txt'), 'rewritten\n');
    await sh(path, 'commit', '--quiet', '-am', 'rewritten');
    const rewritten = await head(path);
    writeFileSync(join(path, 'a.txt'), 'uncommitted\n');
    writeFileSync(join(path, 'new.txt'), 'untracked\n');
    expect(await call('restoreBackup', { path, branch: backup })).toMatchObject({ ok: true });
    expect(await head(path)).toBe(saved);
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('uncommitted\n');
    expect(readFileSync(join(path, 'new.txt'), 'utf8')).toBe('untracked\n');
    expect(readFileSync(join(path, 'b.txt'), 'utf8')).toBe('b\n');
    expect(await sh(path, 'stash', 'list')).toBe('');
    const listed = await call('recoveryList', { path });
    const backups = (listed as { value: { backups: { branch: string; reason: string }[] } }).value.backups;
    const kept = backups.find((entry) => entry.branch !== backup)!;
    expect(kept.reason).toBe(`before restoring ${backup}`);
    expect((await sh(path, 'rev-parse', kept.branch)).trim()).toBe(rewritten);
  });
});

describe('branches', () => {
  it('refuses a bad name in words, and one that exists; creates and switches with changes along', async () => {
    const path = await repo();
    const bad = await call('createBranch', { path, name: 'my branch?', switchTo: false });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_branch_name' } });
    expect((bad as { error: { message: string } }).error.message).toContain('a space, "?"');
    expect(await call('createBranch', { path, name: 'main', switchTo: true })).toMatchObject({
      ok: false,
      error: { code: 'branch_exists' },
    });
    writeFileSync(join(path, 'a.txt'), 'carried\n');
    expect(await call('createBranch', { path, name: 'fix/readme', switchTo: true })).toMatchObject({
      ok: true,
      value: { branch: 'fix/readme', changes: [{ path: 'a.txt' }] },
    });
    expect(await call('createBranch', { path, name: 'later', switchTo: false })).toMatchObject({
      ok: true,
      value: { branch: 'fix/readme' },
    });
  });

  it('lists local branches with upstream and distance, remote-only ones and pr/N branches', async () => {
    const path = await repo();
    // A remote that is not the Hub: its pull requests are not asked for.
    await sh(path, 'remote', 'add', 'origin', join(world.root, 'not-the-hub.git'));
    await sh(path, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    await sh(path, 'update-ref', 'refs/remotes/origin/only-there', 'HEAD');
    await sh(path, 'branch', '--set-upstream-to=origin/main', 'main');
    writeFileSync(join(path, 'a.txt'), 'ahead\n');
    await sh(path, 'commit', '--quiet', '-am', 'ahead');
    await sh(path, 'branch', 'pr/3');
    expect(await call('listBranches', { path })).toEqual({
      ok: true,
      value: {
        current: 'main',
        local: [
          { name: 'main', upstream: 'origin/main', ahead: 1, behind: 0, pullRequest: null },
          { name: 'pr/3', upstream: null, ahead: 0, behind: 0, pullRequest: 3 },
        ],
        remote: [{ remote: 'origin', name: 'only-there' }],
        pullRequests: [],
      },
    });
  });
});

describe('opening a file', () => {
  it('answers the path to copy in browser mode, and calls the shell for each way in the desktop app', async () => {
    const path = await repo();
    expect(await call('openPath', { path, file: 'a.txt', how: 'editor' })).toEqual({
      ok: true,
      value: { opened: false, path: join(path, 'a.txt') },
    });
    expect(await call('openPath', { path, file: null, how: 'folder' })).toEqual({
      ok: true,
      value: { opened: false, path },
    });
    const calls: string[] = [];
    const desktop: HandlerContext = {
      ...context,
      openPath: async (file) => void calls.push(`open ${file}`),
      showItemInFolder: (file) => void calls.push(`show ${file}`),
    };
    expect(await call('openPath', { path, file: 'a.txt', how: 'editor' }, desktop)).toMatchObject({
      ok: true,
      value: { opened: true },
    });
    expect(await call('openPath', { path, file: 'b.txt', how: 'folder' }, desktop)).toMatchObject({
      ok: true,
      value: { opened: true },
    });
    expect(calls).toEqual([`open ${join(path, 'a.txt')}`, `show ${join(path, 'b.txt')}`]);
  });

  it('refuses a path outside the repository, a link leading out, a missing file and a program', async () => {
    const path = await repo();
    mkdirSync(join(path, 'tools'));
    writeFileSync(join(path, 'tools', 'setup.exe'), 'MZ');
    symlinkSync('/etc/passwd', join(path, 'out-link'));
    const opened: string[] = [];
    const desktop: HandlerContext = { ...context, openPath: async (file) => void opened.push(file) };
    const expectCode = async (file: string, how: string, code: string) =>
      expect(await call('openPath', { path, file, how }, desktop)).toMatchObject({
        ok: false,
        error: { code },
      });
    await expectCode('../outside.txt', 'editor', 'not_found');
    await expectCode('/etc/passwd', 'editor', 'not_found');
    await expectCode('gone.txt', 'editor', 'not_found');
    await expectCode('out-link', 'folder', 'not_allowed');
    await expectCode('tools/setup.exe', 'editor', 'not_allowed');
    expect(await call('openPath', { path, file: 'tools/setup.exe', how: 'folder' }, desktop)).toMatchObject({
      ok: true,
      value: { opened: false },
    });
    expect(opened).toEqual([]);
    const failing: HandlerContext = {
      ...context,
      openPath: async () => {
        throw new Error('No application knows how to open this file');
      },
    };
    expect(await call('openPath', { path, file: 'a.txt', how: 'editor' }, failing)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('No application') },
    });
  });
});

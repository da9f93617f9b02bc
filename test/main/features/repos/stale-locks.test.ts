import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError, Outcome, Result } from '../../../../preload/contract';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { httpsHandlers } from '../../../../main/features/https';
import { approveToken } from '../../../../main/features/https/credentials';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { commit } from '../../../../main/git/commit';
import { gitContext } from '../../../../main/git/environment';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';

// Issue 16, item 2: a git killed mid-write leaves FILE.lock, and every later write of FILE fails.
// Planted locks (as a crash leaves them: a plain file, here an hour old) with real git through the
// handlers: the failure is git_lock naming the file, the one-click removal is offered only for a
// lock older than the app with no git of the app running, it removes exactly that file, and it
// refuses anything that is not one of git's lock files in the home folder or the repository.

let root: string;
let home: string;
let work: string;
let context: HandlerContext;
/** The app "started" at the test's start: a planted lock an hour old is older than the app. */
let startedAt: number;
let table: HandlerTable;
const call = (operation: string, request: unknown): Promise<Result<unknown>> =>
  dispatch(table, operation, request, context);
const env = () => ({ PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' });

async function sh(cwd: string, args: readonly string[]): Promise<void> {
  const out = await run('git', args, { cwd, env: env(), timeoutMs: 30_000 });
  if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
}

/** A lock file as a crashed git leaves it; `ageMs` before now. */
function plant(path: string, ageMs = 3_600_000): string {
  writeFileSync(path, '');
  const then = new Date(Date.now() - ageMs);
  utimesSync(path, then, then);
  return path;
}

const errorOf = (result: Result<unknown>): AppError => {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
};
const outcomeOf = (result: Result<unknown>): Outcome => errorOf(result).outcome!;

beforeEach(async () => {
  startedAt = Date.now();
  table = { ...repoHandlers({ startedAt }), ...httpsHandlers() } as unknown as HandlerTable;
  root = realpathSync(mkdtempSync(join(tmpdir(), 'hfgd-locks-')));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
  work = join(root, 'repo');
  mkdirSync(work);
  await sh(work, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(work, 'a.txt'), 'a\n');
  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a stale ~/.gitconfig.lock', () => {
  it('makes saving the identity a git_lock naming the file, with the removal offered', async () => {
    const lock = plant(join(home, '.gitconfig.lock'));
    const failed = await call('setIdentity', { name: 'Ada', email: 'ada@example.com' });
    expect(errorOf(failed).message).not.toBe('Git stopped with an error.');
    expect(outcomeOf(failed)).toMatchObject({ kind: 'git_lock', action: 'remove_stale_lock', files: [lock] });
    expect(errorOf(failed).message).toContain(lock);
    expect(await call('removeStaleLock', { path: lock, repo: null })).toEqual({
      ok: true,
      value: { removed: lock },
    });
    expect(existsSync(lock)).toBe(false);
    expect(await call('setIdentity', { name: 'Ada', email: 'ada@example.com' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('makes git lfs install a git_lock too', async () => {
    const lock = plant(join(home, '.gitconfig.lock'));
    const failed = await call('installLfs', null);
    expect(outcomeOf(failed)).toMatchObject({ kind: 'git_lock', action: 'remove_stale_lock', files: [lock] });
  });

  it('offers no removal, and refuses one, for a lock newer than the app', async () => {
    const lock = plant(join(home, '.gitconfig.lock'), -1_000);
    const failed = await call('setIdentity', { name: 'Ada', email: 'ada@example.com' });
    const outcome = outcomeOf(failed);
    expect(outcome).toMatchObject({ kind: 'git_lock', files: [lock] });
    expect(outcome.action).toBeUndefined();
    expect(outcome.fix).toMatch(/Another Git program may still be working/);
    expect(await call('removeStaleLock', { path: lock, repo: null })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(existsSync(lock)).toBe(true);
  });

  it('refuses the removal while a git of the app is running', async () => {
    const lock = plant(join(home, '.gitconfig.lock'));
    // A commit whose hook takes a while: a git of this app is running while the removal is asked.
    writeFileSync(join(work, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nsleep 2\n', { mode: 0o755 });
    await sh(work, ['add', 'a.txt']);
    const committing = commit(gitContext({ home }, { PATH: process.env.PATH }), work, 'slow');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await call('removeStaleLock', { path: lock, repo: null })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    await committing;
    expect(existsSync(lock)).toBe(true);
  });
});

describe('a stale lock in the repository', () => {
  it('makes staging a git_lock for .git/index.lock, removed only with the repository named', async () => {
    const lock = plant(join(work, '.git', 'index.lock'));
    const failed = await call('stageFiles', { path: work, files: ['a.txt'] });
    expect(outcomeOf(failed)).toMatchObject({ kind: 'git_lock', action: 'remove_stale_lock', files: [lock] });
    expect(await call('removeStaleLock', { path: lock, repo: null })).toMatchObject({ ok: false });
    expect(await call('removeStaleLock', { path: lock, repo: work })).toEqual({
      ok: true,
      value: { removed: lock },
    });
    expect(await call('stageFiles', { path: work, files: ['a.txt'] })).toMatchObject({ ok: true });
  });

  it('makes a commit a git_lock for the branch’s ref lock', async () => {
    await sh(work, ['add', 'a.txt']);
    mkdirSync(join(work, '.git', 'refs', 'heads'), { recursive: true });
    const lock = plant(join(work, '.git', 'refs', 'heads', 'main.lock'));
    const failed = await call('commitChanges', { path: work, message: 'first' });
    expect(outcomeOf(failed)).toMatchObject({ kind: 'git_lock', action: 'remove_stale_lock', files: [lock] });
    expect(await call('removeStaleLock', { path: lock, repo: work })).toMatchObject({ ok: true });
    expect(await call('commitChanges', { path: work, message: 'first' })).toMatchObject({ ok: true });
  });

  it('refuses anything that is not one of git’s lock files there', async () => {
    const other = join(root, 'other');
    mkdirSync(other);
    await sh(other, ['init', '--quiet']);
    const elsewhere = plant(join(other, '.git', 'index.lock'));
    const notALock = plant(join(home, '.gitconfig'));
    const stray = plant(join(work, 'notes.lock'));
    const planted = plant(join(root, 'target.lock'));
    symlinkSync(planted, join(home, '.git-credentials.lock'));
    for (const path of [
      elsewhere,
      notALock,
      stray,
      join(home, '.git-credentials.lock'),
      join(work, '.git', 'refs', '..', '..', 'notes.lock'),
      '/etc/passwd',
    ])
      expect(await call('removeStaleLock', { path, repo: work })).toMatchObject({ ok: false });
    expect([elsewhere, notALock, stray, planted].every((path) => existsSync(path))).toBe(true);
  });
});

describe('a stale ~/.git-credentials.lock', () => {
  it('makes “Forget this token” fail without claiming the token is in a keychain', async () => {
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
    await approveToken(
      home,
      { endpoint: context.settings.hubEndpoint, username: 'ada' },
      'hf_AdaToken000000000000000001',
      {
        PATH: process.env.PATH,
      },
    );
    plant(join(home, '.git-credentials.lock'));
    const forgot = errorOf(await call('forgetToken', null));
    expect(`${forgot.message} ${forgot.hint}`).not.toMatch(/keychain/i);
    expect(forgot.details).toMatch(/credential storage lock/);
  });
});

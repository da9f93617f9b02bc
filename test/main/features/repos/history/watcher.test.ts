import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyHandlers } from '../../../../../main/features/repos/history/handlers';
import { watchStrategy } from '../../../../../main/features/repos/history/watch-strategy';
import { insideGit, RepoWatcher } from '../../../../../main/features/repos/history/watcher';
import { dispatch, type HandlerTable } from '../../../../../main/ipc/dispatch';
import { makeFixture, type Fixture } from './fixture';

// The work-tree watcher for real, in each of its ways (a watch per folder, the OS's tree watch,
// the poller): a real edit is reported within a second, an edit under .git/ never, nothing after
// unwatch, and a deleted folder ends the watch without a crash.

let f: Fixture;
beforeAll(() => {
  f = makeFixture('watch');
});
afterAll(() => f.cleanup());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with how long it took until `count()` grew, or null after `ms`. */
async function reported(count: () => number, ms: number): Promise<number | null> {
  const start = count();
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (count() > start) return Date.now() - started;
    await wait(20);
  }
  return null;
}

describe('the platform choice', () => {
  it('uses the OS tree watch on macOS and Windows, and a watch per folder on Linux', () => {
    // Node's fs docs, fs.watch "Availability": recursive is FSEvents on macOS and
    // ReadDirectoryChangesW on Windows; inotify(7) has no subtree watch.
    expect(watchStrategy('darwin')).toBe('native-recursive');
    expect(watchStrategy('win32')).toBe('native-recursive');
    expect(watchStrategy('linux')).toBe('per-folder');
    expect(watchStrategy('freebsd')).toBe('per-folder');
  });

  it('knows .git and what is inside it, with either separator', () => {
    expect(['.git', '.git/index.lock', '.git\\index', '.git/refs/heads/main'].every(insideGit)).toBe(true);
    expect(['.gitattributes', '.github/x', 'src/.git', 'a/.git/b', 'x.git'].some(insideGit)).toBe(false);
  });
});

for (const strategy of ['per-folder', 'native-recursive', 'poll'] as const)
  describe(`watching with ${strategy}`, () => {
    it('reports a real edit, a new folder’s file, and nothing for .git/', async () => {
      const repo = await f.repo(`repo-${strategy}`);
      mkdirSync(join(repo, 'sub', 'deeper'), { recursive: true });
      writeFileSync(join(repo, 'sub', 'deeper', 'a.txt'), 'a\n');
      let changes = 0;
      const watcher = new RepoWatcher(repo, () => (changes += 1), {
        strategy,
        debounceMs: 100,
        pollMs: 200,
      });
      await watcher.start();
      try {
        writeFileSync(join(repo, '.git', 'index.lock'), 'x');
        writeFileSync(join(repo, '.git', 'HEAD.new'), 'x');
        rmSync(join(repo, '.git', 'index.lock'));
        expect(await reported(() => changes, 800)).toBeNull();

        writeFileSync(join(repo, 'sub', 'deeper', 'a.txt'), 'edited\n');
        expect(await reported(() => changes, 1000)).not.toBeNull();
        await wait(300);

        mkdirSync(join(repo, 'later'));
        await wait(300);
        const before = changes;
        writeFileSync(join(repo, 'later', 'b.txt'), 'b\n');
        expect(await reported(() => changes, 1000)).not.toBeNull();
        expect(changes).toBeGreaterThan(before);
      } finally {
        watcher.close();
      }
      const after = changes;
      writeFileSync(join(repo, 'sub', 'deeper', 'a.txt'), 'after close\n');
      await wait(500);
      expect(changes).toBe(after);
    });

    it('ends by itself, without a crash, when the folder is deleted', async () => {
      const repo = await f.repo(`gone-${strategy}`);
      mkdirSync(join(repo, 'sub'));
      let closed = '';
      const watcher = new RepoWatcher(repo, () => undefined, {
        strategy,
        debounceMs: 50,
        pollMs: 100,
        onClosed: (reason) => (closed = reason),
      });
      await watcher.start();
      rmSync(repo, { recursive: true, force: true, maxRetries: 5 });
      const started = Date.now();
      while (closed === '' && Date.now() - started < 2000) await wait(20);
      expect(closed).toMatch(/no longer/);
      watcher.close();
    });
  });

describe('the watch per folder', () => {
  it('holds one watch per folder, none inside .git, and follows folders made and removed', async () => {
    const repo = await f.repo('counted');
    for (let n = 0; n < 30; n += 1) mkdirSync(join(repo, `d${n}`, 'inner'), { recursive: true });
    mkdirSync(join(repo, '.git', 'objects', 'ab'), { recursive: true });
    const watcher = new RepoWatcher(repo, () => undefined, { strategy: 'per-folder', debounceMs: 50 });
    await watcher.start();
    try {
      expect(watcher.watches).toBe(1 + 30 + 30);
      mkdirSync(join(repo, 'new', 'deep'), { recursive: true });
      await wait(300);
      expect(watcher.watches).toBe(1 + 30 + 30 + 2);
      rmSync(join(repo, 'd0'), { recursive: true, force: true, maxRetries: 5 });
      await wait(300);
      expect(watcher.watches).toBe(1 + 29 + 29 + 2);
    } finally {
      watcher.close();
    }
  });
});

describe('watchRepo and unwatchRepo', () => {
  for (const strategy of ['per-folder', 'native-recursive', 'poll'] as const)
    it(`leaves out the folders .gitignore leaves out (${strategy})`, async () => {
      const table = historyHandlers({
        watch: { debounceMs: 100, strategy, pollMs: 200 },
      }) as unknown as HandlerTable;
      const repo = await f.repo(`ignoring-${strategy}`);
      writeFileSync(join(repo, '.gitignore'), '.venv/\n');
      mkdirSync(join(repo, '.venv', 'lib', 'site-packages'), { recursive: true });
      writeFileSync(join(repo, '.venv', 'lib', 'site-packages', 'x.py'), 'x\n');
      mkdirSync(join(repo, 'src'));
      const changed = () =>
        f.events.filter(
          (event) => event.event === 'repoChanged' && (event.payload as { path: string }).path === repo,
        ).length;
      expect(await dispatch(table, 'watchRepo', { path: repo }, f.context)).toEqual({
        ok: true,
        value: null,
      });
      writeFileSync(join(repo, '.venv', 'lib', 'site-packages', 'x.py'), 'changed\n');
      expect(await reported(changed, 600)).toBeNull();
      writeFileSync(join(repo, 'src', 'y.py'), 'y\n');
      expect(await reported(changed, 1000)).not.toBeNull();
      await dispatch(table, 'unwatchRepo', { path: repo }, f.context);
    });

  it('emits repoChanged for the watched repository, replaces it with a new watch, and stops on unwatch', async () => {
    const table = historyHandlers({ watch: { debounceMs: 100 } }) as unknown as HandlerTable;
    const one = await f.repo('one');
    const two = await f.repo('two');
    const changed = (path: string) =>
      f.events.filter(
        (event) => event.event === 'repoChanged' && (event.payload as { path: string }).path === path,
      ).length;
    expect(await dispatch(table, 'watchRepo', { path: one }, f.context)).toEqual({ ok: true, value: null });
    writeFileSync(join(one, 'x.txt'), 'x\n');
    expect(await reported(() => changed(one), 1000)).not.toBeNull();

    expect(await dispatch(table, 'watchRepo', { path: two }, f.context)).toEqual({ ok: true, value: null });
    const oneBefore = changed(one);
    writeFileSync(join(one, 'x.txt'), 'x again\n');
    writeFileSync(join(two, 'y.txt'), 'y\n');
    expect(await reported(() => changed(two), 1000)).not.toBeNull();
    expect(changed(one)).toBe(oneBefore);

    expect(await dispatch(table, 'unwatchRepo', { path: two }, f.context)).toEqual({ ok: true, value: null });
    const twoBefore = changed(two);
    writeFileSync(join(two, 'y.txt'), 'y again\n');
    await wait(500);
    expect(changed(two)).toBe(twoBefore);
  });

  it('refuses a folder that is not a repository, and a deleted watched folder is no crash', async () => {
    const table = historyHandlers({ watch: { debounceMs: 50 } }) as unknown as HandlerTable;
    expect(await dispatch(table, 'watchRepo', { path: join(f.root, 'nope') }, f.context)).toMatchObject({
      ok: false,
      error: { code: 'repo_unusable' },
    });
    const doomed = await f.repo('doomed');
    expect(await dispatch(table, 'watchRepo', { path: doomed }, f.context)).toEqual({
      ok: true,
      value: null,
    });
    rmSync(doomed, { recursive: true, force: true, maxRetries: 5 });
    await wait(500);
    expect(await dispatch(table, 'unwatchRepo', { path: doomed }, f.context)).toEqual({
      ok: true,
      value: null,
    });
  });
});

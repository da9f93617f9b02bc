import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../../../../main/features/https/credentials';
import { FetchTracker } from '../../../../../main/features/repos/history/fetch-tracker';
import { historyHandlers } from '../../../../../main/features/repos/history/handlers';
import { dispatch, type HandlerTable } from '../../../../../main/ipc/dispatch';
import type { FetchView, Result } from '../../../../../preload/contract';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../../fake-hub';
import { makeFixture, type Fixture } from './fixture';

// fetchRepo for real against the fake hub: another clone pushes and the count of new commits
// shows it; the work tree, the index and HEAD are byte-identical after; a Hub nobody answers is
// the offline note, never a throw; a fetch that hangs is stopped by cancelFetch; the throttle
// answers from memory and a second call joins the running one.

let hub: FakeHub;
let f: Fixture;
let url: string;
let mine: string;
let theirs: string;

const fetchRepo = (table: HandlerTable, path: string, force: boolean) =>
  dispatch(table, 'fetchRepo', { path, force }, f.context) as Promise<Result<FetchView>>;

/** Every file of the work tree and of .git that a fetch must leave alone, with its hash. */
function snapshot(repo: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(repo, path);
      // What a fetch is for: remote-tracking refs, FETCH_HEAD, objects, and its own logs.
      if (/^\.git[/\\](objects|refs[/\\]remotes|logs[/\\]refs[/\\]remotes|FETCH_HEAD)/.test(name)) continue;
      if (entry.isDirectory()) walk(path);
      else files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(repo);
  return files;
}

beforeAll(async () => {
  hub = await startFakeHub();
  f = makeFixture('fetch', { HF_ENDPOINT: hub.httpUrl, HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}` });
  writeFileSync(
    join(f.home, '.gitconfig'),
    '[init]\n\tdefaultBranch = main\n[credential]\n\thelper = store\n',
  );
  await approveToken(f.home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  url = hub.createRepo('alice/model').url;
  mine = join(f.root, 'mine');
  theirs = join(f.root, 'theirs');
  const seed = join(f.root, 'seed');
  await f.sh(f.root, ['clone', '--quiet', url, seed]);
  writeFileSync(join(seed, 'README.md'), '# model\n');
  await f.sh(seed, ['add', '.']);
  await f.sh(seed, ['commit', '--quiet', '-m', 'seed']);
  await f.sh(seed, ['push', '--quiet', 'origin', 'main']);
  await f.sh(f.root, ['clone', '--quiet', url, mine]);
  await f.sh(f.root, ['clone', '--quiet', url, theirs]);
}, 120_000);
afterAll(async () => {
  await hub.stop();
  f.cleanup();
});

describe('fetchRepo', () => {
  it('counts the commits another clone pushed, and changes nothing but remote-tracking refs', async () => {
    const table = historyHandlers() as unknown as HandlerTable;
    for (const n of [1, 2]) {
      writeFileSync(join(theirs, `theirs-${n}.txt`), `${n}\n`);
      await f.sh(theirs, ['add', '.']);
      await f.sh(theirs, ['commit', '--quiet', '-m', `theirs ${n}`]);
    }
    await f.sh(theirs, ['push', '--quiet', 'origin', 'main']);
    // Uncommitted work of every kind, which must stay exactly as it is.
    writeFileSync(join(mine, 'README.md'), '# my edit\n');
    writeFileSync(join(mine, 'untracked.txt'), 'mine\n');
    writeFileSync(join(mine, 'staged.txt'), 'staged\n');
    await f.sh(mine, ['add', 'staged.txt']);
    const before = snapshot(mine);
    const head = await f.sh(mine, ['rev-parse', 'HEAD']);

    const answer = await fetchRepo(table, mine, true);
    expect(answer).toMatchObject({ ok: true, value: { offline: false, behind: 2, ahead: 0 } });
    if (!answer.ok) throw new Error('fetch failed');
    expect(Date.now() - Date.parse(answer.value.at ?? '')).toBeLessThan(60_000);
    expect(snapshot(mine)).toEqual(before);
    expect(await f.sh(mine, ['rev-parse', 'HEAD'])).toBe(head);
    expect(await f.sh(mine, ['rev-list', '--count', 'HEAD..origin/main'])).toBe('2\n');
  });

  it('answers from memory within a minute unless forced, and joins a fetch that runs', async () => {
    let now = 1_000_000;
    const fetches = new FetchTracker(() => now);
    const table = historyHandlers({ fetches }) as unknown as HandlerTable;
    const [one, two] = await Promise.all([fetchRepo(table, mine, false), fetchRepo(table, mine, true)]);
    expect(one).toEqual(two);
    await fetches.idle(mine);
    const top = (await f.sh(mine, ['rev-parse', '--show-toplevel'])).trim();
    expect(fetches.last(top)).toMatchObject({ at: new Date(now).toISOString(), offline: false });

    writeFileSync(join(theirs, 'theirs-3.txt'), '3\n');
    await f.sh(theirs, ['add', '.']);
    await f.sh(theirs, ['commit', '--quiet', '-m', 'theirs 3']);
    await f.sh(theirs, ['push', '--quiet', 'origin', 'main']);
    now += 30_000;
    expect(await fetchRepo(table, mine, false)).toEqual(one);
    // A commit made since: the remembered answer's distance is read again, without a fetch.
    await f.sh(mine, ['commit', '--quiet', '--allow-empty', '-m', 'mine']);
    expect(await fetchRepo(table, mine, false)).toMatchObject({ ok: true, value: { ahead: 1, behind: 2 } });
    await f.sh(mine, ['reset', '--quiet', '--soft', 'HEAD~1']);
    expect(await fetchRepo(table, mine, true)).toMatchObject({ ok: true, value: { behind: 3 } });
    now += 120_000;
    expect(await fetchRepo(table, mine, false)).toMatchObject({
      ok: true,
      value: { at: new Date(now).toISOString(), behind: 3 },
    });
  });

  it('is silent when the Hub cannot be reached: offline, the last time kept', async () => {
    const table = historyHandlers() as unknown as HandlerTable;
    const first = await fetchRepo(table, mine, true);
    if (!first.ok) throw new Error('fetch failed');
    // A port nothing listens on: take one from the system, then close it.
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await f.sh(mine, ['remote', 'set-url', 'origin', `http://127.0.0.1:${closed}/alice/model`]);
    try {
      expect(await fetchRepo(table, mine, true)).toEqual({
        ok: true,
        value: { ...first.value, offline: true },
      });
    } finally {
      await f.sh(mine, ['remote', 'set-url', 'origin', url]);
    }
  });

  it('stops a fetch that hangs when cancelFetch is called', async () => {
    const held: Socket[] = [];
    const silent: Server = createServer((socket) => held.push(socket));
    const port = await new Promise<number>((resolve) =>
      silent.listen(0, '127.0.0.1', () => resolve((silent.address() as { port: number }).port)),
    );
    await f.sh(mine, ['remote', 'set-url', 'origin', `http://127.0.0.1:${port}/alice/model`]);
    try {
      const table = historyHandlers() as unknown as HandlerTable;
      const started = Date.now();
      const running = fetchRepo(table, mine, true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await dispatch(table, 'cancelFetch', { path: mine }, f.context)).toEqual({
        ok: true,
        value: null,
      });
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(held.length).toBeGreaterThan(0);
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
      await f.sh(mine, ['remote', 'set-url', 'origin', url]);
    }
  });

  it('answers without a network call when there is no remote', async () => {
    const alone = await f.repo('alone');
    writeFileSync(join(alone, 'a.txt'), 'a\n');
    await f.sh(alone, ['add', '.']);
    await f.sh(alone, ['commit', '--quiet', '-m', 'a']);
    const table = historyHandlers() as unknown as HandlerTable;
    expect(await fetchRepo(table, alone, true)).toEqual({
      ok: true,
      value: { at: null, offline: false, ahead: 0, behind: 0 },
    });
    expect(await fetchRepo(table, join(f.root, 'not-there'), true)).toMatchObject({
      ok: false,
      error: { code: 'repo_unusable' },
    });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { approveToken } from '../../../../main/features/https/credentials';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { ALICE_WRITE_TOKEN, DAVE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';

// Fork through the handler, for real: the app creates the copy under the account (the fake hub's
// creation API, whose first commit holds the Hub's .gitattributes), and carries two branches of
// the upstream with their LFS objects.

let hub: FakeHub;
let root: string;
let home: string;
let context: HandlerContext;
const table = repoHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown) => dispatch(table, operation, request, context);
const OID: Record<string, string> = {};

async function sh(cwd: string, args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 120_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  hub = await startFakeHub();
  root = mkdtempSync(join(tmpdir(), 'hfgd-fork-create-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await sh(home, ['lfs', 'install']);
  // The upstream is dave's, with an LFS file on each of two branches.
  hub.createRepo('dave/upstream');
  const seed = join(root, 'seed');
  await sh(root, [
    'clone',
    '--quiet',
    hub.httpUrl.replace('http://', `http://dave:${DAVE_WRITE_TOKEN}@`) + '/dave/upstream',
    seed,
  ]);
  await sh(seed, ['lfs', 'track', '*.bin']);
  for (const branch of ['main', 'v2']) {
    if (branch !== 'main') await sh(seed, ['checkout', '--quiet', '-b', branch]);
    const bytes = randomBytes(100_000);
    OID[branch] = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(seed, `${branch}.bin`), bytes);
    await sh(seed, ['add', '-A']);
    await sh(seed, ['commit', '--quiet', '-m', branch]);
  }
  const pushed = await sh(seed, ['push', '--quiet', 'origin', 'main', 'v2']);
  if (pushed.status !== 0) throw new Error(pushed.out);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  context = {
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
}, 120_000);
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('fork that creates its destination', () => {
  it('creates alice/upstream, carries main and v2 with their LFS objects over the Hub’s first commit', async () => {
    const destination = join(root, 'my-fork');
    const result = await call('forkRepo', {
      runId: 'f1',
      upstream: 'dave/upstream',
      fork: null,
      destination,
      transport: 'https',
      branches: ['main', 'v2'],
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        path: destination,
        branch: 'main',
        branches: ['main', 'v2'],
        fork: { id: 'alice/upstream', kind: 'model', created: true },
      },
    });
    // The copy's branches are the upstream's commits (the Hub's first commit forced away).
    for (const branch of ['main', 'v2']) {
      expect(hub.refOf('alice/upstream', branch)).toBe(hub.refOf('dave/upstream', branch));
      expect(hub.lfsObject('alice/upstream', OID[branch] ?? '')).toBeDefined();
    }
    expect(
      createHash('sha256')
        .update(readFileSync(join(destination, 'main.bin')))
        .digest('hex'),
    ).toBe(OID.main);
  }, 120_000);

  it('never forces over a copy that holds work of its own', async () => {
    hub.createRepo('alice/has-work');
    const work = join(root, 'has-work');
    await sh(root, [
      'clone',
      '--quiet',
      hub.httpUrl.replace('http://', `http://alice:${ALICE_WRITE_TOKEN}@`) + '/alice/has-work',
      work,
    ]);
    writeFileSync(join(work, 'mine.txt'), 'mine\n');
    await sh(work, ['add', '-A']);
    await sh(work, ['commit', '--quiet', '-m', 'mine']);
    await sh(work, ['push', '--quiet', 'origin', 'main']);
    const before = hub.refOf('alice/has-work', 'main');
    expect(before).toMatch(/^[0-9a-f]{40}$/);
    const result = await call('forkRepo', {
      runId: 'f3',
      upstream: 'dave/upstream',
      fork: 'alice/has-work',
      destination: join(root, 'fork-3'),
      transport: 'https',
      branches: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'git_failed' } });
    expect(hub.refOf('alice/has-work', 'main')).toBe(before);
  }, 120_000);

  it('refuses a branch the upstream does not have, and an empty folder field in words', async () => {
    expect(
      await call('forkRepo', {
        runId: 'f2',
        upstream: 'dave/upstream',
        fork: 'alice/upstream',
        destination: join(root, 'fork-2'),
        transport: 'https',
        branches: ['nope'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', message: 'The original has no branch nope.' } });
    expect(existsSync(join(root, 'fork-2'))).toBe(false);
    expect(
      await call('cloneRepo', {
        runId: 'c1',
        input: 'dave/upstream',
        kind: null,
        destination: '  ',
        revision: null,
        transport: 'https',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'destination_unusable', message: 'Choose a folder to clone into.' },
    });
  }, 120_000);
});

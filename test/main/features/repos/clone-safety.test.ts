import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../../main/core/run';
import { createSession } from '../../../../main/core/session';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { approveToken } from '../../../../main/features/https/credentials';
import { cloneRepo, CloneError, destinationKey } from '../../../../main/features/repos/clone';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { lfsPull } from '../../../../main/features/repos/lfs';
import { parseRepoInput, type RepoRef } from '../../../../main/hub/repo-ref';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';
import { startLfsCutter, type LfsCutter } from './lfs-cutter';

// A clone must not lose what it already has, nor what another clone has (issue 16, items 3 and
// 12): real git and git-lfs against the fake hub, with a proxy that drops the connection in the
// middle of an LFS download; revisions refused before any git runs (a git on PATH that records
// every call proves it); one clone per destination at a time.

let hub: FakeHub;
let cutter: LfsCutter;
let root: string;
let home: string;
let settings: Settings;
/** Through the cutting proxy: what git and git-lfs see is the Hub behind a flaky line. */
let flaky: Settings;
/** Every git the app starts goes through this folder's `git`, which notes its arguments. */
let spyDir: string;
let spyLog: string;
let env: NodeJS.ProcessEnv;
const session = createSession({});
const OIDS: Record<string, string> = {};
let seeded = '';

async function sh(cwd: string, args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 120_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

const ref = (input: string, on = settings): RepoRef => {
  const parsed = parseRepoInput(input, { endpoint: on.hubEndpoint, sshHost: on.sshHost });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
};

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const gitCalls = () => (existsSync(spyLog) ? readFileSync(spyLog, 'utf8').split('\n').filter(Boolean) : []);
/**
 * The git calls a refused clone could have made: a call run in another test's repository (`-C
 * PATH`, a reader that test's clone left finishing on a loaded machine) is not this clone's.
 */
const cloneCalls = (destination: string) =>
  gitCalls().filter((call) => !call.startsWith('-C ') || call.startsWith(`-C ${destination}`));

beforeAll(async () => {
  hub = await startFakeHub();
  cutter = await startLfsCutter(hub.httpUrl);
  root = mkdtempSync(join(tmpdir(), 'hfgd-clone-safety-'));
  home = join(root, 'home');
  mkdirSync(home);
  // git-lfs retries a dropped download 8 times with up to 10 s between tries; the person's
  // config may say fewer, and this home does, so a dropped line fails in seconds, not a minute.
  writeFileSync(
    join(home, '.gitconfig'),
    '[credential]\n\thelper = store\n[lfs "transfer"]\n\tmaxretries = 1\n\tmaxretrydelay = 1\n',
  );
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  await approveToken(home, { endpoint: cutter.url, username: 'alice' }, ALICE_WRITE_TOKEN);
  spyDir = join(root, 'spy');
  spyLog = join(root, 'git-calls.log');
  mkdirSync(spyDir);
  const realGit = (
    await run('sh', ['-c', 'command -v git'], { env: { PATH: process.env.PATH }, timeoutMs: 10_000 })
  ).stdout;
  writeFileSync(
    join(spyDir, 'git'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${spyLog}'\nexec '${realGit.trim()}' "$@"\n`,
  );
  chmodSync(join(spyDir, 'git'), 0o755);
  env = { PATH: `${spyDir}:${process.env.PATH}` };
  const common = { HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') };
  settings = resolveSettings({ ...common, HF_ENDPOINT: hub.httpUrl });
  flaky = resolveSettings({ ...common, HF_ENDPOINT: cutter.url });

  hub.createRepo('alice/weights');
  const work = join(root, 'seed');
  await sh(root, ['clone', '--quiet', `${hub.httpUrl}/alice/weights`, work]);
  await sh(work, ['lfs', 'track', '*.bin']);
  writeFileSync(join(work, 'README.md'), '# weights\n');
  for (const name of ['a.bin', 'b.bin']) {
    const bytes = randomBytes(1_000_000);
    writeFileSync(join(work, name), bytes);
    OIDS[name] = createHash('sha256').update(bytes).digest('hex');
  }
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'seed']);
  const pushed = await sh(work, ['push', '--quiet', 'origin', 'main']);
  if (pushed.status !== 0) throw new Error(pushed.out);
  seeded = (await sh(work, ['rev-parse', 'HEAD'])).out.trim();
}, 120_000);

afterAll(async () => {
  await cutter.stop();
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('a dropped connection during the LFS download', () => {
  for (const [label, revision] of [
    ['on the default branch', undefined],
    ['at a commit', 'commit'],
  ] as const)
    it(`${label}: keeps the clone with its pointers, and git lfs pull completes it`, async () => {
      const destination = join(root, `cut-${label.replace(/\W+/g, '-')}`);
      cutter.mode = 'cut';
      const cutsBefore = cutter.cuts();
      const result = await cloneRepo(flaky, session, env, {
        ref: ref('alice/weights', flaky),
        transport: 'https',
        destination,
        ...(revision === 'commit' ? { revision: seeded.slice(0, 10) } : {}),
      }).finally(() => {
        cutter.mode = 'pass';
      });
      expect(cutter.cuts()).toBeGreaterThan(cutsBefore);
      // The commits, the pack and a clean work tree are there; the large files are placeholders.
      expect(result.lfsInterrupted).toMatch(/a\.bin|b\.bin/);
      expect(result.pointers.map((pointer) => pointer.path).sort()).toEqual(['a.bin', 'b.bin']);
      expect((await sh(destination, ['rev-parse', 'HEAD'])).out.trim()).toBe(seeded);
      expect((await sh(destination, ['status', '--porcelain'])).out).toBe('');
      expect(readFileSync(join(destination, 'README.md'), 'utf8')).toBe('# weights\n');
      expect(readFileSync(join(destination, 'a.bin'), 'utf8')).toContain('git-lfs.github.com/spec/v1');

      const pulled = await lfsPull(flaky, session, env, destination);
      expect(pulled.ok, pulled.output).toBe(true);
      expect(sha256(join(destination, 'a.bin'))).toBe(OIDS['a.bin']);
      expect(sha256(join(destination, 'b.bin'))).toBe(OIDS['b.bin']);
      expect((await sh(destination, ['status', '--porcelain'])).out).toBe('');
    }, 120_000);

  it('a Cancel during the LFS download still removes everything the clone made', async () => {
    const destination = join(root, 'cut-cancelled');
    const controller = new AbortController();
    cutter.mode = 'stall';
    const stallsBefore = cutter.cuts();
    // The person presses Cancel while a large file is coming in (and the line has gone quiet).
    const watcher = setInterval(() => {
      if (cutter.cuts() > stallsBefore) controller.abort();
    }, 20);
    const cancelled = cloneRepo(
      flaky,
      session,
      env,
      { ref: ref('alice/weights', flaky), transport: 'https', destination },
      { signal: controller.signal },
    ).finally(() => {
      clearInterval(watcher);
      cutter.mode = 'pass';
    });
    await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled' });
    expect(controller.signal.aborted).toBe(true);
    expect(existsSync(destination)).toBe(false);
  });

  it('a clone that fails before git has the commits still leaves nothing behind', async () => {
    const destination = join(root, 'no-such-repo');
    await expect(
      cloneRepo(settings, session, env, {
        ref: ref('alice/does-not-exist'),
        transport: 'https',
        destination,
      }),
    ).rejects.toMatchObject({ kind: 'git' });
    expect(existsSync(destination)).toBe(false);
  });

  it('a failed clone into an empty folder inside another repository never touches that repository', async () => {
    // The person's home (or projects folder) is itself a git work tree, with an edit not committed.
    const outer = join(root, 'outer');
    mkdirSync(outer);
    await sh(outer, ['init', '--quiet']);
    writeFileSync(join(outer, 'notes.txt'), 'committed\n');
    await sh(outer, ['add', '.']);
    await sh(outer, ['commit', '--quiet', '-m', 'notes']);
    writeFileSync(join(outer, 'notes.txt'), 'my edit, not committed\n');
    const destination = join(outer, 'models', 'empty');
    mkdirSync(destination, { recursive: true });
    await expect(
      cloneRepo(settings, session, env, {
        ref: ref('alice/does-not-exist'),
        transport: 'https',
        destination,
      }),
    ).rejects.toMatchObject({ kind: 'git' });
    expect(readFileSync(join(outer, 'notes.txt'), 'utf8')).toBe('my edit, not committed\n');
    expect(readdirSync(destination)).toEqual([]);
  });

  it('a clone the line does not cut has no interruption to report', async () => {
    const destination = join(root, 'whole');
    const result = await cloneRepo(flaky, session, env, {
      ref: ref('alice/weights', flaky),
      transport: 'https',
      destination,
    });
    expect(result.lfsInterrupted).toBeUndefined();
    expect(result.pointers).toEqual([]);
    expect(sha256(join(destination, 'b.bin'))).toBe(OIDS['b.bin']);
  });
});

describe('one clone per destination at a time', () => {
  it('refuses a second clone into the folder a first one is filling, and the first keeps its work', async () => {
    const destination = join(root, 'twice');
    const first = cloneRepo(settings, session, env, {
      ref: ref('alice/weights'),
      transport: 'https',
      destination,
    });
    // The same folder spelled another way is the same folder.
    const second = cloneRepo(settings, session, env, {
      ref: ref('alice/weights'),
      transport: 'https',
      destination: `${join(root, 'spy', '..', 'twice')}/`,
    });
    const [one, two] = await Promise.allSettled([first, second]);
    expect(one.status).toBe('fulfilled');
    expect(two).toMatchObject({
      status: 'rejected',
      reason: { kind: 'destination', message: expect.stringMatching(/already cloning into/) },
    });
    expect(sha256(join(destination, 'a.bin'))).toBe(OIDS['a.bin']);
    expect((await sh(destination, ['status', '--porcelain'])).out).toBe('');
    // Once the first has finished, the folder is free again (and now refused for its files).
    await expect(
      cloneRepo(settings, session, env, { ref: ref('alice/weights'), transport: 'https', destination }),
    ).rejects.toMatchObject({ kind: 'destination', message: expect.stringMatching(/already has files/) });
  });

  it('frees the folder when a clone is refused or fails, so the next one can start', async () => {
    const destination = join(root, 'after-failure');
    await expect(
      cloneRepo(settings, session, env, {
        ref: ref('alice/does-not-exist'),
        transport: 'https',
        destination,
      }),
    ).rejects.toBeInstanceOf(CloneError);
    const result = await cloneRepo(settings, session, env, {
      ref: ref('alice/weights'),
      transport: 'https',
      destination,
    });
    expect(result.pointers).toEqual([]);
  });

  it('folds the spellings of one folder the way each desktop’s file system does', () => {
    expect(destinationKey('/home/a/x/', 'linux')).toBe('/home/a/x');
    expect(destinationKey('/home/a/b/../x', 'linux')).toBe('/home/a/x');
    // ext4 and the other Linux file systems are case-sensitive: two folders.
    expect(destinationKey('/home/a/Model', 'linux')).not.toBe(destinationKey('/home/a/model', 'linux'));
    // APFS and HFS+ are case-insensitive and normalization-insensitive by default
    // (https://developer.apple.com/documentation/foundation/file_system/about_apple_file_system);
    // NTFS is case-insensitive by default
    // (https://learn.microsoft.com/windows/wsl/case-sensitivity).
    for (const platform of ['darwin', 'win32'] as const)
      expect(destinationKey('/Users/a/Model', platform)).toBe(destinationKey('/users/a/model', platform));
    expect(destinationKey('/Users/a/Mode\u0301le', 'darwin')).toBe(
      destinationKey('/Users/a/Modéle', 'darwin'),
    );
  });
});

describe('the revision to clone', () => {
  const BAD = [
    '-x',
    '--upload-pack=touch /tmp/hfgd-pwned',
    '--config=core.sshCommand=touch /tmp/hfgd-pwned',
    'a..b',
    'main@{1}',
    '@',
    'main\n--help',
    'a\u0000b',
    'a b',
    'a:b',
    'refs/heads/x.lock',
    '.hidden',
    'x'.repeat(300),
  ];

  it.each(BAD)('refuses %j with a clear message before any git runs', async (revision) => {
    rmSync(spyLog, { force: true });
    const destination = join(root, 'never');
    const refused = await cloneRepo(settings, session, env, {
      ref: ref('alice/weights'),
      transport: 'https',
      destination,
      revision,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CloneError);
    expect(refused).toMatchObject({
      kind: 'revision',
      message: expect.stringMatching(/is not a branch, tag or commit Git can use: .+\.$/),
    });
    expect(cloneCalls(destination)).toEqual([]);
    expect(existsSync(destination)).toBe(false);
    expect(existsSync('/tmp/hfgd-pwned')).toBe(false);
  });

  it('refuses one through the cloneRepo operation too, and git never starts', async () => {
    rmSync(spyLog, { force: true });
    const context: HandlerContext = {
      settings,
      env,
      session,
      emit: () => undefined,
      openExternal: async () => undefined,
    };
    const table = repoHandlers() as unknown as HandlerTable;
    const destination = join(root, 'never-either');
    const result = await dispatch(
      table,
      'cloneRepo',
      {
        runId: 'bad-revision',
        input: 'alice/weights',
        kind: 'model',
        destination,
        revision: '--upload-pack=touch /tmp/hfgd-pwned',
        transport: 'https',
      },
      context,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is not a branch, tag or commit Git can use') },
    });
    expect(cloneCalls(destination)).toEqual([]);
    expect(existsSync(destination)).toBe(false);
  });

  it('still clones at a valid branch name', async () => {
    const destination = join(root, 'at-main');
    await cloneRepo(settings, session, env, {
      ref: ref('alice/weights'),
      transport: 'https',
      destination,
      revision: 'main',
    });
    expect(readdirSync(destination).sort()).toEqual([
      '.git',
      '.gitattributes',
      'README.md',
      'a.bin',
      'b.bin',
    ]);
  });
});

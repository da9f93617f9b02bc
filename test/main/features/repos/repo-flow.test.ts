import { createHash, randomBytes } from 'node:crypto';
import {
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
import { approveToken } from '../../../../main/features/https/credentials';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { cloneRepo, CloneError } from '../../../../main/features/repos/clone';
import { forkWithLfs } from '../../../../main/features/repos/fork';
import { lfsPull, migrateToLfs } from '../../../../main/features/repos/lfs';
import { prePushCheck } from '../../../../main/features/repos/pre-push';
import type { ProgressEvent } from '../../../../main/git/progress';
import { readRecent, rememberRepo } from '../../../../main/features/repos/recent';
import { parseRepoInput, type RepoRef } from '../../../../main/hub/repo-ref';
import { commit } from '../../../../main/git/commit';
import { setIdentity } from '../../../../main/git/config';
import { gitContext } from '../../../../main/git/environment';
import { explainFailure } from '../../../../main/git/failures';
import { pull } from '../../../../main/git/pull';
import { push } from '../../../../main/git/push';
import { repoStatus } from '../../../../main/git/status';
import { stage } from '../../../../main/git/stage';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';

// The repository services for real: git and git-lfs against the fake hub over HTTPS (the token
// in git's store helper) and over SSH (a key in this HOME, the hub's host key pinned), with the
// app's own environment for git (no prompt, the proven ssh).

let hub: FakeHub;
let root: string;
let home: string;
let settings: Settings;
const session = createSession({});
const env = { PATH: process.env.PATH };
const BIG_OID: Record<string, string> = {};
/** The app's git context for this test's home, agent and environment. */
const git = () => gitContext(settings, env, session);

async function sh(cwd: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', ...extra },
    timeoutMs: 120_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

const ref = (input: string): RepoRef => {
  const parsed = parseRepoInput(input, { endpoint: settings.hubEndpoint, sshHost: settings.sshHost });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
};

/** A repo on the hub with a README, a tag, a second branch and one LFS file. */
async function seed(path: string): Promise<string> {
  hub.createRepo(path);
  const work = join(root, `seed-${path.replace(/\//g, '-')}`);
  await sh(root, ['clone', '--quiet', `${hub.httpUrl}/${path}`, work]);
  await sh(work, ['lfs', 'track', '*.bin']);
  writeFileSync(join(work, 'README.md'), `# ${path}\n`);
  const weights = randomBytes(200_000);
  writeFileSync(join(work, 'weights.bin'), weights);
  BIG_OID[path] = createHash('sha256').update(weights).digest('hex');
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'seed']);
  await sh(work, ['tag', 'v1']);
  await sh(work, ['checkout', '--quiet', '-b', 'v2']);
  writeFileSync(join(work, 'v2.txt'), 'two\n');
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'v2']);
  const pushed = await sh(work, ['push', '--quiet', 'origin', 'main', 'v2', 'v1']);
  if (pushed.status !== 0) throw new Error(pushed.out);
  return (await sh(work, ['rev-parse', 'main'])).out.trim();
}

const progressOf = () => {
  const events: ProgressEvent[] = [];
  return { events, onProgress: (event: ProgressEvent) => events.push(event) };
};
const rising = (events: readonly ProgressEvent[]) =>
  events.every((event, i) => i === 0 || event.percent >= events[i - 1]!.percent);

let mainCommit = '';
beforeAll(async () => {
  hub = await startFakeHub();
  root = mkdtempSync(join(tmpdir(), 'hfgd-repos ü-'));
  home = join(root, 'home dir');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const key = join(home, '.ssh', 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice@test', '-f', key], {
    env,
    timeoutMs: 10_000,
  });
  hub.addKey('alice', readFileSync(`${key}.pub`, 'utf8'));
  writeFileSync(join(home, '.ssh', 'known_hosts'), `${hub.knownHostsLine}\n`);
  settings = resolveSettings({
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
    HFGD_DATA_DIR: join(home, 'data'),
  });
  mainCommit = await seed('alice/model');
  await seed('datasets/alice/data');
  await seed('spaces/alice/demo');
}, 120_000);
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('clone', () => {
  for (const transport of ['https', 'ssh'] as const)
    for (const path of ['alice/model', 'datasets/alice/data', 'spaces/alice/demo'])
      it(`${path} over ${transport}, with its LFS file and progress rising to 100%`, async () => {
        const progress = progressOf();
        const destination = join(root, `clone-${transport}-${path.replace(/\//g, '-')}`);
        const result = await cloneRepo(
          settings,
          session,
          env,
          { ref: ref(`${hub.httpUrl}/${path}`), transport, destination },
          progress,
        );
        expect(result.pointers).toEqual([]);
        expect(readFileSync(join(destination, 'README.md'), 'utf8')).toBe(`# ${path}\n`);
        expect(
          createHash('sha256')
            .update(readFileSync(join(destination, 'weights.bin')))
            .digest('hex'),
        ).toBe(BIG_OID[path]);
        expect(result.url).toContain(transport === 'ssh' ? 'ssh://git@' : 'http://');
        expect(rising(progress.events)).toBe(true);
        expect(progress.events.at(-1)?.percent).toBe(100);
        expect(progress.events.some((event) => event.phase === 'lfs')).toBe(true);
      });

  it('at a branch, a tag and a commit', async () => {
    const branch = join(root, 'at-branch');
    await cloneRepo(settings, session, env, {
      ref: ref('alice/model'),
      transport: 'https',
      destination: branch,
      revision: 'v2',
    });
    expect(existsSync(join(branch, 'v2.txt'))).toBe(true);
    const tag = join(root, 'at-tag');
    await cloneRepo(settings, session, env, {
      ref: ref(`${hub.httpUrl}/alice/model/tree/v1`),
      transport: 'https',
      destination: tag,
    });
    expect(existsSync(join(tag, 'v2.txt'))).toBe(false);
    const commitDir = join(root, 'at-commit');
    await cloneRepo(settings, session, env, {
      ref: ref('alice/model'),
      transport: 'ssh',
      destination: commitDir,
      revision: mainCommit.slice(0, 12),
    });
    expect((await sh(commitDir, ['rev-parse', 'HEAD'])).out.trim()).toBe(mainCommit);
  });

  it('refuses a folder with files in it, and a file, touching neither', async () => {
    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'mine.txt'), 'keep me');
    await expect(
      cloneRepo(settings, session, env, { ref: ref('alice/model'), transport: 'https', destination: full }),
    ).rejects.toMatchObject({ kind: 'destination' });
    expect(readdirSync(full)).toEqual(['mine.txt']);
    await expect(
      cloneRepo(settings, session, env, {
        ref: ref('alice/model'),
        transport: 'https',
        destination: join(full, 'mine.txt'),
      }),
    ).rejects.toBeInstanceOf(CloneError);
  });

  it('cancelled, leaves nothing behind', async () => {
    const destination = join(root, 'cancelled');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(
      cloneRepo(
        settings,
        session,
        env,
        { ref: ref('alice/model'), transport: 'ssh', destination },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(existsSync(destination)).toBe(false);
  });

  it('finds LFS pointers left by a clone without content, and git lfs pull replaces them', async () => {
    const destination = join(root, 'no-smudge');
    const result = await cloneRepo(settings, session, env, {
      ref: ref('alice/model'),
      transport: 'https',
      destination,
      lfsContent: false,
    });
    expect(result.pointers.map((pointer) => pointer.path)).toEqual(['weights.bin']);
    const progress = progressOf();
    const pulled = await lfsPull(settings, session, env, destination, progress);
    expect(pulled.ok, pulled.output).toBe(true);
    expect(
      createHash('sha256')
        .update(readFileSync(join(destination, 'weights.bin')))
        .digest('hex'),
    ).toBe(BIG_OID['alice/model']);
  });
});

describe('changes, commit and push', () => {
  it('lists changes with sizes, asks for an identity, commits, and pushes with progress', async () => {
    const destination = join(root, 'edit');
    await cloneRepo(settings, session, env, { ref: ref('alice/model'), transport: 'https', destination });
    writeFileSync(join(destination, 'README.md'), '# changed\n');
    writeFileSync(join(destination, 'config.json'), '{"layers": 2}\n');
    const status = await repoStatus(git(), destination);
    expect(status).toMatchObject({
      branch: 'main',
      upstream: 'origin/main',
      ahead: 0,
      behind: 0,
      identity: null,
    });
    expect(status.changes).toEqual([
      { path: 'README.md', status: ' M', staged: false, size: 10 },
      { path: 'config.json', status: '??', staged: false, size: 14 },
    ]);
    await stage(git(), destination, ['config.json']);
    expect((await repoStatus(git(), destination)).changes.find((c) => c.path === 'config.json')?.staged).toBe(
      true,
    );
    await setIdentity(git(), 'Alice Example', 'alice@example.com');
    expect((await repoStatus(git(), destination)).identity).toEqual({
      name: 'Alice Example',
      email: 'alice@example.com',
    });
    await commit(git(), destination, 'Add "config"\n\nwith a quote');
    const progress = progressOf();
    const pushed = await push(git(), destination, progress);
    expect(pushed.ok, pushed.output).toBe(true);
    expect(rising(progress.events)).toBe(true);
    expect(progress.events.at(-1)?.percent).toBe(100);
    expect((await repoStatus(git(), destination)).changes.map((c) => c.path)).toEqual(['README.md']);
  });

  it('says the remote is ahead, then a pull lets the push through', async () => {
    const mine = join(root, 'mine');
    const theirs = join(root, 'theirs');
    await cloneRepo(settings, session, env, {
      ref: ref('datasets/alice/data'),
      transport: 'ssh',
      destination: mine,
    });
    await cloneRepo(settings, session, env, {
      ref: ref('datasets/alice/data'),
      transport: 'https',
      destination: theirs,
    });
    writeFileSync(join(theirs, 'theirs.txt'), 'theirs\n');
    await stage(git(), theirs, 'all');
    await commit(git(), theirs, 'theirs');
    expect((await push(git(), theirs)).ok).toBe(true);
    writeFileSync(join(mine, 'mine.txt'), 'mine\n');
    await stage(git(), mine, 'all');
    await commit(git(), mine, 'mine');
    const refused = await push(git(), mine);
    expect(refused.ok).toBe(false);
    expect(explainFailure(refused.output, { operation: 'push', endpoint: settings.hubEndpoint }).kind).toBe(
      'non_fast_forward',
    );
    expect((await pull(git(), mine)).ok).toBe(true);
    expect((await push(git(), mine)).ok).toBe(true);
  });

  it('pushes a 100 MB LFS file with progress rising to 100%; a cancelled push leaves both sides consistent', async () => {
    const destination = join(root, 'big');
    await cloneRepo(settings, session, env, {
      ref: ref('spaces/alice/demo'),
      transport: 'https',
      destination,
    });
    writeFileSync(join(destination, 'big.bin'), randomBytes(100 * 1024 * 1024));
    const oid = createHash('sha256')
      .update(readFileSync(join(destination, 'big.bin')))
      .digest('hex');
    await stage(git(), destination, 'all');
    await commit(git(), destination, 'big');
    const head = (await sh(destination, ['rev-parse', 'HEAD'])).out.trim();
    const remoteBefore = (await sh(destination, ['ls-remote', 'origin', 'refs/heads/main'])).out.split(
      '\t',
    )[0];
    const controller = new AbortController();
    const cancelled = await push(git(), destination, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'lfs') controller.abort();
      },
    });
    expect(cancelled.cancelled).toBe(true);
    expect((await sh(destination, ['rev-parse', 'HEAD'])).out.trim()).toBe(head);
    expect((await sh(destination, ['ls-remote', 'origin', 'refs/heads/main'])).out.split('\t')[0]).toBe(
      remoteBefore,
    );
    const progress = progressOf();
    const pushed = await push(git(), destination, progress);
    expect(pushed.ok, pushed.output).toBe(true);
    const lfs = progress.events.filter((event) => event.phase === 'lfs');
    expect(lfs.length).toBeGreaterThan(2);
    expect(rising(progress.events)).toBe(true);
    expect(progress.events.at(-1)?.percent).toBe(100);
    expect(hub.lfsObject('spaces/alice/demo', oid)).toBeDefined();
  }, 120_000);

  it('moves an unpushed big file into LFS only with consent, keeping a backup branch', async () => {
    const destination = join(root, 'migrate');
    await cloneRepo(settings, session, env, { ref: ref('alice/model'), transport: 'https', destination });
    writeFileSync(join(destination, 'model.safetensors'), Buffer.alloc(11 * 1024 * 1024, 'm'));
    await stage(git(), destination, 'all');
    await commit(git(), destination, 'add the model');
    expect((await prePushCheck(settings.home, destination, env)).problems.map((p) => p.rule)).toEqual([
      'too_large',
    ]);
    await expect(migrateToLfs(settings, destination, '*.safetensors', false, env)).rejects.toThrow(/consent/);
    const { backupBranch } = await migrateToLfs(
      settings,
      destination,
      '*.safetensors',
      true,
      env,
      new Date('2026-11-30T12:00:00Z'),
    );
    expect(backupBranch).toBe('hfgd-backup-20261130T120000.000');
    expect((await sh(destination, ['branch', '--list', backupBranch])).out).toContain(backupBranch);
    expect((await prePushCheck(settings.home, destination, env)).problems).toEqual([]);
    const kept = readFileSync(join(destination, 'model.safetensors'));
    expect(kept.length).toBe(11 * 1024 * 1024);
    expect(kept.equals(Buffer.alloc(11 * 1024 * 1024, 'm'))).toBe(true);
    expect((await push(git(), destination)).ok).toBe(true);
  });
});

describe('fork with LFS objects (seed 004)', () => {
  it('carries every LFS object of the upstream into the fork', async () => {
    hub.createRepo('alice/model-fork');
    const result = await forkWithLfs(settings, session, env, {
      upstream: ref('alice/model'),
      fork: ref('alice/model-fork'),
      transport: 'ssh',
      destination: join(root, 'fork'),
    });
    expect(result.branch).toBe('main');
    expect(hub.lfsObject('alice/model-fork', BIG_OID['alice/model']!)).toBeDefined();
    const again = join(root, 'fork-again');
    await cloneRepo(settings, session, env, {
      ref: ref('alice/model-fork'),
      transport: 'https',
      destination: again,
    });
    expect(
      createHash('sha256')
        .update(readFileSync(join(again, 'weights.bin')))
        .digest('hex'),
    ).toBe(BIG_OID['alice/model']);
  });
});

describe('recent repositories', () => {
  it('remembers the newest first, each once, with credentials redacted', async () => {
    const dataDir = join(root, 'recent');
    await rememberRepo(dataDir, {
      path: '/a',
      remote: `https://alice:${ALICE_WRITE_TOKEN}@h/alice/a`,
      lastAction: 'cloned',
      at: '1',
    });
    await rememberRepo(dataDir, { path: '/b', remote: 'git@hf.co:alice/b', lastAction: 'pushed', at: '2' });
    await rememberRepo(dataDir, {
      path: '/a',
      remote: 'https://h/alice/a',
      lastAction: 'committed',
      at: '3',
    });
    const list = await readRecent(dataDir);
    expect(list.map((item) => [item.path, item.lastAction])).toEqual([
      ['/a', 'committed'],
      ['/b', 'pushed'],
    ]);
    expect(readFileSync(join(dataDir, 'recent-repos.json'), 'utf8')).not.toContain(ALICE_WRITE_TOKEN);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../../../main/features/https/credentials';
import { run } from '../../../../main/core/run';
import { findPointerFiles } from '../../../../main/features/repos/pointers';
import { forgetScans, prePushCheck } from '../../../../main/features/repos/pre-push';
import { BINARY_LIMIT, describeProblem, trackPatternFor } from '../../../../main/hub/push-rules';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';

/** A file git and the Hub call binary (NUL bytes near the start), of exactly `size` bytes. */
const binaryOf = (size: number): Buffer => {
  const bytes = randomBytes(size);
  bytes[0] = 0;
  return bytes;
};

// The Hub's push rules checked locally, with real git and git-lfs in a temp HOME, and checked
// against the fake hub's pre-receive hook: what the check flags, the hub refuses, and the reverse.

let home: string;
let hub: FakeHub;
const env = { PATH: process.env.PATH };
beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(async () => {
  await hub.stop();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function git(cwd: string, args: readonly string[]): Promise<{ status: number | null; out: string }> {
  const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 60_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

/** A repo with a local bare remote holding one pushed commit, so only new commits count. */
async function repo(): Promise<string> {
  home = mkdtempSync(join(tmpdir(), 'hfgd-prepush ü-'));
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, ['lfs', 'install']);
  const work = join(home, 'work');
  await git(home, ['init', '--quiet', '--initial-branch=main', work]);
  await git(home, ['init', '--quiet', '--bare', join(home, 'remote.git')]);
  await git(work, ['remote', 'add', 'origin', join(home, 'remote.git')]);
  writeFileSync(join(work, 'README.md'), '# model\n');
  // Already on the remote: a binary the Hub would refuse is not this push's problem.
  writeFileSync(join(work, 'old.bin'), Buffer.from([0, 1, 0, 2]));
  await git(work, ['add', '.']);
  await git(work, ['commit', '--quiet', '-m', 'first']);
  await git(work, ['push', '--quiet', 'origin', 'main']);
  return work;
}

async function commit(
  work: string,
  files: Record<string, Buffer | string>,
  message = 'change',
): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, name)), { recursive: true });
    writeFileSync(join(work, name), content);
  }
  await git(work, ['add', '-A']);
  await git(work, ['commit', '--quiet', '-m', message]);
}

describe('prePushCheck', () => {
  it('finds nothing in text changes, and ignores what the remote already has', async () => {
    const work = await repo();
    await commit(work, { 'config.json': '{"a":1}\n' });
    expect(await prePushCheck(home, work, env)).toEqual({ commits: 1, problems: [] });
  });

  it('flags a file over 10 MiB outside LFS, with the pattern to track', async () => {
    const work = await repo();
    await commit(work, { 'model.safetensors': Buffer.alloc(11 * 1024 * 1024, 'a') });
    const report = await prePushCheck(home, work, env);
    expect(report.problems).toEqual([
      {
        rule: 'too_large',
        path: 'model.safetensors',
        size: 11 * 1024 * 1024,
        inHistoryOnly: false,
        trackPattern: '*.safetensors',
        blocking: true,
      },
    ]);
    expect(describeProblem(report.problems[0]!)).toContain('git lfs track "*.safetensors"');
  });

  it('lets the same file through once LFS tracks it', async () => {
    const work = await repo();
    await git(work, ['lfs', 'track', '*.safetensors']);
    await commit(work, { 'model.safetensors': Buffer.alloc(11 * 1024 * 1024, 'a') });
    expect((await prePushCheck(home, work, env)).problems).toEqual([]);
  });

  it('blocks a binary file over 1 MiB, and one deleted later as still in history', async () => {
    const work = await repo();
    await commit(work, { 'clip one.mp4': binaryOf(BINARY_LIMIT + 1) });
    await git(work, ['rm', '--quiet', 'clip one.mp4']);
    await git(work, ['commit', '--quiet', '-m', 'remove']);
    const [problem] = (await prePushCheck(home, work, env)).problems;
    expect(problem).toMatchObject({
      rule: 'binary',
      path: 'clip one.mp4',
      inHistoryOnly: true,
      trackPattern: '*.mp4',
      blocking: true,
    });
    expect(describeProblem(problem!)).toContain('still in a commit being pushed');
  });

  it('only warns about a small binary file: the Hub accepts it', async () => {
    const work = await repo();
    await commit(work, { 'icon.png': Buffer.from([137, 80, 78, 71, 0, 0, 1]) });
    const problems = (await prePushCheck(home, work, env)).problems;
    expect(problems).toEqual([
      {
        rule: 'binary',
        path: 'icon.png',
        size: 7,
        inHistoryOnly: false,
        trackPattern: '*.png',
        blocking: false,
      },
    ]);
    expect(describeProblem(problems[0]!)).toContain('does not stop the push');
  });

  it('flags an LFS file over 5 GB by its pointer, and points to the large-file path', async () => {
    const work = await repo();
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 6000000000\n`;
    await commit(work, { '.gitattributes': '*.gguf filter=lfs diff=lfs merge=lfs -text\n' });
    await commit(work, { 'big.gguf': pointer });
    const problems = (await prePushCheck(home, work, env)).problems;
    expect(problems).toEqual([
      { rule: 'over_5gb', path: 'big.gguf', size: 6_000_000_000, inHistoryOnly: false, blocking: true },
    ]);
    expect(describeProblem(problems[0]!)).toContain('hf lfs-enable-largefiles');
  });

  // What `hf lfs-enable-largefiles .` writes (huggingface_hub cli/lfs.py, in the repository's
  // config) and what `git xet install` writes (xet-core git_xet install.rs, global by default).
  it.each([
    ['hf lfs-enable-largefiles', 'local', ['lfs.customtransfer.multipart.path', 'hf']],
    ['git xet install', 'global', ['lfs.customtransfer.xet.path', 'git-xet']],
    ['a standalone xet agent', 'local', ['lfs.standalonetransferagent', 'xet']],
  ] as const)(
    'lets an LFS file over 5 GB through once %s set it up (%s config)',
    async (_label, scope, setting) => {
      const work = await repo();
      const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'c'.repeat(64)}\nsize 6000000000\n`;
      await commit(work, { '.gitattributes': '*.gguf filter=lfs diff=lfs merge=lfs -text\n' });
      await commit(work, { 'big.gguf': pointer });
      expect((await prePushCheck(home, work, env)).problems).toHaveLength(1);
      expect((await git(work, ['config', `--${scope}`, ...setting])).status).toBe(0);
      expect((await prePushCheck(home, work, env)).problems).toEqual([]);
    },
  );

  it('follows the range: a kept answer is used only until a commit or a push moves it', async () => {
    const work = await repo();
    await commit(work, { 'model.bin': Buffer.alloc(11 * 1024 * 1024, 'm') });
    const first = await prePushCheck(home, work, env);
    expect(first.problems).toMatchObject([{ rule: 'too_large', path: 'model.bin', inHistoryOnly: false }]);
    expect(await prePushCheck(home, work, env)).toEqual(first);
    await git(work, ['rm', '--quiet', 'model.bin']);
    await git(work, ['commit', '--quiet', '-m', 'remove']);
    expect(await prePushCheck(home, work, env)).toMatchObject({
      commits: 2,
      problems: [{ rule: 'too_large', path: 'model.bin', inHistoryOnly: true }],
    });
    // The local remote takes it (it has no Hub rules): now nothing is left to push.
    expect((await git(work, ['push', '--quiet', 'origin', 'main'])).status).toBe(0);
    expect(await prePushCheck(home, work, env)).toEqual({ commits: 0, problems: [] });
  });

  it('counts every commit of a longer range and sees a binary file over 1 MiB by its first bytes', async () => {
    const work = await repo();
    for (let n = 0; n < 5; n += 1) await commit(work, { [`step-${n}.txt`]: `${n}\n` }, `step ${n}`);
    await commit(work, { 'deep/er/clip.wav': binaryOf(BINARY_LIMIT + 10) });
    forgetScans();
    expect(await prePushCheck(home, work, env)).toMatchObject({
      commits: 6,
      problems: [{ rule: 'binary', path: 'deep/er/clip.wav', blocking: true, inHistoryOnly: false }],
    });
  });

  it('suggests a pattern per extension, or the path itself', () => {
    expect(trackPatternFor('weights/model.bin')).toBe('*.bin');
    expect(trackPatternFor('LICENSE')).toBe('LICENSE');
  });
});

describe('findPointerFiles', () => {
  it('finds LFS stubs left in the work tree, and nothing else', async () => {
    const work = await repo();
    const oid = 'b'.repeat(64);
    await commit(work, {
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
      'weights.bin': `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 4096\n`,
      'notes.txt': 'version 2 of the notes\n',
      'random.dat': randomBytes(2048),
    });
    expect(await findPointerFiles(home, work, env)).toEqual([{ path: 'weights.bin', oid, size: 4096 }]);
  });
});

describe('agreement with the Hub’s own rules (the fake hub’s pre-receive hook)', () => {
  // The check blocks exactly what the hub refuses; a warning never stands for a refusal.
  it.each([
    ['a file over 10 MiB', { 'model.bin': Buffer.alloc(11 * 1024 * 1024, 'x') }, false],
    ['a binary over 1 MiB', { 'demo.mp4': binaryOf(1_670_000) }, false],
    ['a small binary', { 'icon.png': Buffer.from([137, 80, 78, 71, 0, 0]) }, true],
    ['a binary of exactly 1 MiB', { 'photo.jpg': binaryOf(BINARY_LIMIT) }, true],
    ['text only', { 'README.md': '# hi\n', 'train.py': 'print(1)\n' }, true],
  ])('%s: the check and the hub agree', async (_label, files, accepted) => {
    home = mkdtempSync(join(tmpdir(), 'hfgd-prepush-hub-'));
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
    await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
    const remote = hub.createRepo(`alice/agree-${Math.random().toString(36).slice(2, 8)}`);
    const work = join(home, 'work');
    await git(home, ['clone', '--quiet', remote.url, work]);
    await commit(work, files);
    const report = await prePushCheck(home, work, env);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(report.problems.some((problem) => problem.blocking)).toBe(!accepted);
    expect(pushed.status === 0, pushed.out).toBe(accepted);
  });
});

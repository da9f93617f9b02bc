import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyHandlers } from '../../../../../main/features/repos/history/handlers';
import { fileDiff, IMAGE_INLINE_LIMIT } from '../../../../../main/features/repos/history/diff-view';
import { fileCounts } from '../../../../../main/git/diff';
import { dispatch, type HandlerTable } from '../../../../../main/ipc/dispatch';
import type { DiffSource, DiffView, Result } from '../../../../../preload/contract';
import { POSIX_MODES } from '../../../../support/platform';
import { makeFixture, type Fixture } from './fixture';

/** Links without special rights: not on Windows, where making one needs Developer Mode or an administrator. */
const LINKS = process.platform !== 'win32';

// fileDiff for real: repositories made with git in a temp HOME, every kind of change (ticked or
// not, new, deleted, renamed, in a commit, a root commit, no commit yet), every kind of file
// (text, picture, LFS pointer and real bytes, other binary, submodule, empty, mode only), and
// the names it must refuse, through dispatch as the window calls it.

let f: Fixture;
const table = historyHandlers() as unknown as HandlerTable;
const diff = (path: string, file: string, source: DiffSource) =>
  dispatch(table, 'fileDiff', { path, file, source }, f.context) as Promise<Result<DiffView>>;
const value = async (path: string, file: string, source: DiffSource): Promise<DiffView> => {
  const result = await diff(path, file, source);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const UNSTAGED: DiffSource = { kind: 'change', staged: false };
const STAGED: DiffSource = { kind: 'change', staged: true };
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
// The smallest PNG there is (1x1, transparent).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let repo: string;
beforeAll(async () => {
  f = makeFixture('diff');
  repo = await f.repo('repo');
  writeFileSync(join(repo, 'a.txt'), 'one\ntwo\nthree\n');
  writeFileSync(join(repo, 'gone.txt'), 'bye\nnow\n');
  writeFileSync(join(repo, 'old name.txt'), 'moved content\nline two\nline three\n');
  writeFileSync(join(repo, 'run.sh'), 'echo hi\n');
  writeFileSync(join(repo, 'pic.png'), PNG);
  await f.sh(repo, ['add', '.']);
  await f.sh(repo, ['commit', '--quiet', '-m', 'first']);
}, 60_000);
afterAll(() => f.cleanup());

describe('text changes', () => {
  it('shows an unticked edit with line numbers, counts and a hunk header', async () => {
    writeFileSync(join(repo, 'a.txt'), 'one\n2\nthree\nfour\n');
    const view = await value(repo, 'a.txt', UNSTAGED);
    expect(view).toMatchObject({ kind: 'text', file: 'a.txt', additions: 2, deletions: 1, truncated: null });
    if (view.kind !== 'text') throw new Error('not text');
    expect(view.lines).toEqual([
      { kind: 'hunk', old: null, new: null, text: '@@ -1,3 +1,4 @@' },
      { kind: 'context', old: 1, new: 1, text: 'one' },
      { kind: 'del', old: 2, new: null, text: 'two' },
      { kind: 'add', old: null, new: 2, text: '2' },
      { kind: 'context', old: 3, new: 3, text: 'three' },
      { kind: 'add', old: null, new: 4, text: 'four' },
    ]);
    // Nothing is ticked yet: the ticked side has no change of this file.
    expect(await value(repo, 'a.txt', STAGED)).toEqual({
      kind: 'none',
      file: 'a.txt',
      reason: 'Nothing of this file’s change is ticked yet.',
    });
  });

  it('shows the ticked part apart from what is still unticked', async () => {
    writeFileSync(join(repo, 'a.txt'), 'one\n2\nthree\nfour\n');
    await f.sh(repo, ['add', 'a.txt']);
    writeFileSync(join(repo, 'a.txt'), 'one\n2\nthree\nfour\nfive\n');
    const staged = await value(repo, 'a.txt', STAGED);
    const unstaged = await value(repo, 'a.txt', UNSTAGED);
    expect(staged).toMatchObject({ kind: 'text', additions: 2, deletions: 1 });
    expect(unstaged).toMatchObject({ kind: 'text', additions: 1, deletions: 0 });
    if (unstaged.kind !== 'text') throw new Error('not text');
    expect(unstaged.lines.filter((line) => line.kind === 'add')).toEqual([
      { kind: 'add', old: null, new: 5, text: 'five' },
    ]);
    await f.sh(repo, ['reset', '--quiet', '--', 'a.txt']);
  });

  it('shows a new untracked file as all added, and a deleted one as all removed', async () => {
    writeFileSync(join(repo, 'new file.md'), '# hi\nthere\n');
    expect(await value(repo, 'new file.md', UNSTAGED)).toMatchObject({
      kind: 'text',
      additions: 2,
      deletions: 0,
      lines: [
        { kind: 'hunk' },
        { kind: 'add', new: 1, text: '# hi' },
        { kind: 'add', new: 2, text: 'there' },
      ],
    });
    unlinkSync(join(repo, 'gone.txt'));
    expect(await value(repo, 'gone.txt', UNSTAGED)).toMatchObject({
      kind: 'text',
      additions: 0,
      deletions: 2,
      lines: [{ kind: 'hunk' }, { kind: 'del', old: 1, text: 'bye' }, { kind: 'del', old: 2, text: 'now' }],
    });
    await f.sh(repo, ['checkout', '--', 'gone.txt']);
    rmSync(join(repo, 'new file.md'));
  });

  it('shows a ticked rename against where it came from', async () => {
    await f.sh(repo, ['mv', 'old name.txt', 'new name.txt']);
    writeFileSync(join(repo, 'new name.txt'), 'moved content\nline two\nline three\nline four\n');
    await f.sh(repo, ['add', 'new name.txt']);
    expect(await value(repo, 'new name.txt', STAGED)).toMatchObject({
      kind: 'text',
      additions: 1,
      deletions: 0,
    });
    await f.sh(repo, ['commit', '--quiet', '-m', 'rename']);
  });

  it('works in a repository with no commit yet', async () => {
    const fresh = await f.repo('fresh');
    writeFileSync(join(fresh, 'x.txt'), 'x\n');
    expect(await value(fresh, 'x.txt', UNSTAGED)).toMatchObject({ kind: 'text', additions: 1 });
    await f.sh(fresh, ['add', 'x.txt']);
    expect(await value(fresh, 'x.txt', STAGED)).toMatchObject({ kind: 'text', additions: 1, deletions: 0 });
  });

  it('shows a conflicted file as it is now against the last commit, markers and all', async () => {
    const torn = await f.repo('torn');
    writeFileSync(join(torn, 'c.txt'), 'base\n');
    await f.sh(torn, ['add', '.']);
    await f.sh(torn, ['commit', '--quiet', '-m', 'base']);
    await f.sh(torn, ['checkout', '--quiet', '-b', 'other']);
    writeFileSync(join(torn, 'c.txt'), 'theirs\n');
    await f.sh(torn, ['commit', '--quiet', '-am', 'theirs']);
    await f.sh(torn, ['checkout', '--quiet', 'main']);
    writeFileSync(join(torn, 'c.txt'), 'mine\n');
    await f.sh(torn, ['commit', '--quiet', '-am', 'mine']);
    await f.sh(torn, ['merge', '--quiet', 'other']).catch(() => undefined);
    const view = await value(torn, 'c.txt', UNSTAGED);
    // "mine" is in the last commit already: a line of context between the markers.
    expect(view).toMatchObject({ kind: 'text', additions: 4, deletions: 0 });
    if (view.kind !== 'text') throw new Error('not text');
    expect(view.lines.filter((line) => line.kind === 'add').map((line) => line.text)).toEqual([
      '<<<<<<< HEAD',
      '=======',
      'theirs',
      '>>>>>>> other',
    ]);
    expect(await diff(torn, 'c.txt', STAGED)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('conflict') },
    });
  });

  it('says what a folder of new files is', async () => {
    mkdirSync(join(repo, 'new folder', 'inner'), { recursive: true });
    writeFileSync(join(repo, 'new folder', 'inner', 'x.txt'), 'x\n');
    expect(await value(repo, 'new folder/', UNSTAGED)).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining('new folder'),
    });
    rmSync(join(repo, 'new folder'), { recursive: true });
  });

  // FIFOs are a POSIX thing; reading one would wait for a writer forever.
  it.skipIf(!POSIX_MODES)('answers at once for a pipe in the work tree, never reading it', async () => {
    const { spawnSync } = await import('node:child_process');
    expect(spawnSync('mkfifo', [join(repo, 'pipe')]).status).toBe(0);
    try {
      expect(await value(repo, 'pipe', UNSTAGED)).toMatchObject({
        kind: 'none',
        reason: expect.stringContaining('not a file'),
      });
    } finally {
      rmSync(join(repo, 'pipe'));
    }
  });

  it('says so for an empty file', async () => {
    writeFileSync(join(repo, 'empty.txt'), '');
    expect(await value(repo, 'empty.txt', UNSTAGED)).toMatchObject({
      kind: 'none',
      reason: 'A new, empty file.',
    });
    rmSync(join(repo, 'empty.txt'));
  });

  // Windows has no executable bit for git to see (core.filemode is false there).
  it.skipIf(!POSIX_MODES)('says so for a change of mode only (POSIX modes)', async () => {
    chmodSync(join(repo, 'run.sh'), 0o755);
    expect(await value(repo, 'run.sh', UNSTAGED)).toEqual({
      kind: 'none',
      file: 'run.sh',
      reason: 'Only the file’s permissions changed: it can now be run as a program.',
    });
    chmodSync(join(repo, 'run.sh'), 0o644);
    writeFileSync(join(repo, 'empty.txt'), '');
    expect(await value(repo, 'empty.txt', UNSTAGED)).toMatchObject({
      kind: 'none',
      reason: 'A new, empty file.',
    });
    rmSync(join(repo, 'empty.txt'));
  });
});

describe('what a commit did', () => {
  it('diffs a commit against its first parent, and a root commit against nothing', async () => {
    const history = await f.sh(repo, ['log', '--format=%H']);
    const [renamed, root] = history.trim().split('\n');
    expect(await value(repo, 'new name.txt', { kind: 'commit', commit: renamed! })).toMatchObject({
      kind: 'text',
      additions: 1,
      deletions: 0,
    });
    expect(await value(repo, 'a.txt', { kind: 'commit', commit: root! })).toMatchObject({
      kind: 'text',
      additions: 3,
      deletions: 0,
      lines: [{ kind: 'hunk', text: '@@ -0,0 +1,3 @@' }, { new: 1, text: 'one' }, { new: 2 }, { new: 3 }],
    });
    // A ref git resolves is accepted as well as an id.
    expect(await value(repo, 'new name.txt', { kind: 'commit', commit: 'HEAD' })).toMatchObject({
      kind: 'text',
    });
  });

  it('refuses a file the commit did not change, an unknown commit, and names that are options', async () => {
    expect(await diff(repo, 'a.txt', { kind: 'commit', commit: 'HEAD' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await diff(repo, 'a.txt', { kind: 'commit', commit: 'f'.repeat(40) })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('There is no commit') },
    });
    expect(await diff(repo, 'a.txt', { kind: 'commit', commit: '--output=/tmp/x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    for (const file of [
      '../outside.txt',
      '-p',
      '/etc/passwd',
      'a/../../b',
      '.git/config',
      'a\nb',
      'a\\..\\..\\b',
      'C:/x',
    ])
      expect(await diff(repo, file, UNSTAGED), file).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    expect(await diff(repo, 'nowhere.txt', UNSTAGED)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await diff('relative/path', 'a.txt', UNSTAGED)).toMatchObject({
      ok: false,
      error: { code: 'repo_unusable' },
    });
  });

  it.runIf(LINKS)('never reads a file through a folder that links out of the repository', async () => {
    const outside = join(f.root, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.png'), PNG);
    symlinkSync(outside, join(repo, 'link'));
    expect(await diff(repo, 'link/secret.png', UNSTAGED)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('outside this repository') },
    });
    rmSync(join(repo, 'link'));
  });
});

describe('pictures, large files and binaries', () => {
  it('shows both sides of a small picture inline, and only the size of a big one', async () => {
    const bigger = Buffer.concat([PNG, Buffer.alloc(100, 1)]);
    writeFileSync(join(repo, 'pic.png'), bigger);
    expect(await value(repo, 'pic.png', UNSTAGED)).toEqual({
      kind: 'image',
      file: 'pic.png',
      before: {
        mime: 'image/png',
        size: PNG.length,
        dataUrl: `data:image/png;base64,${PNG.toString('base64')}`,
      },
      after: {
        mime: 'image/png',
        size: bigger.length,
        dataUrl: `data:image/png;base64,${bigger.toString('base64')}`,
      },
    });
    const huge = Buffer.concat([PNG, randomBytes(IMAGE_INLINE_LIMIT)]);
    writeFileSync(join(repo, 'pic.png'), huge);
    expect(await value(repo, 'pic.png', UNSTAGED)).toMatchObject({
      kind: 'image',
      before: { size: PNG.length, dataUrl: expect.stringMatching(/^data:image\/png;base64,/) },
      after: { size: huge.length, dataUrl: null },
    });
    await f.sh(repo, ['checkout', '--', 'pic.png']);
  });

  it('shows another binary by its sizes', async () => {
    const before = Buffer.from([0, 1, 2, 3, 0, 5]);
    writeFileSync(join(repo, 'data.bin'), before);
    await f.sh(repo, ['add', 'data.bin']);
    await f.sh(repo, ['commit', '--quiet', '-m', 'bin']);
    writeFileSync(join(repo, 'data.bin'), Buffer.concat([before, before]));
    expect(await value(repo, 'data.bin', UNSTAGED)).toEqual({
      kind: 'binary',
      file: 'data.bin',
      beforeSize: 6,
      afterSize: 12,
    });
    expect(await value(repo, 'data.bin', { kind: 'commit', commit: 'HEAD' })).toEqual({
      kind: 'binary',
      file: 'data.bin',
      beforeSize: null,
      afterSize: 6,
    });
    await f.sh(repo, ['checkout', '--', 'data.bin']);
  });

  it('shows an LFS file by its pointers, hashing the real bytes in the work tree, downloading nothing', async () => {
    const lfs = await f.repo('lfs');
    await f.sh(lfs, ['lfs', 'install', '--local']);
    writeFileSync(join(lfs, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
    const first = randomBytes(5000);
    writeFileSync(join(lfs, 'model.bin'), first);
    await f.sh(lfs, ['add', '.']);
    await f.sh(lfs, ['commit', '--quiet', '-m', 'lfs']);
    // The old object must never be needed: it is removed from the local LFS store.
    rmSync(join(lfs, '.git', 'lfs', 'objects'), { recursive: true, force: true });
    const second = randomBytes(7000);
    writeFileSync(join(lfs, 'model.bin'), second);
    expect(await value(lfs, 'model.bin', UNSTAGED)).toEqual({
      kind: 'lfs',
      file: 'model.bin',
      before: { oid: sha256(first), size: 5000 },
      after: { oid: sha256(second), size: 7000 },
    });
    expect(await value(lfs, 'model.bin', { kind: 'commit', commit: 'HEAD' })).toEqual({
      kind: 'lfs',
      file: 'model.bin',
      before: null,
      after: { oid: sha256(first), size: 5000 },
    });
    // Nothing was fetched back into the store to answer.
    expect(() => readFileSync(join(lfs, '.git', 'lfs', 'objects', sha256(first).slice(0, 2)))).toThrow();
  });

  it('says a submodule is one', async () => {
    const inner = await f.repo('inner');
    writeFileSync(join(inner, 'i.txt'), 'i\n');
    await f.sh(inner, ['add', '.']);
    await f.sh(inner, ['commit', '--quiet', '-m', 'inner']);
    const outer = await f.repo('outer');
    await f.sh(outer, ['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', inner, 'sub']);
    expect(await value(outer, 'sub', STAGED)).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining('submodule'),
    });
  });
});

describe('a large text diff', () => {
  it('cuts a 5 MB diff to what the window can show, quickly', async () => {
    const big = await f.repo('big');
    const line = (n: number, tag: string) => `${tag} line ${n} ${'x'.repeat(40)}\n`;
    // 45,000 lines out and 45,000 in, 56 bytes each: a 5 MB patch.
    const count = 45_000;
    writeFileSync(join(big, 'big.txt'), Array.from({ length: count }, (_, n) => line(n, 'old')).join(''));
    await f.sh(big, ['add', '.']);
    await f.sh(big, ['commit', '--quiet', '-m', 'big']);
    writeFileSync(join(big, 'big.txt'), Array.from({ length: count }, (_, n) => line(n, 'new')).join(''));
    const started = performance.now();
    const view = await fileDiff(f.git, big, 'big.txt', UNSTAGED);
    const serialised = JSON.stringify(view);
    const ms = performance.now() - started;
    console.log(
      `diff_service_ms: ${ms.toFixed(0)} ms for a ${((2 * count * 56) / 1e6).toFixed(1)} MB diff, ${serialised.length} bytes sent`,
    );
    expect(view).toMatchObject({ kind: 'text', additions: count, deletions: count });
    if (view.kind !== 'text') throw new Error('not text');
    expect(view.truncated).toEqual({ shownLines: view.lines.length, totalLines: 2 * count + 1 });
    expect(view.lines.length).toBeLessThanOrEqual(10_000);
    expect(serialised.length).toBeLessThan(3 * 1024 * 1024);
    expect(ms).toBeLessThan(3000);
    // What counts a patch too big to keep (past git's output limit) agrees with the patch's own.
    expect(await fileCounts(f.git, big, { kind: 'unstaged' }, ['big.txt'])).toEqual({
      additions: count,
      deletions: count,
    });
  });
});

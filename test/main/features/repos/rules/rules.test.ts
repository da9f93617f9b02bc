import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RepoState } from '../../../../../preload/contract';
import { createSession } from '../../../../../main/core/session';
import { run } from '../../../../../main/core/run';
import { resolveSettings } from '../../../../../main/core/settings';
import { repoHandlers, rulesHandlers } from '../../../../../main/features/repos';
import { checkPattern, matchesTopPattern } from '../../../../../main/features/repos/rules/store-lfs';
import { parsePointer } from '../../../../../main/git/objects';
import { BINARY_LIMIT } from '../../../../../main/hub/push-rules';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../../main/ipc/dispatch';

// Ticking, unticking and the Hub's rules on ticked files (issue 12, item 7), through dispatch as
// both transports call it, with real git and git-lfs in a temp repository under a temp HOME.

let root: string;
let home: string;
let work: string;
let context: HandlerContext;
const table = { ...repoHandlers(), ...rulesHandlers() } as unknown as HandlerTable;
const call = (operation: string, request: unknown) => dispatch(table, operation, request, context);

async function sh(cwd: string, args: readonly string[]): Promise<string> {
  const result = await run('git', args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A file git and the Hub call binary (a NUL byte first), of exactly `size` bytes. */
const binaryOf = (size: number): Buffer => {
  const bytes = randomBytes(size);
  bytes[0] = 0;
  return bytes;
};

/** A repository with one commit (README.md, notes.txt), LFS set up for the user unless told. */
async function repo(options: { readonly lfs?: boolean; readonly commit?: boolean } = {}): Promise<void> {
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = T\n\temail = t@example.com\n');
  if (options.lfs !== false) await sh(home, ['lfs', 'install', '--skip-repo']);
  await sh(root, ['init', '--quiet', '--initial-branch=main', work]);
  writeFileSync(join(work, 'README.md'), '# model\n');
  writeFileSync(join(work, 'notes.txt'), 'first\n');
  if (options.commit === false) return;
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'first']);
}

const value = (result: unknown): RepoState => {
  const answer = result as { ok: boolean; value: RepoState; error?: unknown };
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value;
};
const ticked = (state: RepoState) =>
  state.changes
    .filter((change) => change.staged)
    .map((change) => change.path)
    .sort();
const indexBlob = async (path: string) => sh(work, ['cat-file', 'blob', `:${path}`]);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-rules ü-'));
  home = join(root, 'home');
  mkdirSync(home);
  work = join(root, 'repo');
  context = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('unstageFiles', () => {
  it('unticks the named files only, and leaves every work-tree byte as it was', async () => {
    await repo();
    writeFileSync(join(work, 'README.md'), '# changed\n');
    writeFileSync(join(work, 'new.bin'), binaryOf(300));
    writeFileSync(join(work, ':(exclude)x'), 'magic name\n');
    rmSync(join(work, 'notes.txt'));
    const before = {
      readme: readFileSync(join(work, 'README.md')),
      bin: readFileSync(join(work, 'new.bin')),
    };
    value(await call('stageFiles', { path: work, files: null }));
    const state = value(
      await call('unstageFiles', { path: work, files: ['README.md', 'new.bin', ':(exclude)x'] }),
    );
    expect(ticked(state)).toEqual(['notes.txt']);
    expect(state.changes.find((change) => change.path === 'README.md')?.status).toBe(' M');
    expect(state.changes.find((change) => change.path === 'new.bin')?.status).toBe('??');
    expect(readFileSync(join(work, 'README.md'))).toEqual(before.readme);
    expect(readFileSync(join(work, 'new.bin'))).toEqual(before.bin);
    expect(existsSync(join(work, 'notes.txt'))).toBe(false);
    expect(ticked(value(await call('unstageFiles', { path: work, files: null })))).toEqual([]);
  });

  it('unticks a rename as a whole (the new path and the old one)', async () => {
    await repo();
    await sh(work, ['mv', 'notes.txt', 'renamed.txt']);
    const state = value(await call('repoState', { path: work }));
    expect(state.changes).toContainEqual(
      expect.objectContaining({ path: 'renamed.txt', from: 'notes.txt', status: 'R ' }),
    );
    const after = value(await call('unstageFiles', { path: work, files: ['renamed.txt'] }));
    expect(ticked(after)).toEqual([]);
    expect(after.changes.map((change) => `${change.status}${change.path}`).sort()).toEqual([
      ' Dnotes.txt',
      '??renamed.txt',
    ]);
  });

  it('works before the first commit (no HEAD): the files leave the index, not the disk', async () => {
    await repo({ commit: false });
    value(await call('stageFiles', { path: work, files: null }));
    const state = value(await call('unstageFiles', { path: work, files: ['notes.txt'] }));
    expect(ticked(state)).toEqual(['README.md']);
    expect(readFileSync(join(work, 'notes.txt'), 'utf8')).toBe('first\n');
    expect(ticked(value(await call('unstageFiles', { path: work, files: null })))).toEqual([]);
    expect(readFileSync(join(work, 'README.md'), 'utf8')).toBe('# model\n');
  });

  it('refuses a file that is not ticked, a bad folder and a bad request, with what to do', async () => {
    await repo();
    writeFileSync(join(work, 'README.md'), '# changed\n');
    expect(await call('unstageFiles', { path: work, files: ['README.md'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'README.md is not ticked in this repository.' },
    });
    expect(await call('unstageFiles', { path: join(root, 'nowhere'), files: null })).toMatchObject({
      ok: false,
      error: { code: 'repo_unusable' },
    });
    expect(await call('unstageFiles', { path: work, files: ['a\nb'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('the Hub’s rules on ticked files', () => {
  it('lists a ticked file over 10 MiB and a ticked binary over 1 MiB as they are ticked, and forgets them when unticked', async () => {
    await repo();
    writeFileSync(join(work, 'model.safetensors'), Buffer.alloc(11 * 1024 * 1024, 'a'));
    writeFileSync(join(work, 'clip.mp4'), binaryOf(BINARY_LIMIT + 1));
    writeFileSync(join(work, 'icon.png'), binaryOf(70));
    const unticked = value(await call('repoState', { path: work }));
    expect(unticked.staged.problems).toEqual([]);
    const state = value(await call('stageFiles', { path: work, files: null }));
    expect(
      state.staged.problems.map(({ rule, path, blocking, trackPattern, inHistoryOnly }) => ({
        rule,
        path,
        blocking,
        trackPattern,
        inHistoryOnly,
      })),
    ).toEqual([
      { rule: 'binary', path: 'clip.mp4', blocking: true, trackPattern: '*.mp4', inHistoryOnly: false },
      { rule: 'binary', path: 'icon.png', blocking: false, trackPattern: '*.png', inHistoryOnly: false },
      {
        rule: 'too_large',
        path: 'model.safetensors',
        blocking: true,
        trackPattern: '*.safetensors',
        inHistoryOnly: false,
      },
    ]);
    expect(state.staged.problems[0]?.text).toContain('Store with Git LFS');
    expect(state.staged.problems[1]?.text).toContain('you can commit it as it is');
    const after = value(await call('unstageFiles', { path: work, files: ['model.safetensors', 'clip.mp4'] }));
    expect(after.staged.problems.map((problem) => problem.path)).toEqual(['icon.png']);
  });

  it('lets an LFS file through (the index holds its pointer), and marks LFS files in the list', async () => {
    await repo();
    writeFileSync(join(work, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
    writeFileSync(join(work, 'weights.bin'), binaryOf(2 * 1024 * 1024));
    const state = value(await call('stageFiles', { path: work, files: null }));
    expect(state.staged.problems).toEqual([]);
    expect(state.changes.find((change) => change.path === 'weights.bin')).toMatchObject({ lfs: true });
    expect(state.changes.find((change) => change.path === '.gitattributes')?.lfs).toBeUndefined();
  });

  it('checks the first commit too (nothing in HEAD yet)', async () => {
    await repo({ commit: false });
    writeFileSync(join(work, 'big.dat'), Buffer.alloc(10 * 1024 * 1024 + 1, 'b'));
    const state = value(await call('stageFiles', { path: work, files: null }));
    expect(state.staged.problems.map((problem) => [problem.rule, problem.path])).toEqual([
      ['too_large', 'big.dat'],
    ]);
  });
});

describe('storeWithLfs', () => {
  const pattern = '*.safetensors';

  it('needs consent for this call, and Git LFS set up for the user', async () => {
    await repo({ lfs: false });
    expect(await call('storeWithLfs', { path: work, pattern, consent: false })).toMatchObject({
      ok: false,
      error: { code: 'consent_needed' },
    });
    expect(await call('storeWithLfs', { path: work, pattern, consent: true })).toMatchObject({
      ok: false,
      error: { code: 'lfs_missing', hint: expect.stringContaining('Set up Git LFS') },
    });
    // Without git-lfs on PATH at all: the install advice for this system.
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const gitPath = (
      await run('sh', ['-c', 'command -v git'], { env: process.env, timeoutMs: 5000 })
    ).stdout.trim();
    symlinkSync(gitPath, join(bin, 'git'));
    context = { ...context, env: { PATH: bin } };
    expect(await call('storeWithLfs', { path: work, pattern, consent: true })).toMatchObject({
      ok: false,
      error: { code: 'lfs_missing', message: 'Git LFS is not installed on this computer.' },
    });
    expect(existsSync(join(work, '.gitattributes'))).toBe(false);
  });

  it('refuses patterns that are not *.EXT or one file’s path, before writing anything', async () => {
    await repo();
    for (const bad of ['-x', '*', '**/*.bin', '!*.bin', '#x', '../x', 'a//b', '/abs', 'a b\nc', 'x[1]'])
      expect(await call('storeWithLfs', { path: work, pattern: bad, consent: true }), bad).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    expect(existsSync(join(work, '.gitattributes'))).toBe(false);
    expect(checkPattern('weights/model v2.bin')).toBeUndefined();
    expect(checkPattern('*.tar.gz')).toBeUndefined();
    expect(matchesTopPattern('*.bin', 'a/b/x.bin')).toBe(true);
    expect(matchesTopPattern('LICENSE', 'sub/LICENSE')).toBe(true);
    expect(matchesTopPattern('sub/LICENSE', 'LICENSE')).toBe(false);
  });

  it('stores the ticked file with LFS before any commit: pointer in the index, object in the store, work tree and .gitattributes kept', async () => {
    await repo();
    const attributes = '# keep me\r\n*.txt text eol=lf\r\n*.json -diff';
    writeFileSync(join(work, '.gitattributes'), attributes);
    await sh(work, ['add', '.gitattributes']);
    await sh(work, ['commit', '--quiet', '-m', 'attributes']);
    const head = (await sh(work, ['rev-parse', 'HEAD'])).trim();
    const bytes = randomBytes(11 * 1024 * 1024);
    writeFileSync(join(work, 'model.safetensors'), bytes);
    mkdirSync(join(work, 'sub'));
    writeFileSync(join(work, 'sub', 'other.safetensors'), 'not ticked\n');
    value(await call('stageFiles', { path: work, files: ['model.safetensors'] }));

    const state = value(await call('storeWithLfs', { path: work, pattern, consent: true }));
    expect(state.staged.problems).toEqual([]);
    expect(readFileSync(join(work, '.gitattributes'), 'utf8')).toBe(
      `${attributes}\r\n*.safetensors filter=lfs diff=lfs merge=lfs -text\r\n`,
    );
    expect(readFileSync(join(work, 'model.safetensors')).equals(bytes)).toBe(true);
    const pointer = parsePointer(await indexBlob('model.safetensors'));
    const oid = createHash('sha256').update(bytes).digest('hex');
    expect(pointer).toEqual({ oid, size: bytes.length });
    expect(existsSync(join(work, '.git', 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4), oid))).toBe(
      true,
    );
    expect((await sh(work, ['rev-parse', 'HEAD'])).trim()).toBe(head);
    expect(ticked(state)).toEqual(['.gitattributes', 'model.safetensors']);
    // The file not ticked stays as it was: not ticked, not staged as anything.
    expect(state.changes.find((change) => change.path === 'sub/')).toMatchObject({
      folder: true,
      staged: false,
    });
    expect(state.changes.find((change) => change.path === 'model.safetensors')).toMatchObject({ lfs: true });

    // Asked again (consent again): no second line.
    value(await call('storeWithLfs', { path: work, pattern, consent: true }));
    expect(readFileSync(join(work, '.gitattributes'), 'utf8').split('*.safetensors')).toHaveLength(2);
  });

  it('writes a new .gitattributes, and a path with spaces as git-lfs does', async () => {
    await repo();
    writeFileSync(join(work, 'my weights'), Buffer.alloc(10 * 1024 * 1024 + 5, 'w'));
    const staged = value(await call('stageFiles', { path: work, files: null }));
    expect(staged.staged.problems.map((problem) => problem.trackPattern)).toEqual(['my weights']);
    const state = value(await call('storeWithLfs', { path: work, pattern: 'my weights', consent: true }));
    expect(readFileSync(join(work, '.gitattributes'), 'utf8')).toBe(
      'my[[:space:]]weights filter=lfs diff=lfs merge=lfs -text\n',
    );
    expect(state.staged.problems).toEqual([]);
    expect(parsePointer(await indexBlob('my weights'))?.size).toBe(10 * 1024 * 1024 + 5);
  });

  it('refuses a ticked file with edits not ticked (they would be ticked too), and a linked .gitattributes', async () => {
    await repo();
    writeFileSync(join(work, 'a.bin'), binaryOf(2 * 1024 * 1024));
    await sh(work, ['add', 'a.bin']);
    writeFileSync(join(work, 'a.bin'), binaryOf(2 * 1024 * 1024));
    expect(await call('storeWithLfs', { path: work, pattern: '*.bin', consent: true })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('a.bin has edits that are not ticked') },
    });
    expect(existsSync(join(work, '.gitattributes'))).toBe(false);
    await sh(work, ['add', 'a.bin']);
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'not the repository’s\n');
    symlinkSync(outside, join(work, '.gitattributes'));
    expect(await call('storeWithLfs', { path: work, pattern: '*.bin', consent: true })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(readFileSync(outside, 'utf8')).toBe('not the repository’s\n');
  });
});

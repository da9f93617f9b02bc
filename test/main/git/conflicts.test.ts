import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictXy, MARKER_LINE, readConflicts } from '../../../main/git/conflicts';
import { gitContext, type GitContext } from '../../../main/git/environment';
import { gitDir, readOperation, writeOperation } from '../../../main/git/merge-state';
import { run } from '../../../main/core/run';
import { gitIn } from '../../support/random-tree';

// What readConflicts reports, from real git states: each operation git can stop in, a stash put
// back with conflicts, LFS files in conflict, conflict markers, and the app's own record.

let root: string;
let env: NodeJS.ProcessEnv;
let context: GitContext;
let count = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-conflicts-'));
  mkdirSync(join(root, 'home'));
  writeFileSync(join(root, 'home', '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
  env = { PATH: process.env.PATH, HOME: join(root, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
  context = gitContext({ home: join(root, 'home') }, { PATH: process.env.PATH });
  await gitIn(root, env, ['lfs', 'install', '--skip-repo']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** main and `side` each changed f.txt (and w.bin, stored in LFS) from a common base. */
async function diverged(): Promise<string> {
  count += 1;
  const folder = join(root, `repo-${count}`);
  mkdirSync(folder);
  await gitIn(folder, env, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(folder, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
  writeFileSync(join(folder, 'f.txt'), 'base\n');
  writeFileSync(join(folder, 'w.bin'), Buffer.alloc(3000, 1));
  await gitIn(folder, env, ['add', '--all']);
  await gitIn(folder, env, ['commit', '--quiet', '-m', 'base']);
  await gitIn(folder, env, ['switch', '--quiet', '-c', 'side']);
  writeFileSync(join(folder, 'f.txt'), 'side\n');
  writeFileSync(join(folder, 'w.bin'), Buffer.alloc(3000, 2));
  await gitIn(folder, env, ['commit', '--quiet', '-am', 'side']);
  await gitIn(folder, env, ['switch', '--quiet', 'main']);
  writeFileSync(join(folder, 'f.txt'), 'main\n');
  writeFileSync(join(folder, 'w.bin'), Buffer.alloc(3000, 3));
  await gitIn(folder, env, ['commit', '--quiet', '-am', 'main']);
  return folder;
}

/** Runs git expecting it to stop on conflicts (exit 1). */
async function stops(folder: string, args: readonly string[]): Promise<void> {
  const result = await run('git', ['-c', 'user.name=A', '-c', 'user.email=a@b', ...args], {
    cwd: folder,
    env,
    timeoutMs: 60_000,
  });
  expect(result.exitCode, `${result.stdout}${result.stderr}`).not.toBe(0);
}

describe('readConflicts', () => {
  it('names each unmerged shape by the stages it has, as git status does', () => {
    expect(conflictXy({ 1: 'a', 2: 'b', 3: 'c' })).toBe('UU');
    expect(conflictXy({ 2: 'b', 3: 'c' })).toBe('AA');
    expect(conflictXy({ 1: 'a', 2: 'b' })).toBe('UD');
    expect(conflictXy({ 1: 'a', 3: 'c' })).toBe('DU');
    expect(conflictXy({ 2: 'b' })).toBe('AU');
    expect(conflictXy({ 3: 'c' })).toBe('UA');
    expect(conflictXy({ 1: 'a' })).toBe('DD');
  });

  it('sees markers git writes, not a Markdown heading underline', () => {
    expect(MARKER_LINE.test('x\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> side\n')).toBe(true);
    expect(MARKER_LINE.test('Title\n=======\n')).toBe(false);
    expect(MARKER_LINE.test('a <<<<<<< b\n')).toBe(false);
  });

  it('reports nothing on a clean repository', async () => {
    const folder = await diverged();
    expect(await readConflicts(context, folder)).toEqual({ inProgress: null, files: [] });
  });

  for (const [kind, args, during] of [
    ['merge', ['merge', 'side'], 'other'],
    ['rebase', ['rebase', 'side'], 'other'],
    ['cherry-pick', ['cherry-pick', 'side'], 'other'],
    ['revert', ['revert', '--no-edit', 'HEAD'], 'revert'],
  ] as const)
    it(`reports a ${kind} git stopped in, with its files (LFS ones marked)`, async () => {
      const folder = await diverged();
      if (kind === 'revert') {
        // A revert conflicts when a later commit changed the same lines.
        writeFileSync(join(folder, 'f.txt'), 'later\n');
        await gitIn(folder, env, ['commit', '--quiet', '-am', 'later']);
        await stops(folder, ['revert', '--no-edit', 'HEAD~1']);
      } else await stops(folder, args);
      const conflicts = await readConflicts(context, folder);
      expect(conflicts.inProgress).toEqual({ kind, conflicts: kind === 'revert' ? 1 : 2, during });
      expect(conflicts.files.find((file) => file.path === 'f.txt')).toEqual({
        path: 'f.txt',
        conflict: { xy: 'UU', lfs: false, markers: true },
      });
      if (kind !== 'revert')
        expect(conflicts.files.find((file) => file.path === 'w.bin')?.conflict.lfs).toBe(true);
    });

  it('reports a stash put back with conflicts, with what the app recorded around it', async () => {
    const folder = await diverged();
    writeFileSync(join(folder, 'f.txt'), 'my uncommitted\n');
    await gitIn(folder, env, ['stash', 'push', '--quiet', '-m', 'hfgd: test']);
    const stash = await gitIn(folder, env, ['rev-parse', 'refs/stash']);
    writeFileSync(join(folder, 'f.txt'), 'moved on\n');
    await gitIn(folder, env, ['commit', '--quiet', '-am', 'moved on']);
    await stops(folder, ['stash', 'apply', stash.trim()]);
    const dir = await gitDir(context, folder);
    await writeOperation(dir, { during: 'pull', setAside: stash.trim(), applying: stash.trim() });
    expect((await readConflicts(context, folder)).inProgress).toEqual({
      kind: 'stash',
      conflicts: 1,
      during: 'pull',
      setAside: stash.trim(),
    });
  });

  it('ignores a record it did not write', async () => {
    const folder = await diverged();
    const dir = await gitDir(context, folder);
    writeFileSync(join(dir, 'hfgd-operation.json'), '{"during": "rm -rf", "setAside": "x"}');
    expect(await readOperation(dir)).toBeNull();
    writeFileSync(join(dir, 'hfgd-operation.json'), 'not json');
    expect(await readOperation(dir)).toBeNull();
    writeFileSync(
      join(dir, 'hfgd-operation.json'),
      `{"during": "switch", "setAside": "nope", "branch": "main"}`,
    );
    expect(await readOperation(dir)).toEqual({ during: 'switch', branch: 'main' });
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptContent, lostFiles, workTreeHashes } from './data-safety';
import { gitIn, randomTree } from './random-tree';

// The checker itself must be able to fail: a tree whose work is really thrown away is caught,
// and one whose work is set aside in a stash is not.

let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-safety-check-'));
  env = { PATH: process.env.PATH, HOME: join(root, 'home'), GIT_TERMINAL_PROMPT: '0' };
  mkdirSync(join(root, 'home'));
  await gitIn(root, env, ['lfs', 'install', '--skip-repo']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the data-safety checker', () => {
  it('is reproducible: the same seed builds the same tree', async () => {
    await randomTree({ repo: join(root, 'a'), env, seed: 7 });
    await randomTree({ repo: join(root, 'b'), env, seed: 7 });
    expect([...workTreeHashes(join(root, 'a'))]).toEqual([...workTreeHashes(join(root, 'b'))]);
  });

  it('finds work thrown away by reset --hard and clean, and none when it was stashed', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const thrown = join(root, `thrown-${seed}`);
      const story = await randomTree({ repo: thrown, env, seed });
      writeFileSync(join(thrown, 'surely-new.txt'), `unsaved work ${seed}\n`);
      const before = workTreeHashes(thrown);
      await gitIn(thrown, env, ['reset', '--hard', '--quiet']);
      await gitIn(thrown, env, ['clean', '-fdq']);
      expect(lostFiles(before, keptContent(thrown, env)), JSON.stringify(story)).toContain('surely-new.txt');

      const stashed = join(root, `stashed-${seed}`);
      await randomTree({ repo: stashed, env, seed });
      writeFileSync(join(stashed, 'surely-new.txt'), `unsaved work ${seed}\n`);
      const kept = workTreeHashes(stashed);
      await gitIn(stashed, env, ['stash', 'push', '--include-untracked', '--quiet']);
      expect(lostFiles(kept, keptContent(stashed, env))).toEqual([]);
    }
  });

  it('counts a folder the app keeps things in', async () => {
    const repo = join(root, 'trash-case');
    await randomTree({ repo, env, seed: 11 });
    writeFileSync(join(repo, 'draft.txt'), 'a draft\n');
    const before = workTreeHashes(repo);
    const trash = join(root, 'trash');
    mkdirSync(trash);
    copyFileSync(join(repo, 'draft.txt'), join(trash, 'draft.txt'));
    unlinkSync(join(repo, 'draft.txt'));
    expect(lostFiles(before, keptContent(repo, env))).toEqual(['draft.txt']);
    expect(lostFiles(before, keptContent(repo, env, [trash]))).toEqual([]);
  });
});

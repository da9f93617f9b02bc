import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreFromHead, stagedRenames } from '../../../main/git/discard';
import { inHead, readIndexEntries, setIndexEntries } from '../../../main/git/index-entries';
import { gitIn } from '../../support/random-tree';
import { makeWorld, type World } from '../features/repos/recovery/setup';

// The git side of discard: HEAD's version back through the LFS filter (the content, not the
// pointer), staged renames found, index entries read and set exactly.

let world: World;
let repo: string;
const content = randomBytes(20_000);
beforeAll(async () => {
  world = await makeWorld('git-discard');
  repo = join(world.root, 'repo');
  await gitIn(world.root, world.env, ['init', '--quiet', '--initial-branch=main', repo]);
  writeFileSync(join(repo, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
  writeFileSync(join(repo, 'weights.bin'), content);
  writeFileSync(join(repo, 'notes.txt'), 'notes\n');
  await gitIn(repo, world.env, ['add', '-A']);
  await gitIn(repo, world.env, ['commit', '--quiet', '-m', 'base']);
});
afterAll(() => world.cleanUp());

describe('discard in git', () => {
  it('brings an LFS file back as its content, through the filter', async () => {
    writeFileSync(join(repo, 'weights.bin'), randomBytes(1_000));
    await gitIn(repo, world.env, ['add', 'weights.bin']);
    await restoreFromHead(world.git, repo, ['weights.bin']);
    expect(readFileSync(join(repo, 'weights.bin')).equals(content)).toBe(true);
    expect(await gitIn(repo, world.env, ['status', '--porcelain'])).toBe('');
  });

  it('finds a staged rename, and knows which paths HEAD has', async () => {
    renameSync(join(repo, 'notes.txt'), join(repo, 'renamed.txt'));
    await gitIn(repo, world.env, ['add', '-A']);
    expect(await stagedRenames(world.git, repo)).toEqual(new Map([['renamed.txt', 'notes.txt']]));
    expect(await inHead(world.git, repo, ['renamed.txt', 'notes.txt', 'weights.bin'])).toEqual(
      new Set(['notes.txt', 'weights.bin']),
    );
    await restoreFromHead(world.git, repo, ['renamed.txt', 'notes.txt']);
    expect(await gitIn(repo, world.env, ['status', '--porcelain'])).toBe('');
  });

  it('sets index entries exactly, and takes a path out of the index with null', async () => {
    writeFileSync(join(repo, 'fresh.txt'), 'fresh\n');
    await gitIn(repo, world.env, ['add', 'fresh.txt']);
    const entries = await readIndexEntries(world.git, repo, ['fresh.txt', 'notes.txt', 'missing.txt']);
    expect([...entries.keys()].sort()).toEqual(['fresh.txt', 'notes.txt']);
    await setIndexEntries(world.git, repo, new Map([['fresh.txt', null]]));
    expect(await gitIn(repo, world.env, ['status', '--porcelain'])).toBe('?? fresh.txt\n');
    await setIndexEntries(world.git, repo, new Map([['fresh.txt', entries.get('fresh.txt')!]]));
    expect(await gitIn(repo, world.env, ['status', '--porcelain'])).toBe('A  fresh.txt\n');
  });
});

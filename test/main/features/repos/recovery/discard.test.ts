import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discardFiles, restoreSet } from '../../../../../main/features/repos/recovery/discard';
import { listSets, repoFolder } from '../../../../../main/features/repos/recovery/discarded-store';
import { gitIn } from '../../../../support/random-tree';
import { makeWorld, type World } from './setup';

// Discard and Restore on hand-made repositories: each kind of change goes back to HEAD's
// version, its bytes are kept privately first, and Restore brings back bytes and ticked state.

let world: World;
beforeAll(async () => {
  world = await makeWorld('discard');
});
afterAll(() => world.cleanUp());

async function repoWith(name: string): Promise<string> {
  const repo = join(world.root, name);
  await gitIn(world.root, world.env, ['init', '--quiet', '--initial-branch=main', repo]);
  writeFileSync(join(repo, 'a.txt'), 'a\n');
  writeFileSync(join(repo, 'b.txt'), 'b\n');
  await gitIn(repo, world.env, ['add', '-A']);
  await gitIn(repo, world.env, ['commit', '--quiet', '-m', 'base']);
  return repo;
}
const status = (repo: string) => gitIn(repo, world.env, ['status', '--porcelain=v1', '-uall']);

describe('discard', () => {
  it('takes back an edit, a staged new file, an untracked file and a deletion; Restore brings all back', async () => {
    const repo = await repoWith('kinds');
    writeFileSync(join(repo, 'a.txt'), 'edited\n');
    writeFileSync(join(repo, 'new.txt'), 'staged new\n');
    await gitIn(repo, world.env, ['add', 'new.txt']);
    writeFileSync(join(repo, 'loose.txt'), 'untracked\n');
    await gitIn(repo, world.env, ['rm', '--quiet', '--cached', 'b.txt']);
    const before = await status(repo);
    const set = await discardFiles(world.git, world.dataDir, repo, [
      'a.txt',
      'new.txt',
      'loose.txt',
      'b.txt',
    ]);
    expect(await status(repo)).toBe('');
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('a\n');
    expect(existsSync(join(repo, 'new.txt'))).toBe(false);
    expect(existsSync(join(repo, 'loose.txt'))).toBe(false);
    expect(set.inTrash).toBe(false);
    const folder = join(await repoFolder(world.dataDir, repo), set.id);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'manifest.json')).mode & 0o777).toBe(0o600);
    expect((await listSets(world.dataDir, repo)).map((kept) => kept.id)).toEqual([set.id]);

    await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(await status(repo)).toBe(before);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('edited\n');
    expect(readFileSync(join(repo, 'loose.txt'), 'utf8')).toBe('untracked\n');
    expect(await listSets(world.dataDir, repo)).toEqual([]);
  });

  it('discards only the files named, and refuses one that is not a change, naming it', async () => {
    const repo = await repoWith('only');
    writeFileSync(join(repo, 'a.txt'), 'edited a\n');
    writeFileSync(join(repo, 'b.txt'), 'edited b\n');
    await expect(discardFiles(world.git, world.dataDir, repo, ['a.txt', 'nope.txt'])).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('nope.txt'),
    });
    expect(await status(repo)).toBe(' M a.txt\n M b.txt\n');
    await discardFiles(world.git, world.dataDir, repo, ['a.txt']);
    expect(await status(repo)).toBe(' M b.txt\n');
  });

  it('moves the files to the trash too in the desktop app, and still restores from its own copy', async () => {
    const repo = await repoWith('trash');
    writeFileSync(join(repo, 'a.txt'), 'to the trash\n');
    const trashed: string[] = [];
    // A stand-in for Electron's shell.trashItem: it moves the file away, as the real one does.
    const trashItem = async (path: string) => {
      trashed.push(path);
      writeFileSync(join(world.root, `trashed-${trashed.length}`), readFileSync(path));
      await import('node:fs/promises').then((fs) => fs.rm(path));
    };
    const set = await discardFiles(world.git, world.dataDir, repo, ['a.txt'], trashItem);
    expect(trashed).toEqual([join(repo, 'a.txt')]);
    expect(set.inTrash).toBe(true);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('a\n');
    await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('to the trash\n');
  });

  it('keeps an edit made after the discard as a set of its own before restoring', async () => {
    const repo = await repoWith('since');
    writeFileSync(join(repo, 'a.txt'), 'first\n');
    const set = await discardFiles(world.git, world.dataDir, repo, ['a.txt']);
    writeFileSync(join(repo, 'a.txt'), 'written since\n');
    const { keptFirst } = await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('first\n');
    expect(keptFirst?.reason).toBe('before-restore');
    const second = await restoreSet(world.git, world.dataDir, repo, keptFirst!.id);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('written since\n');
    // Nothing changed between the two restores, so nothing more needed keeping.
    expect(second.keptFirst).toBeUndefined();
  });
});

describe('discard of a renamed file', () => {
  it('brings the old name back too, and Restore puts the rename back', async () => {
    const repo = await repoWith('rename');
    await gitIn(repo, world.env, ['mv', 'a.txt', 'renamed.txt']);
    const before = await status(repo);
    expect(before).toBe('R  a.txt -> renamed.txt\n');
    const set = await discardFiles(world.git, world.dataDir, repo, ['renamed.txt']);
    expect(await status(repo)).toBe('');
    expect(set.files.map((file) => file.path)).toEqual(['renamed.txt', 'a.txt']);
    await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(await status(repo)).toBe(before);
  });

  it('removes the empty folders an untracked file leaves, and brings them back with it', async () => {
    const repo = await repoWith('folders');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(repo, 'deep', 'er'), { recursive: true });
    writeFileSync(join(repo, 'deep', 'er', 'x.txt'), 'deep\n');
    const set = await discardFiles(world.git, world.dataDir, repo, ['deep/er/x.txt']);
    expect(existsSync(join(repo, 'deep'))).toBe(false);
    await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(readFileSync(join(repo, 'deep', 'er', 'x.txt'), 'utf8')).toBe('deep\n');
  });
});

describe('discard before the first commit', () => {
  it('unticks and removes a new file of a repository with no commit yet, and Restore brings it back ticked', async () => {
    const repo = join(world.root, 'unborn');
    await gitIn(world.root, world.env, ['init', '--quiet', '--initial-branch=main', repo]);
    writeFileSync(join(repo, 'first.txt'), 'first\n');
    writeFileSync(join(repo, 'loose.txt'), 'loose\n');
    await gitIn(repo, world.env, ['add', 'first.txt']);
    const set = await discardFiles(world.git, world.dataDir, repo, ['first.txt', 'loose.txt']);
    expect(await status(repo)).toBe('');
    await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(await status(repo)).toBe('A  first.txt\n?? loose.txt\n');
  });
});

describe('discard of many files', () => {
  it('discards and restores 600 files (more than go on one command line)', async () => {
    const repo = await repoWith('many');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(repo, 'many'));
    const names = Array.from({ length: 600 }, (_, index) => `many/file-${index}.txt`);
    for (const name of names) writeFileSync(join(repo, name), `${name}\n`);
    await gitIn(repo, world.env, ['add', 'many']);
    writeFileSync(join(repo, 'a.txt'), 'edited\n');
    const before = await status(repo);
    const set = await discardFiles(world.git, world.dataDir, repo, [...names, 'a.txt']);
    expect(await status(repo)).toBe('');
    await restoreSet(world.git, world.dataDir, repo, set.id);
    expect(await status(repo)).toBe(before);
  });
});

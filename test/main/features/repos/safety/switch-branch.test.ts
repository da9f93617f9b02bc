import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConflicts } from '../../../../../main/git/conflicts';
import { workTreeHashes } from '../../../../support/random-tree';
import { startWorld, type World } from './world';

// Switching branch never loses anything: changes carried along (set aside and put back when git
// would refuse), or left set aside on the old branch and put back on return; bad names and
// unknown branches refused with their own codes; a conflict becomes the conflict flow.

let world: World;
let repos = 0;

beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => world.stop());

/** My clone of a hub repo with main and a branch `other` (README differs), `other` only on the Hub. */
async function repoWithBranches() {
  repos += 1;
  const path = `alice/switch-${repos}`;
  await world.seedRepo(path, { 'README.md': 'main readme\n', 'notes.txt': 'notes\n' });
  const seed = await world.clone(path, 'seeder');
  await world.sh(seed, ['switch', '--quiet', '-c', 'other']);
  writeFileSync(join(seed, 'README.md'), 'other readme\n');
  writeFileSync(join(seed, 'only-other.txt'), 'only on other\n');
  await world.sh(seed, ['add', '--all']);
  await world.sh(seed, ['commit', '--quiet', '-m', 'other']);
  await world.sh(seed, ['push', '--quiet', 'origin', 'other']);
  return world.clone(path, 'mine');
}

const switchTo = (path: string, branch: string, changes: 'carry' | 'leave') =>
  world.call('switchBranch', { path, branch, changes });
const branch = async (repo: string) => (await world.sh(repo, ['branch', '--show-current'])).trim();

describe('switchBranch', () => {
  it('carries changes git can carry, to a branch only the Hub has (tracking it)', async () => {
    const mine = await repoWithBranches();
    writeFileSync(join(mine, 'notes.txt'), 'my notes\n');
    writeFileSync(join(mine, 'new.txt'), 'new\n');
    const switched = await switchTo(mine, 'other', 'carry');
    expect(switched.ok, JSON.stringify(switched.error)).toBe(true);
    expect(switched.value.notes).toEqual(['Your 2 uncommitted changes came along to other.']);
    expect(await branch(mine)).toBe('other');
    expect((await world.sh(mine, ['rev-parse', '--abbrev-ref', 'other@{u}'])).trim()).toBe('origin/other');
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(readFileSync(join(mine, 'new.txt'), 'utf8')).toBe('new\n');
  });

  it('carries changes git refuses to carry by setting them aside; a clash becomes the conflict flow', async () => {
    const mine = await repoWithBranches();
    await world.sh(mine, ['branch', '--quiet', '--track', 'other', 'origin/other']);
    writeFileSync(join(mine, 'README.md'), 'my readme\n');
    const before = workTreeHashes(mine);
    const switched = await switchTo(mine, 'other', 'carry');
    expect(switched.ok, JSON.stringify(switched.error)).toBe(true);
    expect(await branch(mine)).toBe('other');
    const conflicts = await readConflicts(world.git(), mine);
    expect(conflicts.inProgress).toMatchObject({ kind: 'stash', during: 'switch', conflicts: 1 });
    expect(conflicts.files.map((file) => file.path)).toEqual(['README.md']);
    // Abort: back on main with my change, exactly.
    expect((await world.call('abortOperation', { path: mine })).ok).toBe(true);
    expect(await branch(mine)).toBe('main');
    expect(workTreeHashes(mine)).toEqual(before);
    expect(await world.sh(mine, ['status', '--porcelain'])).toBe(' M README.md\n');
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
    // Again, and keep mine this time: my README on `other`.
    await switchTo(mine, 'other', 'carry');
    expect((await world.call('resolveConflict', { path: mine, file: 'README.md', choice: 'mine' })).ok).toBe(
      true,
    );
    expect(readFileSync(join(mine, 'README.md'), 'utf8')).toBe('my readme\n');
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
  });

  it('aborts a clash from a detached HEAD back to that commit, moving no branch', async () => {
    const mine = await repoWithBranches();
    await world.sh(mine, ['branch', '--quiet', '--track', 'other', 'origin/other']);
    const other = await world.sh(mine, ['rev-parse', 'other']);
    await world.sh(mine, ['switch', '--quiet', '--detach', 'main']);
    const head = await world.sh(mine, ['rev-parse', 'HEAD']);
    writeFileSync(join(mine, 'README.md'), 'my readme\n');
    await switchTo(mine, 'other', 'carry');
    expect((await readConflicts(world.git(), mine)).inProgress).toMatchObject({ during: 'switch' });
    expect((await world.call('abortOperation', { path: mine })).ok).toBe(true);
    expect(await branch(mine)).toBe('');
    expect(await world.sh(mine, ['rev-parse', 'HEAD'])).toBe(head);
    expect(await world.sh(mine, ['rev-parse', 'other'])).toBe(other);
    expect(await world.sh(mine, ['status', '--porcelain'])).toBe(' M README.md\n');
  });

  it('leaves changes on the old branch and puts them back on return, saying so', async () => {
    const mine = await repoWithBranches();
    writeFileSync(join(mine, 'README.md'), 'my readme\n');
    writeFileSync(join(mine, 'draft.txt'), 'draft\n');
    await world.sh(mine, ['add', 'draft.txt']);
    const before = { files: workTreeHashes(mine), status: await world.sh(mine, ['status', '--porcelain']) };
    const away = await switchTo(mine, 'other', 'leave');
    expect(away.value.notes).toEqual([
      'Your 2 uncommitted changes stay set aside on main; they come back when you switch back to it.',
    ]);
    expect(await world.sh(mine, ['status', '--porcelain'])).toBe('');
    expect(readFileSync(join(mine, 'README.md'), 'utf8')).toBe('other readme\n');
    expect(existsSync(join(mine, 'draft.txt'))).toBe(false);
    expect(await world.sh(mine, ['stash', 'list', '--format=%gs'])).toBe('On main: hfgd: left on main\n');
    const back = await switchTo(mine, 'main', 'carry');
    expect(back.value.notes).toEqual(['The changes you left on main are back.']);
    expect(workTreeHashes(mine)).toEqual(before.files);
    expect(await world.sh(mine, ['status', '--porcelain'])).toBe(before.status);
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
  });

  it('refuses a bad name, an unknown branch, and a switch in the middle of a conflict', async () => {
    const mine = await repoWithBranches();
    for (const name of ['-f', 'a..b', 'x y', '@{-1}', 'HEAD', 'end.lock'])
      expect(await switchTo(mine, name, 'carry'), name).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^(bad_branch_name|invalid_input)$/) },
      });
    expect(await switchTo(mine, 'nowhere', 'carry')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await switchTo(mine, 'main', 'leave')).toMatchObject({
      ok: true,
      value: { notes: ['You are on main already.'] },
    });
    await world.sh(mine, ['branch', '--quiet', '--track', 'other', 'origin/other']);
    writeFileSync(join(mine, 'README.md'), 'my readme\n');
    await switchTo(mine, 'other', 'carry');
    expect(await switchTo(mine, 'main', 'carry')).toMatchObject({
      ok: false,
      error: { code: 'operation_in_progress' },
    });
  });
});

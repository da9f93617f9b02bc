import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAside } from '../../../main/features/repos/safety/guard';
import { gitContext, type GitContext } from '../../../main/git/environment';
import {
  hasHead,
  stashApply,
  stashDrop,
  stashList,
  stashPush,
  uncommittedCount,
} from '../../../main/git/stash';
import { gitIn } from '../../support/random-tree';

// Setting work aside and putting it back, with real git: what counts as uncommitted (ignored
// files never), a branch with no commit, the ticked changes kept or (when git cannot) let go
// with the rest put back, a stash kept when git cannot put it back, and drops by commit id.

let root: string;
let env: NodeJS.ProcessEnv;
let context: GitContext;
let count = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-stash-'));
  mkdirSync(join(root, 'home'));
  writeFileSync(join(root, 'home', '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
  env = { PATH: process.env.PATH, HOME: join(root, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
  context = gitContext({ home: join(root, 'home') }, { PATH: process.env.PATH });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A repository with a.txt and b.txt committed, and `.gitignore` ignoring *.log. */
async function repo(commit = true): Promise<string> {
  count += 1;
  const folder = join(root, `repo-${count}`);
  mkdirSync(folder);
  await gitIn(folder, env, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(folder, 'a.txt'), 'a\nb\nc\nd\ne\nf\n');
  writeFileSync(join(folder, 'b.txt'), 'b\n');
  writeFileSync(join(folder, '.gitignore'), '*.log\n');
  if (commit) {
    await gitIn(folder, env, ['add', '--all']);
    await gitIn(folder, env, ['commit', '--quiet', '-m', 'base']);
  }
  return folder;
}

describe('stash', () => {
  it('counts edits, deletions, new files and a rename once; never ignored files', async () => {
    const folder = await repo();
    expect(await uncommittedCount(context, folder)).toBe(0);
    writeFileSync(join(folder, 'debug.log'), 'ignored\n');
    expect(await uncommittedCount(context, folder)).toBe(0);
    writeFileSync(join(folder, 'a.txt'), 'edited\n');
    rmSync(join(folder, 'b.txt'));
    writeFileSync(join(folder, 'new file.txt'), 'new\n');
    expect(await uncommittedCount(context, folder)).toBe(3);
    await gitIn(folder, env, ['add', '--all']);
    await gitIn(folder, env, ['mv', 'new file.txt', 'renamed.txt']);
    expect(await uncommittedCount(context, folder)).toBe(3);
  });

  it('sets everything aside but ignored files, and returns null when there is nothing', async () => {
    const folder = await repo();
    writeFileSync(join(folder, 'debug.log'), 'ignored\n');
    expect(await stashPush(context, folder, 'hfgd: nothing')).toBeNull();
    writeFileSync(join(folder, 'a.txt'), 'edited\n');
    writeFileSync(join(folder, 'new.txt'), 'new\n');
    const stash = await stashPush(context, folder, 'hfgd: test');
    expect(stash).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitIn(folder, env, ['status', '--porcelain'])).toBe('');
    expect(readFileSync(join(folder, 'debug.log'), 'utf8')).toBe('ignored\n');
    expect(await stashList(context, folder)).toEqual([{ commit: stash, subject: 'On main: hfgd: test' }]);
    await expect(stashPush(context, folder, 'not the app’s')).rejects.toThrow(/prefix/);
  });

  it('sets nothing aside on a branch with no commit yet, and leaves the files alone', async () => {
    const folder = await repo(false);
    expect(await hasHead(context, folder)).toBe(false);
    expect(await setAside(context, folder, 'hfgd: unborn')).toEqual({ stash: null, count: 3, unborn: true });
    expect(readFileSync(join(folder, 'b.txt'), 'utf8')).toBe('b\n');
  });

  it('puts ticked changes back ticked, and unticked when git cannot tick them again', async () => {
    const folder = await repo();
    writeFileSync(join(folder, 'a.txt'), 'A\nb\nc\nd\ne\nf\n');
    await gitIn(folder, env, ['add', 'a.txt']);
    const kept = await stashPush(context, folder, 'hfgd: ticked');
    expect(await stashApply(context, folder, kept!)).toEqual({ kind: 'applied', index: true });
    expect(await gitIn(folder, env, ['status', '--porcelain'])).toBe('M  a.txt\n');
    await stashDrop(context, folder, kept!);

    const moved = await stashPush(context, folder, 'hfgd: ticked again');
    // The branch changes a line in the ticked edit's context (not next to it): the index patch
    // no longer applies ("conflicts in index"), the work-tree merge still does.
    writeFileSync(join(folder, 'a.txt'), 'a\nb\nc\nD\ne\nf\n');
    await gitIn(folder, env, ['commit', '--quiet', '-am', 'line four']);
    expect(await stashApply(context, folder, moved!)).toEqual({ kind: 'applied', index: false });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('A\nb\nc\nD\ne\nf\n');
  });

  it('reports a conflict, and a stash git could not put back (a new file’s name taken), keeping both', async () => {
    const folder = await repo();
    writeFileSync(join(folder, 'b.txt'), 'mine\n');
    const clash = await stashPush(context, folder, 'hfgd: clash');
    writeFileSync(join(folder, 'b.txt'), 'theirs\n');
    await gitIn(folder, env, ['commit', '--quiet', '-am', 'theirs']);
    expect(await stashApply(context, folder, clash!)).toMatchObject({ kind: 'conflict' });
    expect((await stashList(context, folder)).map((entry) => entry.commit)).toEqual([clash]);

    const other = await repo();
    writeFileSync(join(other, 'new.txt'), 'my new file\n');
    const taken = await stashPush(context, other, 'hfgd: taken');
    writeFileSync(join(other, 'new.txt'), 'committed meanwhile\n');
    await gitIn(other, env, ['add', 'new.txt']);
    await gitIn(other, env, ['commit', '--quiet', '-m', 'new.txt']);
    expect(await stashApply(context, other, taken!)).toMatchObject({
      kind: 'failed',
      output: expect.stringContaining('already exists'),
    });
    expect((await stashList(context, other)).map((entry) => entry.commit)).toEqual([taken]);
  });

  it('drops a stash by its commit id, whatever its place in the list', async () => {
    const folder = await repo();
    const made: string[] = [];
    for (const round of [1, 2, 3]) {
      writeFileSync(join(folder, 'a.txt'), `round ${round}\n`);
      made.push((await stashPush(context, folder, `hfgd: round ${round}`))!);
    }
    await stashDrop(context, folder, made[1]!);
    expect((await stashList(context, folder)).map((entry) => entry.commit)).toEqual([made[2], made[0]]);
    await stashDrop(context, folder, made[1]!); // gone already: nothing else is dropped
    expect(await stashList(context, folder)).toHaveLength(2);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitError } from '../../../main/git/core';
import {
  headCommit,
  moveBranchKeeping,
  remoteBranchesHolding,
  undoLastCommit,
} from '../../../main/git/reset';
import { gitIn } from '../../support/random-tree';
import { makeWorld, type World } from '../features/repos/recovery/setup';

// Moving a branch never over uncommitted work: `reset --keep` refuses where `--hard` would
// overwrite; undo keeps the commit's changes ticked, and the commit is still in the reflog.

let world: World;
let repo: string;
const sh = (...args: string[]) => gitIn(repo, world.env, args);
beforeAll(async () => {
  world = await makeWorld('git-undo');
  repo = join(world.root, 'repo');
  await gitIn(world.root, world.env, ['init', '--quiet', '--initial-branch=main', repo]);
  writeFileSync(join(repo, 'a.txt'), 'one\n');
  await sh('add', '-A');
  await sh('commit', '--quiet', '-m', 'one');
  writeFileSync(join(repo, 'a.txt'), 'two\n');
  await sh('commit', '--quiet', '-am', 'two');
});
afterAll(() => world.cleanUp());

describe('moving the branch', () => {
  it('refuses to move over an uncommitted edit of a file that differs, and changes nothing', async () => {
    const one = (await sh('rev-parse', 'HEAD~1')).trim();
    const two = (await sh('rev-parse', 'HEAD')).trim();
    writeFileSync(join(repo, 'a.txt'), 'uncommitted\n');
    await expect(moveBranchKeeping(world.git, repo, one)).rejects.toBeInstanceOf(GitError);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('uncommitted\n');
    expect((await sh('rev-parse', 'HEAD')).trim()).toBe(two);
    await sh('checkout', '--', 'a.txt');
  });

  it('knows which remote-tracking branches hold a commit', async () => {
    const head = await headCommit(world.git, repo);
    expect(await remoteBranchesHolding(world.git, repo, head!.sha)).toEqual([]);
    await sh('update-ref', 'refs/remotes/origin/main', 'HEAD~1');
    expect(await remoteBranchesHolding(world.git, repo, head!.sha)).toEqual([]);
    expect(await remoteBranchesHolding(world.git, repo, head!.parents[0]!)).toEqual(['origin/main']);
  });

  it('undoes the last commit with its change ticked; `reset --soft` with its id redoes it', async () => {
    const head = (await headCommit(world.git, repo))!;
    await undoLastCommit(world.git, repo, head);
    expect(await sh('status', '--porcelain')).toBe('M  a.txt\n');
    expect(await sh('reflog', '--format=%H')).toContain(head.sha);
    await sh('reset', '--soft', head.sha);
    expect((await sh('rev-parse', 'HEAD')).trim()).toBe(head.sha);
    expect(await sh('status', '--porcelain')).toBe('');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitContext, type GitContext } from '../../../main/git/environment';
import { pull, pullRebaseSetting } from '../../../main/git/pull';
import { gitIn } from '../../support/random-tree';

// A pull merges unless the repository says rebase: git 2.33+ refuses a pull of diverged branches
// with no choice made ("You have divergent branches"), so the app chooses merge when nothing is set.

let root: string;
let env: NodeJS.ProcessEnv;
let context: GitContext;
let count = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-pull-'));
  mkdirSync(join(root, 'home'));
  writeFileSync(join(root, 'home', '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
  env = { PATH: process.env.PATH, HOME: join(root, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
  context = gitContext({ home: join(root, 'home') }, { PATH: process.env.PATH });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A bare remote, my clone with one commit of mine, and the remote one commit ahead: diverged. */
async function diverged(): Promise<string> {
  count += 1;
  const dir = join(root, `${count}`);
  mkdirSync(dir);
  await gitIn(dir, env, ['init', '--quiet', '--bare', '--initial-branch=main', 'remote.git']);
  await gitIn(dir, env, ['clone', '--quiet', 'remote.git', 'theirs']);
  const theirs = join(dir, 'theirs');
  writeFileSync(join(theirs, 'a.txt'), 'a\n');
  await gitIn(theirs, env, ['add', '.']);
  await gitIn(theirs, env, ['commit', '--quiet', '-m', 'a']);
  await gitIn(theirs, env, ['push', '--quiet', 'origin', 'HEAD:main']);
  await gitIn(dir, env, ['clone', '--quiet', 'remote.git', 'mine']);
  writeFileSync(join(theirs, 'b.txt'), 'b\n');
  await gitIn(theirs, env, ['add', '.']);
  await gitIn(theirs, env, ['commit', '--quiet', '-m', 'b']);
  await gitIn(theirs, env, ['push', '--quiet', 'origin', 'HEAD:main']);
  const mine = join(dir, 'mine');
  writeFileSync(join(mine, 'c.txt'), 'c\n');
  await gitIn(mine, env, ['add', '.']);
  await gitIn(mine, env, ['commit', '--quiet', '-m', 'c']);
  return mine;
}

const parents = async (repo: string) =>
  (await gitIn(repo, env, ['rev-list', '--parents', '-n', '1', 'HEAD'])).trim().split(' ').length - 1;

describe('pull', () => {
  it('reads the branch’s own setting first, then pull.rebase; unset is null', async () => {
    const mine = await diverged();
    expect(await pullRebaseSetting(context, mine)).toBeNull();
    await gitIn(mine, env, ['config', 'pull.rebase', 'true']);
    expect(await pullRebaseSetting(context, mine)).toBe('true');
    await gitIn(mine, env, ['config', 'branch.main.rebase', 'false']);
    expect(await pullRebaseSetting(context, mine)).toBe('false');
  });

  it('merges diverged branches when nothing is set (git alone would refuse)', async () => {
    const mine = await diverged();
    const alone = await diverged();
    const plain = await gitIn(alone, env, ['pull']).catch((error: Error) => error.message);
    expect(String(plain)).toMatch(/divergent branches|Need to specify how to reconcile/);
    const result = await pull(context, mine);
    expect(result.ok, result.output).toBe(true);
    expect(await parents(mine)).toBe(2);
    expect(readFileSync(join(mine, 'b.txt'), 'utf8')).toBe('b\n');
  });

  it('rebases when the repository says so, keeping my commit on top', async () => {
    const mine = await diverged();
    await gitIn(mine, env, ['config', 'pull.rebase', 'true']);
    const result = await pull(context, mine);
    expect(result.ok, result.output).toBe(true);
    expect(await parents(mine)).toBe(1);
    expect((await gitIn(mine, env, ['log', '--format=%s'])).trim().split('\n')).toEqual(['c', 'b', 'a']);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitContext, type GitContext } from '../../../main/git/environment';
import { branchName, currentBranch, findBranch, switchBranch } from '../../../main/git/switch';
import { gitIn } from '../../support/random-tree';

// Switching branch with real git: names git accepts, where a branch is (local, on a remote,
// nowhere), and a switch git refuses because uncommitted changes would be overwritten.

let root: string;
let env: NodeJS.ProcessEnv;
let context: GitContext;
let mine: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-switch-'));
  mkdirSync(join(root, 'home'));
  writeFileSync(join(root, 'home', '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
  env = { PATH: process.env.PATH, HOME: join(root, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
  context = gitContext({ home: join(root, 'home') }, { PATH: process.env.PATH });
  const seed = join(root, 'seed');
  mkdirSync(seed);
  await gitIn(seed, env, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(seed, 'a.txt'), 'main\n');
  await gitIn(seed, env, ['add', '.']);
  await gitIn(seed, env, ['commit', '--quiet', '-m', 'main']);
  await gitIn(seed, env, ['switch', '--quiet', '-c', 'feature/x']);
  writeFileSync(join(seed, 'a.txt'), 'feature\n');
  await gitIn(seed, env, ['commit', '--quiet', '-am', 'feature']);
  await gitIn(seed, env, ['switch', '--quiet', 'main']);
  await gitIn(root, env, ['clone', '--quiet', seed, 'mine']);
  mine = join(root, 'mine');
  await gitIn(mine, env, ['remote', 'add', 'backup', seed]);
  await gitIn(mine, env, ['fetch', '--quiet', 'backup']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('switch', () => {
  it('accepts the names git accepts as they are, and nothing else', async () => {
    expect(await branchName(context, mine, 'feature/x')).toBe('feature/x');
    for (const bad of ['', '-f', 'a..b', 'x y', '@{-1}', 'HEAD', 'x.lock', 'a:b', 'tail/'])
      expect(await branchName(context, mine, bad), bad).toBeNull();
  });

  it('finds a local branch, a remote one (origin first), or none', async () => {
    expect(await findBranch(context, mine, 'main')).toEqual({ kind: 'local' });
    expect(await findBranch(context, mine, 'feature/x')).toEqual({ kind: 'remote', remote: 'origin' });
    expect(await findBranch(context, mine, 'nowhere')).toBeNull();
  });

  it('refuses, changing nothing, when changes would be overwritten; tracks a remote branch', async () => {
    writeFileSync(join(mine, 'a.txt'), 'my edit\n');
    expect(await switchBranch(context, mine, 'feature/x', 'origin')).toMatchObject({ kind: 'blocked' });
    expect(await currentBranch(context, mine)).toBe('main');
    expect(readFileSync(join(mine, 'a.txt'), 'utf8')).toBe('my edit\n');
    await gitIn(mine, env, ['checkout', '--', 'a.txt']);
    expect(await switchBranch(context, mine, 'feature/x', 'origin')).toEqual({ kind: 'switched' });
    expect(await currentBranch(context, mine)).toBe('feature/x');
    expect((await gitIn(mine, env, ['rev-parse', '--abbrev-ref', '@{u}'])).trim()).toBe('origin/feature/x');
    expect(await switchBranch(context, mine, 'main')).toEqual({ kind: 'switched' });
    expect(await switchBranch(context, mine, 'nowhere')).toMatchObject({ kind: 'failed' });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings, type Settings } from '../../../../../main/core/settings';
import { approveToken } from '../../../../../main/features/https/credentials';
import { branchList, createBranch } from '../../../../../main/features/repos/recovery/branches';
import { gitContext, type GitContext } from '../../../../../main/git/environment';
import { push } from '../../../../../main/git/push';
import { repoStatus } from '../../../../../main/git/status';
import { gitIn } from '../../../../support/random-tree';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub, type FakeRepo } from '../../../../fake-hub';

// Branches against the fake Hub: its pull requests live on refs/pr/N (hub-docs "Pull requests
// and Discussions"), read with ls-remote; a new branch pushes with the app's own push and gets
// its upstream.

let hub: FakeHub;
let root: string;
let settings: Settings;
let git: GitContext;
let env: NodeJS.ProcessEnv;
let model: FakeRepo;
let work: string;

beforeAll(async () => {
  hub = await startFakeHub();
  root = mkdtempSync(join(tmpdir(), 'hfgd-branches-hub-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(
    join(home, '.gitconfig'),
    '[user]\n\tname = Alice\n\temail = alice@example.com\n[credential]\n\thelper = store\n',
  );
  env = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' };
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  settings = resolveSettings({
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_DATA_DIR: join(root, 'data'),
  });
  git = gitContext(settings, { PATH: process.env.PATH });
  model = hub.createRepo('alice/model');
  work = join(root, 'work');
  await gitIn(root, env, ['clone', '--quiet', model.url, work]);
  writeFileSync(join(work, 'README.md'), '# model\n');
  await gitIn(work, env, ['add', '-A']);
  await gitIn(work, env, ['commit', '--quiet', '-m', 'readme']);
  await gitIn(work, env, ['push', '--quiet', 'origin', 'main']);
  // A pull request as the Hub keeps it: a commit on refs/pr/1 of the repository itself.
  const main = spawnSync('git', ['--git-dir', model.gitDir, 'rev-parse', 'main'], {
    encoding: 'utf8',
  }).stdout.trim();
  spawnSync('git', ['--git-dir', model.gitDir, 'update-ref', 'refs/pr/1', main]);
}, 60_000);
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('branches and the Hub', () => {
  it('lists the Hub’s pull requests, and a local pr/N branch as that pull request', async () => {
    expect((await branchList(settings, git, work)).pullRequests).toEqual([
      { number: 1, ref: 'refs/pr/1', local: null },
    ]);
    // hub-docs: `git fetch origin refs/pr/1:pr/1`.
    await gitIn(work, env, ['fetch', '--quiet', 'origin', 'refs/pr/1:pr/1']);
    const list = await branchList(settings, git, work);
    expect(list.pullRequests).toEqual([{ number: 1, ref: 'refs/pr/1', local: 'pr/1' }]);
    expect(list.local.find((branch) => branch.name === 'pr/1')).toMatchObject({ pullRequest: 1 });
    expect(list.local.find((branch) => branch.name === 'main')).toMatchObject({
      upstream: 'origin/main',
      ahead: 0,
      behind: 0,
      pullRequest: null,
    });
  });

  it('answers no pull requests, without failing, when the Hub cannot be asked', async () => {
    const lost = join(root, 'lost');
    await gitIn(root, env, ['clone', '--quiet', model.url, lost]);
    await gitIn(lost, env, ['remote', 'set-url', 'origin', `${hub.httpUrl}/alice/does-not-exist`]);
    const list = await branchList(settings, git, lost);
    expect(list.pullRequests).toEqual([]);
    expect(list.current).toBe('main');
  });

  it('pushes a new branch with the app’s push, which sets its upstream', async () => {
    await createBranch(git, work, 'topic', true);
    writeFileSync(join(work, 'topic.txt'), 'on the topic branch\n');
    await gitIn(work, env, ['add', '-A']);
    await gitIn(work, env, ['commit', '--quiet', '-m', 'topic']);
    const pushed = await push(git, work);
    expect(pushed.ok, pushed.output).toBe(true);
    const status = await repoStatus(git, work);
    expect(status).toMatchObject({ branch: 'topic', upstream: 'origin/topic', ahead: 0, behind: 0 });
    const onHub = spawnSync('git', ['--git-dir', model.gitDir, 'rev-parse', 'refs/heads/topic'], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(onHub).toBe((await gitIn(work, env, ['rev-parse', 'HEAD'])).trim());
    expect(
      (await branchList(settings, git, work)).local.find((branch) => branch.name === 'topic'),
    ).toMatchObject({
      upstream: 'origin/topic',
    });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOB_READ_TOKEN, startFakeHub, type FakeHub, type FakeRepo } from '../../../fake-hub';
import { hubWorld, type HubWorld } from './hub-world';

// Pull requests from a repository the token cannot write: bob (a read token) clones alice's model,
// commits, and opens a pull request through the discussions API; the app pushes his commit to
// refs/pr/N with real git over HTTPS (hub-docs repositories-pull-requests-discussions.md), lists
// the open ones, and pushes an update. The hub's own refs are read with git to check each push.

let hub: FakeHub;
let target: FakeRepo;
const worlds: HubWorld[] = [];

beforeAll(async () => {
  hub = await startFakeHub();
  target = hub.createRepo('alice/pr-target');
  // alice's first commit, pushed straight into the hub's bare repository.
  const seed = hubWorld(hub);
  worlds.push(seed);
  const work = join(seed.home, 'seed');
  expect((await seed.git(seed.home, ['init', '--quiet', '--initial-branch=main', work])).status).toBe(0);
  writeFileSync(join(work, 'README.md'), '# pr-target\n');
  await seed.git(work, ['add', '-A']);
  await seed.git(work, ['commit', '--quiet', '-m', 'first']);
  const pushed = await seed.git(work, ['push', '--quiet', target.gitDir, 'HEAD:refs/heads/main']);
  expect(pushed.status, pushed.out).toBe(0);
});
afterEach(() => {
  while (worlds.length > 1) worlds.pop()?.dispose();
});
afterAll(async () => {
  while (worlds.length > 0) worlds.pop()?.dispose();
  await hub.stop();
});

/** What the hub's repository holds at a ref, or null. */
const hubRef = (ref: string): string | null => hub.refOf('alice/pr-target', ref) ?? null;

/** bob's clone of alice's model over HTTPS (his read token saved for git) with one new commit. */
async function bobsClone(): Promise<{ w: HubWorld; work: string }> {
  const w = hubWorld(hub);
  worlds.push(w);
  await w.saveForGit('bob', BOB_READ_TOKEN);
  const work = join(w.home, 'pr-target');
  const cloned = await w.git(w.home, ['clone', '--quiet', target.url, work]);
  expect(cloned.status, cloned.out).toBe(0);
  writeFileSync(join(work, 'notes.md'), 'Better notes.\n');
  await w.git(work, ['add', '-A']);
  await w.git(work, ['commit', '--quiet', '-m', 'Add notes']);
  return { w, work };
}

const head = async (w: HubWorld, work: string) => (await w.git(work, ['rev-parse', 'HEAD'])).out.trim();

describe('pull requests', () => {
  it('opens one from a repository the token cannot write, and the commit lands on refs/pr/N', async () => {
    const { w, work } = await bobsClone();
    // The push itself is refused: bob's token reads only.
    expect((await w.git(work, ['push', 'origin', 'HEAD:main'])).status).not.toBe(0);

    const opened = await w.call('openPullRequest', {
      runId: 'pr-1',
      path: work,
      title: 'Add notes',
      description: 'Notes for the model card.',
    });
    if (!opened.ok) throw new Error(`${opened.error.message} ${opened.error.details ?? ''}`);
    const { pr, pushed } = opened.value;
    expect(pr.num).toBe(1);
    expect(hub.pullRequests('alice/pr-target')).toMatchObject([
      { num: 1, title: 'Add notes', description: 'Notes for the model card.', author: 'bob' },
    ]);
    expect(pr).toMatchObject({
      title: 'Add notes',
      ref: `refs/pr/${pr.num}`,
      url: `${hub.httpUrl}/alice/pr-target/discussions/${pr.num}`,
    });
    expect(pushed).toBe(await head(w, work));
    expect(hubRef(`refs/pr/${pr.num}`)).toBe(pushed);
    // main is untouched, and the push reported its progress under the run's id.
    expect(hubRef('refs/heads/main')).not.toBe(pushed);
    expect(w.events.length).toBeGreaterThan(0);
    expect(w.events.every((event) => event.runId === 'pr-1')).toBe(true);

    const listed = await w.call('listPullRequests', { path: work });
    expect(listed.ok && listed.value.map((item) => item.num)).toContain(pr.num);
    expect(JSON.stringify([opened, listed])).not.toContain(BOB_READ_TOKEN);

    // An update: one more commit, pushed to the same pull request.
    writeFileSync(join(work, 'notes.md'), 'Better notes, again.\n');
    await w.git(work, ['commit', '--quiet', '-am', 'Reword notes']);
    const updated = await w.call('pushToPullRequest', { runId: 'pr-2', path: work, num: pr.num });
    if (!updated.ok) throw new Error(updated.error.message);
    expect(updated.value.pushed).toBe(await head(w, work));
    expect(hubRef(`refs/pr/${pr.num}`)).toBe(updated.value.pushed);
  });

  it('carries LFS files to the pull request: the author uploads them without write access', async () => {
    const { w, work } = await bobsClone();
    expect((await w.git(work, ['lfs', 'install', '--local'])).status).toBe(0);
    expect((await w.git(work, ['lfs', 'track', '*.bin'])).status).toBe(0);
    const weights = randomBytes(3 * 1024 * 1024);
    writeFileSync(join(work, 'weights.bin'), weights);
    await w.git(work, ['add', '-A']);
    await w.git(work, ['commit', '--quiet', '-m', 'Add weights']);
    const opened = await w.call('openPullRequest', {
      runId: 'pr-lfs',
      path: work,
      title: 'Add weights',
      description: '',
    });
    if (!opened.ok) throw new Error(`${opened.error.message} ${opened.error.details ?? ''}`);
    expect(hubRef(opened.value.pr.ref)).toBe(opened.value.pushed);
    const oid = createHash('sha256').update(weights).digest('hex');
    expect(hub.lfsObject('alice/pr-target', oid)).toBeDefined();
  });

  it('keeps the pull request and explains a push the Hub refuses (a 12 MiB file outside LFS)', async () => {
    const { w, work } = await bobsClone();
    writeFileSync(join(work, 'weights.bin'), Buffer.alloc(12 * 1024 * 1024, 7));
    await w.git(work, ['add', '-A']);
    await w.git(work, ['commit', '--quiet', '-m', 'Add weights']);
    const before = hub.pullRequests('alice/pr-target').length;
    const opened = await w.call('openPullRequest', {
      runId: 'pr-5',
      path: work,
      title: 'Add weights',
      description: '',
    });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    const num = before + 1;
    expect(hub.pullRequests('alice/pr-target')).toHaveLength(num);
    expect(opened.error.code).toBe('git_failed');
    expect(opened.error.message).toMatch(
      new RegExp(`^Pull request #${num} is open on the Hub .*, but the push to refs/pr/${num} failed`),
    );
    expect(opened.error.outcome?.kind).toBe('too_large');
    // The refused commit is not on the pull request's ref (the Hub may start it at main).
    expect(hubRef(`refs/pr/${num}`)).not.toBe(await head(w, work));
  });

  it('works on the SSH route too: the API token from HF_TOKEN, the push over SSH with bob’s key', async () => {
    const w = hubWorld(hub, { HF_TOKEN: BOB_READ_TOKEN });
    worlds.push(w);
    const key = await w.call('generateKey', { name: 'id_ed25519', comment: 'bob@ssh', passphrase: null });
    if (!key.ok) throw new Error(key.error.message);
    hub.addKey('bob', key.value.publicKey ?? '');
    expect((await w.call('pinHostKeys', { replaceMismatched: false })).ok).toBe(true);
    expect((await w.call('configureSsh', { name: 'id_ed25519' })).ok).toBe(true);
    // Cloned (public) over HTTPS, then pointed at the SSH address: the app's push is what goes over SSH.
    const work = join(w.home, 'over-ssh');
    const cloned = await w.git(w.home, ['clone', '--quiet', target.url, work]);
    expect(cloned.status, cloned.out).toBe(0);
    await w.git(work, ['remote', 'set-url', 'origin', `ssh://git@127.0.0.1:${hub.sshPort}/alice/pr-target`]);
    writeFileSync(join(work, 'ssh.md'), 'From SSH.\n');
    await w.git(work, ['add', '-A']);
    await w.git(work, ['commit', '--quiet', '-m', 'From SSH']);
    const opened = await w.call('openPullRequest', {
      runId: 'pr-ssh',
      path: work,
      title: 'From SSH',
      description: '',
    });
    if (!opened.ok) throw new Error(`${opened.error.message} ${opened.error.details ?? ''}`);
    expect(hubRef(opened.value.pr.ref)).toBe(await head(w, work));
  });

  it('refuses to push to a pull request that is not open', async () => {
    const { w, work } = await bobsClone();
    const missing = await w.call('pushToPullRequest', { runId: 'pr-3', path: work, num: 999 });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect(hubRef('refs/pr/999')).toBeNull();
  });

  it('pushes nothing through an address with a token written in it', async () => {
    const { w, work } = await bobsClone();
    const leaky = target.url.replace('http://', `http://bob:${BOB_READ_TOKEN}@`);
    await w.git(work, ['remote', 'set-url', 'origin', leaky]);
    const before = hub.pullRequests('alice/pr-target').length;
    const refused = await w.call('openPullRequest', {
      runId: 'pr-6',
      path: work,
      title: 'Leaky',
      description: '',
    });
    expect(!refused.ok && refused.error.code).toBe('not_allowed');
    // Refused before the pull request is opened: nothing on the Hub changed.
    expect(hub.pullRequests('alice/pr-target')).toHaveLength(before);
    expect(JSON.stringify(refused)).not.toContain(BOB_READ_TOKEN);
  });

  it('opens nothing from a repository with no commit yet', async () => {
    const w = hubWorld(hub, { HF_TOKEN: BOB_READ_TOKEN });
    worlds.push(w);
    const work = join(w.home, 'empty');
    await w.git(w.home, ['init', '--quiet', work]);
    await w.git(work, ['remote', 'add', 'origin', target.url]);
    const before = hub.pullRequests('alice/pr-target').length;
    const refused = await w.call('openPullRequest', {
      runId: 'pr-7',
      path: work,
      title: 'Empty',
      description: '',
    });
    expect(!refused.ok && refused.error.code).toBe('nothing_to_commit');
    expect(hub.pullRequests('alice/pr-target')).toHaveLength(before);
  });

  it('says a folder with no Hub remote has nothing to open a pull request on', async () => {
    const w = hubWorld(hub);
    worlds.push(w);
    await w.saveForGit('bob', BOB_READ_TOKEN);
    const work = join(w.home, 'plain');
    await w.git(w.home, ['init', '--quiet', work]);
    const refused = await w.call('openPullRequest', {
      runId: 'pr-4',
      path: work,
      title: 'Nothing',
      description: '',
    });
    expect(!refused.ok && refused.error.code).toBe('invalid_input');
    expect(!refused.ok && refused.error.message).toMatch(/no remote on the Hub/);
  });
});

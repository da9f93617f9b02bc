import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../main/core/run';
import { ALICE_WRITE_TOKEN, BOB_READ_TOKEN, DAVE_WRITE_TOKEN, startFakeHub, type FakeHub } from '.';
import { gitWorld, type GitWorld } from './git-world';

// A Space's runtime after pushes, and pull requests: opened through the discussions API, their
// commits pushed to refs/pr/N by an author without write access, over HTTP and SSH.

let hub: FakeHub;
const worlds: GitWorld[] = [];
const world = async (user: string, token: string): Promise<GitWorld> => {
  const made = await gitWorld(hub, { user, token });
  worlds.push(made);
  return made;
};
beforeAll(async () => {
  hub = await startFakeHub();
});
afterEach(() => {
  while (worlds.length > 0) worlds.pop()?.dispose();
});
afterAll(async () => {
  await hub.stop();
});

const api = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${hub.httpUrl}${path}`, {
    ...init,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
const createSpace = (name: string, sdk: string) =>
  api('/api/repos/create', ALICE_WRITE_TOKEN, {
    method: 'POST',
    body: JSON.stringify({ name, organization: 'alice', type: 'space', sdk }),
  });
const stage = async (space: string): Promise<{ stage: string; errorMessage?: string }> =>
  (await (await api(`/api/spaces/${space}/runtime`, ALICE_WRITE_TOKEN)).json()) as {
    stage: string;
    errorMessage?: string;
  };

/** Clones a Space, writes `files`, commits and pushes to main as alice. */
const pushFiles = async (path: string, files: Record<string, string>): Promise<void> => {
  const w = await world('alice', ALICE_WRITE_TOKEN);
  const work = join(w.home, 'work');
  expect((await w.git(w.home, ['clone', '--quiet', `${hub.httpUrl}/${path}`, work])).status).toBe(0);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
  await w.git(work, ['add', '-A']);
  await w.git(work, ['commit', '--quiet', '-m', 'app']);
  expect((await w.git(work, ['push', '--quiet', 'origin', 'HEAD:main'])).status).toBe(0);
};

describe('GET /api/spaces/NAME/REPO/runtime', () => {
  it('is NO_APP_FILE when new, BUILDING for two answers after a push with the app file, then RUNNING', async () => {
    await createSpace('runs', 'gradio');
    const first = (await (await api('/api/spaces/alice/runs/runtime', ALICE_WRITE_TOKEN)).json()) as Record<
      string,
      unknown
    >;
    expect(first).toMatchObject({
      stage: 'NO_APP_FILE',
      hardware: { current: null, requested: 'cpu-basic' },
    });
    await pushFiles('spaces/alice/runs', { 'app.py': 'import gradio\n' });
    expect((await stage('alice/runs')).stage).toBe('BUILDING');
    expect((await stage('alice/runs')).stage).toBe('BUILDING');
    const running = (await (await api('/api/spaces/alice/runs/runtime', ALICE_WRITE_TOKEN)).json()) as Record<
      string,
      unknown
    >;
    expect(running).toMatchObject({ stage: 'RUNNING', hardware: { current: 'cpu-basic' } });
    expect((await stage('alice/runs')).stage).toBe('RUNNING');
  });

  it('ends in BUILD_ERROR with a message when the SDK’s app file is missing; setSpaceStage sets any stage', async () => {
    await createSpace('broken', 'streamlit');
    await pushFiles('spaces/alice/broken', { 'main.py': 'print(1)\n' });
    expect((await stage('alice/broken')).stage).toBe('BUILDING');
    expect((await stage('alice/broken')).stage).toBe('BUILDING');
    const failed = await stage('alice/broken');
    expect(failed.stage).toBe('BUILD_ERROR');
    expect(failed.errorMessage).toContain('app.py');
    hub.setSpaceStage('spaces/alice/broken', 'RUNTIME_ERROR', 'exit code 1');
    expect(await stage('alice/broken')).toMatchObject({
      stage: 'RUNTIME_ERROR',
      errorMessage: 'exit code 1',
    });
  });

  it('hides a private Space as repository info does', async () => {
    await api('/api/repos/create', ALICE_WRITE_TOKEN, {
      method: 'POST',
      body: JSON.stringify({
        name: 'hidden',
        organization: 'alice',
        type: 'space',
        sdk: 'static',
        visibility: 'private',
      }),
    });
    expect((await api('/api/spaces/alice/hidden/runtime')).status).toBe(401);
    expect((await api('/api/spaces/alice/hidden/runtime', BOB_READ_TOKEN)).status).toBe(404);
  });
});

describe('pull requests (discussions API, refs/pr/N)', () => {
  const openPr = (path: string, token: string | undefined, title = 'Add weights') =>
    api(`/api/${/^(?:datasets|spaces)\//.test(path) ? path : `models/${path}`}/discussions`, token, {
      method: 'POST',
      body: JSON.stringify({ title, description: 'Please merge', pullRequest: true }),
    });

  it('opens a draft pull request whose refs/pr/1 starts at main, lists it, and takes the author’s push over HTTP', async () => {
    await api('/api/repos/create', ALICE_WRITE_TOKEN, {
      method: 'POST',
      body: JSON.stringify({ name: 'shared', organization: 'alice' }),
    });
    const bob = await world('bob', BOB_READ_TOKEN);
    const work = await bob.cloneWithCommit('alice/shared', 'work');
    // Without a pull request bob's push is refused in the Hub's words.
    const refused = await bob.git(work, ['push', 'origin', 'HEAD:main']);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('DENIED update refs/heads/main: forbidden');

    const opened = await openPr('alice/shared', BOB_READ_TOKEN);
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as { num: number; status: string; isPullRequest: boolean };
    expect(body).toMatchObject({ num: 1, status: 'draft', isPullRequest: true });
    expect(hub.refOf('alice/shared', 'refs/pr/1')).toBe(hub.refOf('alice/shared', 'main'));
    expect(hub.pullRequests('alice/shared')).toMatchObject([{ num: 1, author: 'bob', ref: 'refs/pr/1' }]);

    const listed = (await (
      await api('/api/models/alice/shared/discussions?type=pull_request&status=open')
    ).json()) as {
      discussions: {
        num: number;
        title: string;
        isPullRequest: boolean;
        author: { name: string };
        createdAt: string;
      }[];
      count: number;
      start: number;
    };
    expect(listed).toMatchObject({ count: 1, start: 0 });
    expect(listed.discussions[0]).toMatchObject({
      num: 1,
      title: 'Add weights',
      isPullRequest: true,
      author: { name: 'bob' },
    });
    const details = (await (await api('/api/models/alice/shared/discussions/1?diff=1')).json()) as Record<
      string,
      unknown
    >;
    expect(details).toMatchObject({ num: 1, changes: { base: 'refs/heads/main' }, filesWithConflicts: [] });

    const pushed = await bob.git(work, ['push', 'origin', 'HEAD:refs/pr/1']);
    expect(pushed.status).toBe(0);
    const local = (await bob.git(work, ['rev-parse', 'HEAD'])).out.trim();
    expect(hub.refOf('alice/shared', 'refs/pr/1')).toBe(local);
    // main is untouched, and another's refs/pr stays refused.
    expect(hub.refOf('alice/shared', 'main')).not.toBe(local);
    const again = await bob.git(work, ['push', 'origin', 'HEAD:main', 'HEAD:refs/pr/1']);
    expect(again.status).not.toBe(0);
    expect(again.out).toContain('DENIED update refs/heads/main: forbidden');
  });

  it('refuses to open one without a token, on a hidden repository, and with a short title', async () => {
    hub.createRepo('alice/closed-doors', { private: true });
    expect((await openPr('alice/shared', undefined)).status).toBe(401);
    expect((await openPr('alice/closed-doors', BOB_READ_TOKEN)).status).toBe(404);
    expect((await openPr('alice/shared', BOB_READ_TOKEN, 'ab')).status).toBe(400);
    // Someone else's pull request is not dave's to push to.
    const dave = await world('dave', DAVE_WRITE_TOKEN);
    const work = await dave.cloneWithCommit('alice/shared', 'work');
    const refused = await dave.git(work, ['push', '--force', 'origin', 'HEAD:refs/pr/1']);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('DENIED update refs/pr/1: forbidden');
  });

  it('takes the author’s push to refs/pr/N over SSH, and refuses main', async () => {
    hub.createRepo('dave/ssh-target');
    const home = mkdtempSync(join(tmpdir(), 'hfgd-pr-ssh-'));
    try {
      const key = join(home, 'id_ed25519');
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key], {
        env: { PATH: process.env.PATH },
        timeoutMs: 10_000,
      });
      hub.addKey('bob', readFileSync(`${key}.pub`, 'utf8'));
      writeFileSync(join(home, 'known_hosts'), `${hub.knownHostsLine}\n`);
      writeFileSync(join(home, '.gitconfig'), '');
      const env = {
        PATH: process.env.PATH,
        HOME: home,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_SSH_COMMAND: `ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o UserKnownHostsFile=${join(home, 'known_hosts')} -i ${key}`,
      };
      const git = (cwd: string, args: string[]) =>
        run('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], {
          cwd,
          env,
          timeoutMs: 60_000,
        });
      // dave's repo needs a first commit: dave pushes one over HTTP.
      const dave = await world('dave', DAVE_WRITE_TOKEN);
      const daveWork = await dave.cloneWithCommit('dave/ssh-target', 'work');
      expect((await dave.git(daveWork, ['push', '--quiet', 'origin', 'HEAD:main'])).status).toBe(0);
      const url = `ssh://git@${hub.sshHost}:${hub.sshPort}/dave/ssh-target`;
      const work = join(home, 'work');
      expect((await git(home, ['clone', '--quiet', url, work])).exitCode).toBe(0);
      writeFileSync(join(work, `change-${randomBytes(4).toString('hex')}.txt`), 'change\n');
      await git(work, ['add', '-A']);
      await git(work, ['commit', '--quiet', '-m', 'change']);
      const before = await git(work, ['push', 'origin', 'HEAD:refs/pr/1']);
      expect(before.exitCode).not.toBe(0);
      expect((await openPr('dave/ssh-target', BOB_READ_TOKEN)).status).toBe(200);
      const pushed = await git(work, ['push', 'origin', 'HEAD:refs/pr/1']);
      expect(pushed.stderr).not.toContain('rejected');
      expect(pushed.exitCode).toBe(0);
      expect(hub.refOf('dave/ssh-target', 'refs/pr/1')).toBe(
        (await git(work, ['rev-parse', 'HEAD'])).stdout.trim(),
      );
      const main = await git(work, ['push', 'origin', 'HEAD:main']);
      expect(main.exitCode).not.toBe(0);
      expect(main.stderr).toContain('DENIED update refs/heads/main: forbidden');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  CAROL_FINE_TOKEN,
  DAVE_WRITE_TOKEN,
  FRANK_WRITE_TOKEN,
  defaultGitattributes,
  startFakeHub,
  type FakeHub,
} from '.';
import { gitWorld, type GitWorld } from './git-world';

// POST /api/repos/create on the fake hub with plain fetch, as huggingface.js createRepo sends it,
// then real git on the repository it made.

let hub: FakeHub;
const worlds: GitWorld[] = [];
beforeAll(async () => {
  hub = await startFakeHub();
});
afterEach(() => {
  while (worlds.length > 0) worlds.pop()?.dispose();
});
afterAll(async () => {
  await hub.stop();
});

const create = (token: string | undefined, body: Record<string, unknown>) =>
  fetch(`${hub.httpUrl}/api/repos/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const treeOf = (path: string): string[] =>
  spawnSync('git', ['--git-dir', gitDirOf(path), 'ls-tree', '--name-only', 'main'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
const gitDirOf = (path: string): string => hub.gitDirOf(path) ?? '';

describe('POST /api/repos/create', () => {
  it('creates a model with the Hub first commit and answers {url, name, id}', async () => {
    const res = await create(ALICE_WRITE_TOKEN, {
      name: 'first-model',
      organization: 'alice',
      type: 'model',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; name: string; id: string };
    expect(body.url).toBe(`${hub.httpUrl}/alice/first-model`);
    expect(body.name).toBe('alice/first-model');
    expect(body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(hub.refOf('alice/first-model', 'main')).toMatch(/^[0-9a-f]{40}$/);
    expect(treeOf('alice/first-model')).toEqual(['.gitattributes']);
    const attributes = spawnSync(
      'git',
      ['--git-dir', gitDirOf('alice/first-model'), 'show', 'main:.gitattributes'],
      { encoding: 'utf8' },
    ).stdout;
    expect(attributes).toBe(defaultGitattributes('model'));
    expect(attributes).toContain('*.safetensors filter=lfs diff=lfs merge=lfs -text');
    const log = spawnSync('git', ['--git-dir', gitDirOf('alice/first-model'), 'log', '--format=%s', 'main'], {
      encoding: 'utf8',
    }).stdout;
    expect(log).toBe('initial commit\n');
  });

  it('creates a Space with a README of front matter, and a private dataset', async () => {
    const space = await create(ALICE_WRITE_TOKEN, {
      name: 'demo',
      organization: 'alice',
      type: 'space',
      sdk: 'gradio',
    });
    expect(space.status).toBe(200);
    expect(((await space.json()) as { url: string }).url).toBe(`${hub.httpUrl}/spaces/alice/demo`);
    expect(treeOf('spaces/alice/demo')).toEqual(['.gitattributes', 'README.md']);
    const readme = spawnSync('git', ['--git-dir', gitDirOf('spaces/alice/demo'), 'show', 'main:README.md'], {
      encoding: 'utf8',
    }).stdout;
    expect(readme).toMatch(
      /^---\ntitle: demo\nemoji: .+\ncolorFrom: \w+\ncolorTo: \w+\nsdk: gradio\napp_file: app.py\npinned: false\n---\n/,
    );

    const data = await create(ALICE_WRITE_TOKEN, {
      name: 'secret-data',
      organization: 'alice-lab',
      type: 'dataset',
      visibility: 'private',
    });
    expect(data.status).toBe(200);
    expect(((await data.json()) as { url: string }).url).toBe(
      `${hub.httpUrl}/datasets/alice-lab/secret-data`,
    );
    // Private: not visible without a token.
    expect((await fetch(`${hub.httpUrl}/api/datasets/alice-lab/secret-data`)).status).toBe(401);
  });

  it('answers 409 with the url for a repository that exists', async () => {
    await create(ALICE_WRITE_TOKEN, { name: 'twice', organization: 'alice', type: 'model' });
    const again = await create(ALICE_WRITE_TOKEN, { name: 'twice', organization: 'alice', type: 'model' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'You already created this model repo',
      url: `${hub.httpUrl}/alice/twice`,
    });
    expect(again.headers.get('x-error-message')).toBe('You already created this model repo');
  });

  it('refuses without a token, with a bad token, a read token, a low org role and a fine-grained token without write', async () => {
    expect((await create(undefined, { name: 'x1', organization: 'alice' })).status).toBe(401);
    const bad = await create('hf_NotAToken', { name: 'x1', organization: 'alice' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe(
      'Invalid credentials in Authorization header',
    );
    const read = await create(BOB_READ_TOKEN, { name: 'x1', organization: 'bob', type: 'model' });
    expect(read.status).toBe(403);
    expect(((await read.json()) as { error: string }).error).toBe(
      "You don't have the rights to create a model under this namespace",
    );
    const reader = await create(DAVE_WRITE_TOKEN, { name: 'x1', organization: 'alice-lab', type: 'dataset' });
    expect(reader.status).toBe(403);
    expect(((await reader.json()) as { error: string }).error).toBe(
      "You don't have the rights to create a dataset under this namespace",
    );
    const stranger = await create(DAVE_WRITE_TOKEN, { name: 'x1', organization: 'alice' });
    expect(stranger.status).toBe(403);
    const fine = await create(CAROL_FINE_TOKEN, { name: 'x1', organization: 'alice-lab' });
    expect(fine.status).toBe(403);
    expect((await create(CAROL_FINE_TOKEN, { name: 'x1', organization: 'carol' })).status).toBe(200);
    expect(hub.refOf('alice/x1', 'main')).toBeUndefined();
  });

  it('refuses a Space without an sdk and a bad name', async () => {
    const space = await create(ALICE_WRITE_TOKEN, { name: 'nosdk', organization: 'alice', type: 'space' });
    expect(space.status).toBe(400);
    expect((await create(ALICE_WRITE_TOKEN, { name: 'bad name', organization: 'alice' })).status).toBe(400);
    expect((await create(ALICE_WRITE_TOKEN, { name: 'a--b', organization: 'alice' })).status).toBe(400);
  });

  it('lets a contributor create in its org and push there, and a reader not push', async () => {
    expect((await create(FRANK_WRITE_TOKEN, { name: 'franks', organization: 'alice-lab' })).status).toBe(200);
    const frank = await gitWorld(hub, { user: 'frank', token: FRANK_WRITE_TOKEN });
    worlds.push(frank);
    const work = await frank.cloneWithCommit('alice-lab/franks', 'work');
    expect((await frank.git(work, ['push', '--quiet', 'origin', 'HEAD:main'])).status).toBe(0);
    const dave = await gitWorld(hub, { user: 'dave', token: DAVE_WRITE_TOKEN });
    worlds.push(dave);
    const daves = await dave.cloneWithCommit('alice-lab/franks', 'work');
    const refused = await dave.git(daves, ['push', 'origin', 'HEAD:main']);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('DENIED update refs/heads/main: forbidden');
  });
});

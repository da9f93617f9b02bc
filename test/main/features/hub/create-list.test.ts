import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAuthorRepos } from '../../../../main/hub/hub-api';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  DAVE_WRITE_TOKEN,
  FRANK_WRITE_TOKEN,
  startFakeHub,
  type FakeHub,
} from '../../../fake-hub';
import { hubWorld, type HubWorld } from './hub-world';

// Creating and listing repositories through the Hub's API (huggingface.js createRepo, listModels,
// listDatasets, listSpaces) against the fake hub's /api/repos/create and list endpoints, through
// the handlers the screens call. No token ever reaches a result or an error.

let hub: FakeHub;
const worlds: HubWorld[] = [];
const world = (token: string): HubWorld => {
  const made = hubWorld(hub, { HF_TOKEN: token });
  worlds.push(made);
  return made;
};
const TOKENS = [ALICE_WRITE_TOKEN, BOB_READ_TOKEN, DAVE_WRITE_TOKEN, FRANK_WRITE_TOKEN];
const noToken = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const token of TOKENS) expect(text).not.toContain(token);
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

describe('createHubRepo', () => {
  it('creates a model, a dataset and a private Space, each found afterwards', async () => {
    const w = world(ALICE_WRITE_TOKEN);
    const specs = [
      { kind: 'model', name: 'new-model', sdk: null, private: false, page: 'alice/new-model' },
      { kind: 'dataset', name: 'new-data', sdk: null, private: false, page: 'datasets/alice/new-data' },
      { kind: 'space', name: 'new-space', sdk: 'gradio', private: true, page: 'spaces/alice/new-space' },
    ] as const;
    for (const spec of specs) {
      const made = await w.call('createHubRepo', {
        kind: spec.kind,
        namespace: 'alice',
        name: spec.name,
        private: spec.private,
        sdk: spec.sdk,
      });
      expect(made).toEqual({
        ok: true,
        value: {
          id: `alice/${spec.name}`,
          kind: spec.kind,
          url: `${hub.httpUrl}/${spec.page}`,
          created: true,
          private: spec.private,
        },
      });
      const exists = await w.call('hubRepoExists', { kind: spec.kind, id: `alice/${spec.name}` });
      expect(exists, spec.kind).toEqual({ ok: true, value: { exists: true } });
      noToken(made);
    }
    // A private Space is invisible without a token.
    const anonymous = hubWorld(hub);
    worlds.push(anonymous);
    const hidden = await anonymous.call('hubRepoExists', { kind: 'space', id: 'alice/new-space' });
    expect(hidden).toEqual({ ok: true, value: { exists: false } });
  });

  it('answers created: false for a repository of the person’s own that exists (the Hub’s 409)', async () => {
    const w = world(ALICE_WRITE_TOKEN);
    const request = {
      kind: 'model',
      namespace: 'alice-lab',
      name: 'twice',
      private: true,
      sdk: null,
    } as const;
    const first = await w.call('createHubRepo', request);
    expect(first.ok && first.value.created).toBe(true);
    const again = await w.call('createHubRepo', { ...request, private: false });
    expect(again).toEqual({
      ok: true,
      value: {
        id: 'alice-lab/twice',
        kind: 'model',
        url: `${hub.httpUrl}/alice-lab/twice`,
        created: false,
        private: true,
      },
    });
  });

  it('says the name is taken when it is another account’s repository', async () => {
    const alice = world(ALICE_WRITE_TOKEN);
    expect(
      (
        await alice.call('createHubRepo', {
          kind: 'model',
          namespace: 'alice-lab',
          name: 'taken',
          private: false,
          sdk: null,
        })
      ).ok,
    ).toBe(true);
    // frank is a contributor of alice-lab: he may create there, and write only what he created.
    const frank = world(FRANK_WRITE_TOKEN);
    const taken = await frank.call('createHubRepo', {
      kind: 'model',
      namespace: 'alice-lab',
      name: 'taken',
      private: false,
      sdk: null,
    });
    expect(!taken.ok && taken.error.code).toBe('repo_name_taken');
    expect(!taken.ok && taken.error.message).toMatch(/^alice-lab\/taken already exists on the Hub/);
    noToken(taken);
  });

  it('a read token, or a role that cannot create, is not allowed, and the answer says why', async () => {
    const bob = world(BOB_READ_TOKEN);
    const refused = await bob.call('createHubRepo', {
      kind: 'model',
      namespace: 'bob',
      name: 'nope',
      private: false,
      sdk: null,
    });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'not_allowed',
      message: 'The Hub refused to create bob/nope. This is a read token: it cannot create repositories.',
    });
    const dave = world(DAVE_WRITE_TOKEN);
    const role = await dave.call('createHubRepo', {
      kind: 'dataset',
      namespace: 'alice-lab',
      name: 'nope',
      private: false,
      sdk: null,
    });
    expect(!role.ok && role.error.code).toBe('not_allowed');
    expect(!role.ok && role.error.message).toContain('Your role in alice-lab is “read”');
    noToken([refused, role]);
  });

  it('refuses a Space without its SDK before asking the Hub', async () => {
    const w = world(ALICE_WRITE_TOKEN);
    const made = await w.call('createHubRepo', {
      kind: 'space',
      namespace: 'alice',
      name: 'no-sdk',
      private: false,
      sdk: null,
    });
    expect(!made.ok && made.error.code).toBe('invalid_input');
  });
});

describe('listHubRepos', () => {
  it('lists the account’s and its organizations’ repositories of all kinds, newest first, private ones with the token', async () => {
    const w = world(ALICE_WRITE_TOKEN);
    const make = (kind: 'model' | 'dataset' | 'space', namespace: string, name: string, isPrivate: boolean) =>
      w.call('createHubRepo', {
        kind,
        namespace,
        name,
        private: isPrivate,
        sdk: kind === 'space' ? 'static' : null,
      });
    for (const made of [
      await make('model', 'alice', 'list-model', false),
      await make('dataset', 'alice', 'list-data', true),
      await make('space', 'alice-lab', 'list-space', false),
      await make('model', 'alice', 'twin', false),
      await make('dataset', 'alice', 'twin', false),
    ])
      expect(made.ok).toBe(true);
    // A folder the app cloned before: the list says where it is.
    const cloned = join(w.home, 'somewhere', 'list-model');
    mkdirSync(cloned, { recursive: true });
    mkdirSync(w.context.settings.dataDir, { recursive: true });
    writeFileSync(
      join(w.context.settings.dataDir, 'recent-repos.json'),
      JSON.stringify([
        {
          path: cloned,
          remote: `${hub.httpUrl}/alice/list-model`,
          lastAction: 'cloned',
          at: new Date().toISOString(),
        },
      ]),
    );

    const listed = await w.call('listHubRepos', { search: null, refresh: false });
    if (!listed.ok) throw new Error(listed.error.message);
    const { repos, authors, defaultFolder } = listed.value;
    expect(authors).toEqual(['alice', 'alice-lab']);
    expect(defaultFolder).toBe(join('~', 'HuggingFace'));
    const byId = new Map(repos.map((repo) => [`${repo.kind}:${repo.id}`, repo]));
    expect(byId.get('model:alice/list-model')).toMatchObject({
      private: false,
      url: `${hub.httpUrl}/alice/list-model`,
      localPath: cloned,
      cloneTo: join(w.home, 'HuggingFace', 'list-model'),
    });
    expect(byId.get('dataset:alice/list-data')).toMatchObject({
      private: true,
      url: `${hub.httpUrl}/datasets/alice/list-data`,
      localPath: null,
    });
    expect(byId.get('space:alice-lab/list-space')).toMatchObject({
      url: `${hub.httpUrl}/spaces/alice-lab/list-space`,
    });
    const dates = repos.map((repo) => repo.updatedAt ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);

    // Someone else's token sees alice's public repositories only.
    const bobs = await listAuthorRepos({ endpoint: hub.httpUrl, token: BOB_READ_TOKEN }, 'alice', {
      limit: 100,
    });
    const bobSees = bobs.repos.map((repo) => repo.id);
    expect(bobSees).toContain('alice/list-model');
    expect(bobSees).not.toContain('alice/list-data');

    const searched = await w.call('listHubRepos', { search: 'list-da', refresh: false });
    expect(searched.ok && searched.value.repos.map((repo) => repo.id)).toEqual(['alice/list-data']);
    noToken([listed, searched]);
  });

  it('keeps the list for a minute unless asked to refresh', async () => {
    const w = world(ALICE_WRITE_TOKEN);
    const before = await w.call('listHubRepos', { search: null, refresh: false });
    expect(before.ok).toBe(true);
    const made = await w.call('createHubRepo', {
      kind: 'model',
      namespace: 'alice',
      name: 'fresh-one',
      private: false,
      sdk: null,
    });
    expect(made.ok).toBe(true);
    const cached = await w.call('listHubRepos', { search: null, refresh: false });
    expect(cached.ok && cached.value.repos.some((repo) => repo.id === 'alice/fresh-one')).toBe(false);
    const refreshed = await w.call('listHubRepos', { search: null, refresh: true });
    expect(refreshed.ok && refreshed.value.repos.some((repo) => repo.id === 'alice/fresh-one')).toBe(true);
  });
});

import {
  createRepo,
  datasetInfo,
  listDatasets,
  listModels,
  listSpaces,
  modelInfo,
  repoExists,
  spaceInfo,
} from '@huggingface/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE_WRITE_TOKEN, BOB_READ_TOKEN, DAVE_WRITE_TOKEN, startFakeHub, type FakeHub } from '.';

// The list and info endpoints with plain fetch, then through huggingface.js's own functions with
// hubUrl set to the fake hub: the library the app calls and the fake must agree.

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub();
  hub.createRepo('alice/public-model');
  hub.createRepo('alice/private-model', { private: true });
  hub.createRepo('alice-lab/lab-model', { private: true });
  hub.createRepo('bob/bobs-model');
  hub.createRepo('datasets/alice/some-data');
  hub.createRepo('spaces/alice/some-space');
});
afterAll(async () => {
  await hub.stop();
});

const get = (path: string, token?: string) =>
  fetch(`${hub.httpUrl}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
const ids = async (res: Response): Promise<string[]> =>
  ((await res.json()) as { id: string }[]).map((entry) => entry.id).sort();

describe('GET /api/models|datasets|spaces', () => {
  it('lists an author’s repositories, private ones only to a token that may read them', async () => {
    expect(await ids(await get('/api/models?author=alice'))).toEqual(['alice/public-model']);
    expect(await ids(await get('/api/models?author=alice', ALICE_WRITE_TOKEN))).toEqual([
      'alice/private-model',
      'alice/public-model',
    ]);
    expect(await ids(await get('/api/models?author=alice', BOB_READ_TOKEN))).toEqual(['alice/public-model']);
    // dave reads alice-lab (role "read"): its private repositories are his to see.
    expect(await ids(await get('/api/models?author=alice-lab', DAVE_WRITE_TOKEN))).toEqual([
      'alice-lab/lab-model',
    ]);
    expect(await ids(await get('/api/datasets?author=alice'))).toEqual(['alice/some-data']);
    expect(await ids(await get('/api/spaces?author=alice'))).toEqual(['alice/some-space']);
    expect(await ids(await get('/api/models?search=PUBLIC'))).toEqual(['alice/public-model']);
    expect((await get('/api/models', 'hf_NotAToken')).status).toBe(401);
  });

  it('pages with a Link header rel="next"', async () => {
    const first = await get('/api/models?limit=1', ALICE_WRITE_TOKEN);
    expect(await first.json()).toHaveLength(1);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/models\?.*cursor=/);
    const second = await fetch(next ?? '', { headers: { Authorization: `Bearer ${ALICE_WRITE_TOKEN}` } });
    expect(await second.json()).toHaveLength(1);
  });

  it('answers repository info, 401 for a hidden one without a token and 404 with one', async () => {
    const info = await get('/api/models/alice/public-model?expand[]=likes');
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ id: 'alice/public-model', private: false, gated: false });
    expect((await get('/api/models/alice/private-model')).status).toBe(401);
    expect((await get('/api/models/alice/private-model', BOB_READ_TOKEN)).status).toBe(404);
    expect((await get('/api/models/alice/missing', BOB_READ_TOKEN)).headers.get('x-error-code')).toBe(
      'RepoNotFound',
    );
    expect((await get('/api/models/alice/private-model/revision/HEAD', ALICE_WRITE_TOKEN)).status).toBe(200);
  });
});

describe('huggingface.js against the fake hub', () => {
  it('createRepo, listModels, listDatasets, listSpaces, modelInfo, datasetInfo, spaceInfo and repoExists agree', async () => {
    const hubUrl = hub.httpUrl;
    const made = await createRepo({ repo: 'alice/from-the-library', accessToken: ALICE_WRITE_TOKEN, hubUrl });
    expect(made.repoUrl).toBe(`${hubUrl}/alice/from-the-library`);
    expect(made.id).toMatch(/^[0-9a-f]{24}$/);
    const space = await createRepo({
      repo: { type: 'space', name: 'alice/library-space' },
      accessToken: ALICE_WRITE_TOKEN,
      hubUrl,
      sdk: 'docker',
      private: true,
    });
    expect(space.repoUrl).toBe(`${hubUrl}/spaces/alice/library-space`);
    await expect(
      createRepo({ repo: 'alice/from-the-library', accessToken: ALICE_WRITE_TOKEN, hubUrl }),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('You already created this model repo'),
    });

    const models: string[] = [];
    for await (const model of listModels({
      search: { owner: 'alice' },
      accessToken: ALICE_WRITE_TOKEN,
      hubUrl,
    }))
      models.push(model.name);
    expect(models.sort()).toEqual(['alice/from-the-library', 'alice/private-model', 'alice/public-model']);
    const limited: string[] = [];
    for await (const model of listModels({ search: { owner: 'alice' }, limit: 1, hubUrl }))
      limited.push(model.name);
    expect(limited).toHaveLength(1);
    const datasets: string[] = [];
    for await (const dataset of listDatasets({ search: { owner: 'alice' }, hubUrl }))
      datasets.push(dataset.name);
    expect(datasets).toEqual(['alice/some-data']);
    const spaces: { name: string; private: boolean; sdk?: string }[] = [];
    for await (const entry of listSpaces({
      search: { owner: 'alice' },
      accessToken: ALICE_WRITE_TOKEN,
      hubUrl,
    }))
      spaces.push({ name: entry.name, private: entry.private, ...(entry.sdk ? { sdk: entry.sdk } : {}) });
    expect(spaces).toContainEqual({ name: 'alice/library-space', private: true, sdk: 'docker' });

    const model = await modelInfo({ name: 'alice/from-the-library', hubUrl });
    expect(model).toMatchObject({ name: 'alice/from-the-library', private: false });
    expect(model.updatedAt.getTime()).not.toBeNaN();
    expect((await datasetInfo({ name: 'alice/some-data', hubUrl })).name).toBe('alice/some-data');
    const info = await spaceInfo({
      name: 'alice/library-space',
      accessToken: ALICE_WRITE_TOKEN,
      hubUrl,
      additionalFields: ['runtime'],
    });
    expect(info.sdk).toBe('docker');
    expect(info.runtime?.stage).toBe('NO_APP_FILE');

    expect(await repoExists({ repo: 'alice/from-the-library', hubUrl })).toBe(true);
    expect(await repoExists({ repo: 'alice/private-model', hubUrl })).toBe(false);
    expect(await repoExists({ repo: 'alice/private-model', hubUrl, accessToken: ALICE_WRITE_TOKEN })).toBe(
      true,
    );
    expect(
      await repoExists({
        repo: { type: 'space', name: 'alice/library-space' },
        hubUrl,
        accessToken: BOB_READ_TOKEN,
      }),
    ).toBe(false);
  });
});

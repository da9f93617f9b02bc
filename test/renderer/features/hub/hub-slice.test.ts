import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubAccountView, HubRepoList, HubRepoView, Result } from '../../../../preload/contract';

// The hub service is the slice's only way out to the bridge. The fake keeps every call pending
// until the test answers it, so the order answers arrive in is the test's to choose; long runs get
// their own runId and listeners, as withRun gives.
const fake = vi.hoisted(() => {
  const pending: { name: string; args: unknown[]; resolve: (result: unknown) => void }[] = [];
  const listeners = new Map<
    string,
    { onProgress: (event: unknown) => void; onStep?: (event: unknown) => void }
  >();
  return {
    pending,
    listeners,
    runs: 0,
    cancelled: [] as string[],
    call: (name: string, ...args: unknown[]) =>
      new Promise<unknown>((resolve) => pending.push({ name, args, resolve })),
  };
});

vi.mock('../../../../renderer/features/hub/hub-service', () => ({
  hubAccount: () => fake.call('hubAccount'),
  useApiToken: (ref: string, save: boolean) => fake.call('useApiToken', ref, save),
  listHubRepos: (search: string | null, refresh: boolean) => fake.call('listHubRepos', search, refresh),
  repoAccess: () => fake.call('repoAccess'),
  inspectFolder: (path: string) => fake.call('inspectFolder', path),
  cancelRun: async (runId: string) => {
    fake.cancelled.push(runId);
    return { ok: true, value: null };
  },
  withRun: async (
    listeners: { onProgress: (event: unknown) => void; onStep?: (event: unknown) => void },
    call: (runId: string) => Promise<unknown>,
  ) => {
    fake.runs += 1;
    const runId = `run-${fake.runs}`;
    fake.listeners.set(runId, listeners);
    try {
      return { runId, result: await call(runId) };
    } finally {
      fake.listeners.delete(runId);
    }
  },
  cloneCall: (id: string, kind: string, destination: string, transport: string) => (runId: string) =>
    fake.call('clone', runId, id, kind, destination, transport),
  publishCall: (request: unknown) => (runId: string) => fake.call('publish', runId, request),
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Answers the oldest pending call of `name` and lets the slice act on it; hands back its arguments. */
async function answer<T>(name: string, result: Result<T>): Promise<unknown[]> {
  const index = fake.pending.findIndex((call) => call.name === name);
  if (index < 0) throw new Error(`no pending ${name} call (pending: ${fake.pending.map((c) => c.name)})`);
  const [call] = fake.pending.splice(index, 1);
  call?.resolve(result);
  await settle();
  return call?.args ?? [];
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const ACCOUNT: HubAccountView = {
  source: 'session',
  user: 'alice',
  masked: 'hf_…AbCd',
  role: 'write',
  namespaces: [{ name: 'alice', kind: 'user', canCreate: true, why: null }],
  sshUser: null,
  mismatch: null,
};
const REPO: HubRepoView = {
  id: 'alice/tiny-bert',
  kind: 'model',
  private: false,
  updatedAt: null,
  url: 'http://hub/alice/tiny-bert',
  localPath: null,
  cloneTo: '/h/HuggingFace/tiny-bert',
};
const list = (repos: readonly HubRepoView[]): HubRepoList => ({
  repos,
  authors: ['alice'],
  truncated: false,
  defaultFolder: '~/HuggingFace',
});

beforeEach(() => {
  fake.pending.length = 0;
  fake.cancelled.length = 0;
  fake.runs = 0;
  useAppStore.setState(useAppStore.getInitialState(), true);
});

describe('the hub slice', () => {
  it('shows only the newest listing when two searches cross', async () => {
    const first = useAppStore.getState().loadHubRepos('be', false);
    const second = useAppStore.getState().loadHubRepos('bert', false);
    await answer('listHubRepos', ok(list([REPO])));
    expect(useAppStore.getState().hubRepos).toBeNull();
    expect(useAppStore.getState().hubReposLoading).toBe(true);
    await answer('listHubRepos', ok(list([])));
    await Promise.all([first, second]);
    expect(useAppStore.getState().hubRepos?.repos).toEqual([]);
    expect(useAppStore.getState().hubReposLoading).toBe(false);
  });

  it('keeps api_token_needed as the list’s error, for the token dialog to take its place', async () => {
    const loading = useAppStore.getState().loadHubRepos(null, false);
    await answer('listHubRepos', {
      ok: false,
      error: { code: 'api_token_needed', message: 'Listing needs a token.', hint: 'Give one.' },
    });
    await loading;
    expect(useAppStore.getState().hubReposError?.code).toBe('api_token_needed');
  });

  it('uses a checked token by its handle; a save that failed still reads the account in use', async () => {
    const using = useAppStore.getState().applyApiToken('ref-1', true);
    expect(
      await answer('useApiToken', {
        ok: false,
        error: { code: 'plaintext_consent_needed', message: 'Not saved.', hint: 'Save it there.' },
      }),
    ).toEqual(['ref-1', true]);
    await answer('hubAccount', ok(ACCOUNT));
    expect(await using).toBeNull();
    expect(useAppStore.getState().applyTokenError?.code).toBe('plaintext_consent_needed');
    expect(useAppStore.getState().hubAccount?.source).toBe('session');

    const again = useAppStore.getState().applyApiToken('ref-2', false);
    await answer('useApiToken', ok(ACCOUNT));
    expect(await again).toEqual(ACCOUNT);
    expect(useAppStore.getState().applyTokenError).toBeNull();
  });

  it('clones a listed repository with its progress, over the way that works, then lists again for Open', async () => {
    const searched = useAppStore.getState().loadHubRepos('bert', false);
    await answer('listHubRepos', ok(list([REPO])));
    await searched;
    const cloning = useAppStore.getState().cloneHubRepo(REPO, '/h/Models/tiny-bert');
    await answer('repoAccess', ok({ httpsUser: null, ssh: true, preferred: 'ssh', lfs: {} }));
    expect(useAppStore.getState().hubClone).toEqual({
      repoId: 'alice/tiny-bert',
      runId: 'run-1',
      event: null,
    });
    const progress = { runId: 'run-1', phase: 'receiving', percent: 40, detail: 'Receiving' };
    fake.listeners.get('run-1')?.onProgress(progress);
    expect(useAppStore.getState().hubClone?.event).toEqual(progress);
    // A second click while one runs starts nothing.
    await useAppStore.getState().cloneHubRepo(REPO, '/elsewhere');
    expect(fake.pending.filter((call) => call.name === 'clone')).toHaveLength(1);
    await useAppStore.getState().cancelHubClone();
    expect(fake.cancelled).toEqual(['run-1']);
    const args = await answer('clone', ok({ path: '/h/Models/tiny-bert', url: 'u', pointers: 0 }));
    expect(args).toEqual(['run-1', 'alice/tiny-bert', 'model', '/h/Models/tiny-bert', 'ssh']);
    expect(useAppStore.getState().hubClone).toBeNull();
    expect(useAppStore.getState().hubCloned).toEqual({
      repoId: 'alice/tiny-bert',
      path: '/h/Models/tiny-bert',
    });
    // Read again with the same search.
    expect(await answer('listHubRepos', ok(list([{ ...REPO, localPath: '/h/Models/tiny-bert' }])))).toEqual([
      'bert',
      false,
    ]);
    await cloning;
    expect(useAppStore.getState().hubRepos?.repos[0]?.localPath).toBe('/h/Models/tiny-bert');
  });

  it('a refused clone stays beside its row', async () => {
    const cloning = useAppStore.getState().cloneHubRepo(REPO, '/nowhere/tiny-bert');
    await answer('repoAccess', ok({ httpsUser: 'alice', ssh: false, preferred: null, lfs: {} }));
    const args = await answer('clone', {
      ok: false,
      error: {
        code: 'destination_unusable',
        message: 'The folder /nowhere does not exist.',
        hint: 'Choose another.',
      },
    });
    await cloning;
    expect(args[4]).toBe('https');
    expect(useAppStore.getState().hubCloneError).toMatchObject({
      repoId: 'alice/tiny-bert',
      error: { code: 'destination_unusable' },
    });
  });

  it('publishes with its steps and the push’s progress, and ends with the result', async () => {
    const inspecting = useAppStore.getState().inspectPublishFolder('/h/old');
    const newer = useAppStore.getState().inspectPublishFolder('/h/model');
    await answer('inspectFolder', ok({ path: '/h/old' }));
    expect(useAppStore.getState().publishInspection).toBeNull();
    await answer('inspectFolder', ok({ path: '/h/model' }));
    await Promise.all([inspecting, newer]);
    expect(useAppStore.getState().publishInspection).toEqual({ path: '/h/model' });

    const request = {
      path: '/h/model',
      target: { kind: 'model', namespace: 'alice', name: 'model', private: false, sdk: null, create: true },
      identity: null,
    } as const;
    const publishing = useAppStore.getState().publishFolder(request);
    const run = fake.listeners.get('run-1');
    run?.onStep?.({ runId: 'run-1', step: 'lfs', detail: '2 files' });
    expect(useAppStore.getState().publishRun?.step?.step).toBe('lfs');
    run?.onProgress({ runId: 'run-1', phase: 'lfs', percent: 55, detail: 'Uploading' });
    expect(useAppStore.getState().publishRun?.event?.percent).toBe(55);
    expect((await answer('publish', ok({ path: '/h/model', repo: { id: 'alice/model' } })))[1]).toEqual(
      request,
    );
    await publishing;
    expect(useAppStore.getState().publishRun).toBeNull();
    expect(useAppStore.getState().publishResult?.repo.id).toBe('alice/model');

    // The list asked for next comes fresh from the Hub, with the new repository in it.
    const listing = useAppStore.getState().loadHubRepos(null, false);
    expect(await answer('listHubRepos', ok(list([])))).toEqual([null, true]);
    await listing;

    useAppStore.getState().resetPublish();
    expect(useAppStore.getState().publishResult).toBeNull();
    expect(useAppStore.getState().publishPath).toBeNull();
  });

  it('a failed publish keeps its error for the outcome panel', async () => {
    const publishing = useAppStore.getState().publishFolder({
      path: '/h/m',
      target: { kind: 'model', namespace: 'alice', name: 'm', private: false, sdk: null, create: true },
      identity: { name: 'Alice', email: 'a@example.com' },
    });
    await answer('publish', {
      ok: false,
      error: { code: 'repo_name_taken', message: 'Taken.', hint: 'Another name.' },
    });
    await publishing;
    expect(useAppStore.getState().publishError?.code).toBe('repo_name_taken');
    expect(useAppStore.getState().publishRun).toBeNull();
  });
});

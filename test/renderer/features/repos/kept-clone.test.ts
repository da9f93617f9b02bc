import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RemoteRunView, Result } from '../../../../preload/contract';
import { describedBy, FIELD_LIMITS, limitNote } from '../../../../renderer/features/repos/home/field-limits';

// A clone whose large files' download stopped part-way is kept (issue 16, item 3): the home screen
// says so and offers "Download the rest" (git lfs pull, in the kept folder) before opening it.
// The fake service keeps each call pending until the test answers it.
const fake = vi.hoisted(() => {
  const pending: { name: string; args: unknown[]; resolve: (result: unknown) => void }[] = [];
  return {
    pending,
    runs: 0,
    call: (name: string, ...args: unknown[]) =>
      new Promise<unknown>((resolve) => pending.push({ name, args, resolve })),
  };
});

vi.mock('../../../../renderer/features/repos/repos-service', () => ({
  repoAccess: () => fake.call('repoAccess'),
  recentRepos: () => fake.call('recentRepos'),
  cancelRepoRun: async () => ({ ok: true, value: null }),
  withProgress: async (_onProgress: unknown, call: (runId: string) => Promise<unknown>) => {
    fake.runs += 1;
    const runId = `run-${fake.runs}`;
    return { runId, result: await call(runId) };
  },
  cloneCall: (request: unknown) => (runId: string) => fake.call('clone', runId, request),
  lfsPullCall: (path: string) => (runId: string) => fake.call('lfsPull', runId, path),
  pushCall: (path: string) => (runId: string) => fake.call('push', runId, path),
  pullCall: (path: string) => (runId: string) => fake.call('pull', runId, path),
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function answer<T>(name: string, result: Result<T>): Promise<unknown[]> {
  const index = fake.pending.findIndex((call) => call.name === name);
  if (index < 0) throw new Error(`no pending ${name} call`);
  const [call] = fake.pending.splice(index, 1);
  call?.resolve(result);
  await settle();
  return call?.args ?? [];
}
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const CLONE = {
  input: 'alice/a',
  kind: 'model',
  destination: '/h/models/a',
  revision: null,
  transport: 'https',
} as const;
const ran = (over: Partial<RemoteRunView>): RemoteRunView => ({
  ok: true,
  cancelled: false,
  behind: false,
  message: 'Done.',
  fix: '',
  output: '',
  outcome: { kind: 'ok', message: 'Done.', fix: '' },
  ...over,
});

/** A clone that came back with two placeholders, on the home screen. */
async function keptClone(): Promise<void> {
  void useAppStore.getState().enterRepoHome();
  void useAppStore.getState().cloneRepo(CLONE);
  await answer('clone', ok({ path: '/h/models/a', url: 'u', pointers: 2 }));
}

describe('a clone kept with placeholders', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.pending.length = 0;
    fake.runs = 0;
  });

  it('stays on the home screen and offers the rest, instead of opening it half-done', async () => {
    await keptClone();
    expect(useAppStore.getState()).toMatchObject({
      keptClone: { path: '/h/models/a', pointers: 2 },
      openRepo: null,
      cloneError: null,
    });
  });

  it('"Download the rest" runs git lfs pull in that folder, then opens the whole clone', async () => {
    await keptClone();
    void useAppStore.getState().downloadKeptClone();
    expect(useAppStore.getState().repoRuns.clone?.runId).toBe('run-2');
    // A second click while it runs starts nothing.
    void useAppStore.getState().downloadKeptClone();
    expect(fake.pending.filter((call) => call.name === 'lfsPull')).toHaveLength(1);
    expect(await answer('lfsPull', ok(ran({})))).toEqual(['run-2', '/h/models/a']);
    expect(useAppStore.getState()).toMatchObject({ keptClone: null, openRepo: '/h/models/a' });
  });

  it('keeps the offer and shows the failure table’s words when the rest fails again', async () => {
    await keptClone();
    void useAppStore.getState().downloadKeptClone();
    await answer(
      'lfsPull',
      ok(
        ran({
          ok: false,
          message: 'The connection to the Hub was lost.',
          fix: 'Try again when you are online.',
          output: 'read: connection reset by peer',
          outcome: { kind: 'unknown', message: 'The connection to the Hub was lost.', fix: 'Try again.' },
        }),
      ),
    );
    expect(useAppStore.getState()).toMatchObject({
      keptClone: { path: '/h/models/a' },
      openRepo: null,
      cloneError: {
        message: 'The connection to the Hub was lost.',
        hint: 'Try again when you are online.',
        details: 'read: connection reset by peer',
      },
    });
  });

  it('keeps the offer, without an error, when the person cancels the download', async () => {
    await keptClone();
    void useAppStore.getState().downloadKeptClone();
    await answer('lfsPull', ok(ran({ ok: false, cancelled: true })));
    expect(useAppStore.getState()).toMatchObject({ keptClone: { pointers: 2 }, cloneError: null });
  });

  it('opens it as it is when asked; a whole clone opens at once as before', async () => {
    await keptClone();
    useAppStore.getState().openKeptClone();
    expect(useAppStore.getState()).toMatchObject({ keptClone: null, openRepo: '/h/models/a' });
    useAppStore.setState(useAppStore.getInitialState(), true);
    void useAppStore.getState().enterRepoHome();
    void useAppStore.getState().cloneRepo(CLONE);
    await answer('clone', ok({ path: '/h/models/b', url: 'u', pointers: 0 }));
    expect(useAppStore.getState()).toMatchObject({ keptClone: null, openRepo: '/h/models/b' });
  });

  it('is forgotten when the person leaves the home screen, and a new clone starts afresh', async () => {
    await keptClone();
    useAppStore.getState().leaveRepoHome();
    expect(useAppStore.getState().keptClone).toBeNull();
    await keptClone();
    void useAppStore.getState().cloneRepo(CLONE);
    expect(useAppStore.getState().keptClone).toBeNull();
  });
});

describe('field limits', () => {
  it('match what main refuses past them', () => {
    // main/hub/repo-ref.ts refuses addresses over 2048 and revisions over 255; PATH is 4096.
    expect(FIELD_LIMITS).toEqual({ address: 2048, path: 4096, revision: 255 });
  });

  it('say so once a field is full, and only then', () => {
    expect(limitNote('a'.repeat(2047), FIELD_LIMITS.address)).toBeNull();
    expect(limitNote('a'.repeat(2048), FIELD_LIMITS.address)).toBe(
      'At most 2,048 characters: anything past that was left out.',
    );
    expect(describedBy('short', 255, 'rev-limit')).toBeUndefined();
    expect(describedBy('short', 255, 'rev-limit', 'rev-hint')).toBe('rev-hint');
    expect(describedBy('x'.repeat(255), 255, 'rev-limit', 'rev-hint')).toBe('rev-hint rev-limit');
  });
});

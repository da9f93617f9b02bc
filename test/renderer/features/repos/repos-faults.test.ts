import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Events, RemoteRunView, RepoState, Result } from '../../../../preload/contract';

// Retry of a stalled run and the removal of a stale lock (issue 16, items 2 and 4), in the repos
// slice with the same fake service as repos-slice.test.ts: the service is the slice's only way out
// to the bridge. The fake keeps every call pending
// until the test answers it, so the order answers arrive in (and when the person leaves) is the
// test's to choose; long runs get their own runId and progress listener, as withProgress gives.
const fake = vi.hoisted(() => {
  const pending: { name: string; args: unknown[]; resolve: (result: unknown) => void }[] = [];
  const listeners = new Map<string, (event: unknown) => void>();
  return {
    pending,
    listeners,
    runs: 0,
    cancelled: [] as string[],
    call: (name: string, ...args: unknown[]) =>
      new Promise<unknown>((resolve) => pending.push({ name, args, resolve })),
  };
});

vi.mock('../../../../renderer/features/repos/repos-service', () => ({
  repoAccess: () => fake.call('repoAccess'),
  recentRepos: () => fake.call('recentRepos'),
  parseRepo: (input: string, kind: string | null) => fake.call('parseRepo', input, kind),
  repoState: (path: string) => fake.call('repoState', path),
  stageFiles: (path: string, files: readonly string[] | null) => fake.call('stageFiles', path, files),
  commitChanges: (path: string, message: string) => fake.call('commitChanges', path, message),
  setIdentity: (name: string, email: string) => fake.call('setIdentity', name, email),
  installLfs: () => fake.call('installLfs'),
  trackLfs: (path: string, pattern: string) => fake.call('trackLfs', path, pattern),
  migrateLfs: (path: string, pattern: string) => fake.call('migrateLfs', path, pattern),
  cancelRepoRun: async (runId: string) => {
    fake.cancelled.push(runId);
    return { ok: true, value: null };
  },
  withProgress: async (onProgress: (event: unknown) => void, call: (runId: string) => Promise<unknown>) => {
    fake.runs += 1;
    const runId = `run-${fake.runs}`;
    fake.listeners.set(runId, onProgress);
    try {
      return { runId, result: await call(runId) };
    } finally {
      fake.listeners.delete(runId);
    }
  },
  cloneCall: (request: unknown) => (runId: string) => fake.call('clone', runId, request),
  forkCall: (request: unknown) => (runId: string) => fake.call('fork', runId, request),
  pushCall: (path: string) => (runId: string) => fake.call('push', runId, path),
  pullCall: (path: string) => (runId: string) => fake.call('pull', runId, path),
  lfsPullCall: (path: string) => (runId: string) => fake.call('lfsPull', runId, path),
  removeStaleLock: (path: string, repo: string | null) => fake.call('removeStaleLock', path, repo),
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');
const { stallText } = await import('../../../../renderer/components/run-progress');

/** Lets the answered promises and what the slice does after them run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Answers the oldest pending call of `name` and lets the slice act on it; hands back its arguments. */
async function answer<T>(name: string, result: Result<T>): Promise<unknown[]> {
  const index = fake.pending.findIndex((call) => call.name === name);
  if (index < 0) throw new Error(`no pending ${name} call`);
  const [call] = fake.pending.splice(index, 1);
  call?.resolve(result);
  await settle();
  return call?.args ?? [];
}

const pendingNames = () => fake.pending.map((call) => call.name);
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const failed = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'git_failed', message, hint: 'Try again.' },
});

function repo(path: string, commits = 0): RepoState {
  return {
    path,
    branch: 'main',
    upstream: 'origin/main',
    ahead: commits,
    behind: 0,
    changes: [],
    identity: { name: 'Alice', email: 'alice@example.com' },
    remotes: [],
    pointers: [],
    prePush: { commits, problems: [] },
    lfs: { installed: true, configured: true, xet: false, howToInstall: '' },
    staged: { problems: [] },
    inProgress: null,
    fetch: null,
    moreChanges: 0,
    largeFiles: { lfsFiles: 0, xet: 'missing' },
  };
}

const CLONE = {
  input: 'alice/a',
  kind: 'model',
  destination: '/h/models/a',
  revision: null,
  transport: 'https',
} as const;
const PUSHED: RemoteRunView = {
  ok: true,
  cancelled: false,
  behind: false,
  message: 'Push done.',
  fix: '',
  output: '',
  outcome: { kind: 'ok', message: 'Push done.', fix: '' },
};

function progress(runId: string, percent: number): Events['repoProgress'] {
  return { runId, phase: 'receiving', percent, detail: `Receiving ${percent}%` };
}

/** Opens `path` the way the screen does, and answers its first read. */
async function enterRepo(path: string, state: RepoState = repo(path)): Promise<void> {
  useAppStore.getState().openRepoAt(path);
  void useAppStore.getState().enterRepo(path);
  await answer('repoState', ok(state));
}

const LOCK = '/h/models/a/.git/index.lock';
const LOCKED: Result<never> = {
  ok: false,
  error: {
    code: 'git_failed',
    message: `Git could not change /h/models/a/.git/index: its lock file ${LOCK} is in the way.`,
    hint: 'Remove the stale lock (only that file is deleted), then try again.',
    outcome: {
      kind: 'git_lock',
      message: `Git could not change /h/models/a/.git/index: its lock file ${LOCK} is in the way.`,
      fix: 'Remove the stale lock (only that file is deleted), then try again.',
      action: 'remove_stale_lock',
      files: [LOCK],
    },
  },
};
const CANCELLED: RemoteRunView = {
  ...PUSHED,
  ok: false,
  cancelled: true,
  outcome: { kind: 'cancelled', message: 'You stopped it.', fix: 'Start it again.' },
};

describe('faults in the repos slice', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.pending.length = 0;
    fake.listeners.clear();
    fake.runs = 0;
    fake.cancelled = [];
  });

  it('says how long the Hub has been silent', () => {
    expect(stallText(30)).toBe('No data from the Hub for 30 s.');
    expect(stallText(0.6)).toBe('No data from the Hub for 1 s.');
  });

  it('keeps a stalled run’s mark on its progress, and Retry cancels it and starts the same push again', async () => {
    await enterRepo('/h/models/a', repo('/h/models/a', 1));
    void useAppStore.getState().runRepoRemote('push');
    fake.listeners.get('run-1')?.({ ...progress('run-1', 12), stalledSeconds: 31 });
    expect(useAppStore.getState().repoRuns.repo?.event?.stalledSeconds).toBe(31);

    const retried = useAppStore.getState().retryRepoRun('repo');
    await settle();
    expect(fake.cancelled).toEqual(['run-1']);
    expect(pendingNames()).toEqual(['push']);
    await answer('push', ok(CANCELLED));
    await answer('repoState', ok(repo('/h/models/a', 1)));
    const again = fake.pending.find((call) => call.name === 'push');
    expect(again?.args).toEqual(['run-2', '/h/models/a']);
    expect(useAppStore.getState().repoRuns.repo).toEqual({ runId: 'run-2', event: null });
    expect(useAppStore.getState().repoOutcome).toBeNull();
    // The retried push runs to its end like any other.
    await answer('push', ok(PUSHED));
    while (pendingNames().includes('repoState')) await answer('repoState', ok(repo('/h/models/a')));
    await retried;
    expect(useAppStore.getState().repoOutcome).toEqual(PUSHED);
  });

  it('retries a stalled clone with the same request', async () => {
    void useAppStore.getState().enterRepoHome();
    void useAppStore.getState().cloneRepo(CLONE);
    const retried = useAppStore.getState().retryRepoRun('clone');
    await settle();
    expect(fake.cancelled).toEqual(['run-1']);
    await answer('clone', failed('The clone was cancelled; nothing was left behind.'));
    const again = fake.pending.find((call) => call.name === 'clone');
    expect(again?.args).toEqual(['run-2', CLONE]);
    expect(useAppStore.getState().cloneError).toBeNull();
    await answer('clone', ok({ path: '/h/models/a', url: 'u', pointers: 0 }));
    await retried;
    expect(useAppStore.getState().openRepo).toBe('/h/models/a');
  });

  it('does nothing on Retry when no run is going', async () => {
    await useAppStore.getState().retryRepoRun('repo');
    expect(fake.cancelled).toEqual([]);
    expect(pendingNames()).toEqual([]);
  });

  it('removes the stale lock a failure named, in the open repository, then reads it again', async () => {
    await enterRepo('/h/models/a');
    void useAppStore.getState().stageRepoFiles(['a.txt']);
    await answer('stageFiles', LOCKED);
    expect(useAppStore.getState().repoError?.outcome?.action).toBe('remove_stale_lock');

    void useAppStore.getState().removeRepoLock(LOCK);
    const args = await answer('removeStaleLock', ok({ removed: LOCK }));
    expect(args).toEqual([LOCK, '/h/models/a']);
    expect(useAppStore.getState()).toMatchObject({
      repoError: null,
      repoNote: expect.stringContaining(LOCK),
    });
    expect(pendingNames()).toEqual(['repoState']);
  });

  it('shows main’s refusal when the lock is not safe to remove', async () => {
    await enterRepo('/h/models/a');
    void useAppStore.getState().removeRepoLock(LOCK);
    await answer('removeStaleLock', failed('That lock may be in use.'));
    expect(useAppStore.getState().repoError?.message).toBe('That lock may be in use.');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  Events,
  RecentRepoView,
  RemoteRunView,
  RepoAccess,
  RepoState,
  Result,
} from '../../../../preload/contract';

// The repos service is the slice's only way out to the bridge. The fake keeps every call pending
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
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');

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

const ACCESS: RepoAccess = {
  httpsUser: 'alice',
  ssh: false,
  preferred: 'https',
  lfs: { installed: true, configured: true, xet: false, howToInstall: '' },
};
const RECENT: readonly RecentRepoView[] = [
  { path: '/h/models/a', remote: 'alice/a', lastAction: 'cloned', at: '2026-11-22T09:00:00.000Z' },
];
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

describe('repos slice', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.pending.length = 0;
    fake.listeners.clear();
    fake.runs = 0;
    fake.cancelled = [];
  });

  it('opens a repository on the repositories screen, and start over forgets it', () => {
    useAppStore.getState().openRepoAt('/h/models/a');
    expect(useAppStore.getState()).toMatchObject({ openRepo: '/h/models/a', view: 'repos' });
    useAppStore.getState().openRepoAt(null);
    expect(useAppStore.getState()).toMatchObject({ openRepo: null, view: 'repos' });
    useAppStore.getState().openRepoAt('/h/models/a');
    useAppStore.getState().startOver();
    expect(useAppStore.getState()).toMatchObject({ openRepo: null, view: 'setup' });
  });

  describe('home', () => {
    it('reads the ways to the Hub and the recent repositories on each visit, and forgets them on leaving', async () => {
      void useAppStore.getState().enterRepoHome();
      expect(pendingNames()).toEqual(['repoAccess', 'recentRepos']);
      await answer('repoAccess', ok(ACCESS));
      await answer('recentRepos', ok(RECENT));
      expect(useAppStore.getState()).toMatchObject({ repoAccess: ACCESS, recentRepos: RECENT });

      useAppStore.getState().leaveRepoHome();
      expect(useAppStore.getState()).toMatchObject({ repoAccess: null, recentRepos: [] });
    });

    it('drops the answers of a visit that has ended', async () => {
      void useAppStore.getState().enterRepoHome();
      useAppStore.getState().leaveRepoHome();
      await answer('repoAccess', ok(ACCESS));
      await answer('recentRepos', ok(RECENT));
      expect(useAppStore.getState()).toMatchObject({ repoAccess: null, recentRepos: [] });
    });

    it('checks a clone address: the reason when refused, the kind asked for a bare NAME/REPO, the revision named', async () => {
      void useAppStore.getState().enterRepoHome();
      const refused = useAppStore.getState().checkCloneAddress('--upload-pack=x', 'model');
      await answer('parseRepo', failed('An address cannot start with "-"'));
      expect(await refused).toBeNull();
      expect(useAppStore.getState().cloneCheck).toEqual({
        problem: 'An address cannot start with "-"',
        bare: false,
      });

      const bare = useAppStore.getState().checkCloneAddress('alice/a', 'dataset');
      const args = await answer(
        'parseRepo',
        ok({ kind: 'dataset', namespace: 'alice', name: 'a', path: 'datasets/alice/a' }),
      );
      expect(args).toEqual(['alice/a', 'dataset']);
      expect(await bare).toBeNull();
      expect(useAppStore.getState().cloneCheck).toEqual({ problem: null, bare: true });

      const url = useAppStore.getState().checkCloneAddress('https://huggingface.co/alice/a/tree/v1', 'model');
      await answer(
        'parseRepo',
        ok({ kind: 'model', namespace: 'alice', name: 'a', path: 'alice/a', revision: 'v1' }),
      );
      expect(await url).toBe('v1');
      expect(useAppStore.getState().cloneCheck).toEqual({ problem: null, bare: false });

      useAppStore.getState().leaveRepoHome();
      expect(useAppStore.getState().cloneCheck).toEqual({ problem: null, bare: false });
    });

    it('clones once, shows only its own run’s progress, then opens the clone', async () => {
      void useAppStore.getState().enterRepoHome();
      void useAppStore.getState().cloneRepo(CLONE);
      void useAppStore.getState().cloneRepo(CLONE);
      expect(pendingNames().filter((name) => name === 'clone')).toHaveLength(1);
      expect(useAppStore.getState().repoRuns.clone).toEqual({ runId: 'run-1', event: null });

      fake.listeners.get('run-1')?.(progress('run-1', 40));
      expect(useAppStore.getState().repoRuns.clone?.event?.percent).toBe(40);
      expect(useAppStore.getState().repoRuns.repo).toBeNull();

      const [runId, request] = await answer('clone', ok({ path: '/h/models/a', url: 'u', pointers: 0 }));
      expect([runId, request]).toEqual(['run-1', CLONE]);
      expect(useAppStore.getState()).toMatchObject({
        repoRuns: { clone: null, fork: null, repo: null },
        openRepo: '/h/models/a',
        view: 'repos',
        cloneError: null,
      });
    });

    it('asks main to cancel the run, and shows why a clone failed', async () => {
      void useAppStore.getState().enterRepoHome();
      void useAppStore.getState().cloneRepo(CLONE);
      await useAppStore.getState().cancelRepoRun('clone');
      expect(fake.cancelled).toEqual(['run-1']);
      await answer('clone', failed('Cancelled.'));
      expect(useAppStore.getState().cloneError?.message).toBe('Cancelled.');
      expect(useAppStore.getState().openRepo).toBeNull();
      expect(useAppStore.getState().repoRuns.clone).toBeNull();
    });

    it('stops following a clone when the person leaves: no progress on return, no stale error', async () => {
      void useAppStore.getState().enterRepoHome();
      void useAppStore.getState().cloneRepo(CLONE);
      useAppStore.getState().leaveRepoHome();
      expect(useAppStore.getState().repoRuns.clone).toBeNull();
      void useAppStore.getState().enterRepoHome();
      await answer('clone', failed('The folder already has files in it.'));
      expect(useAppStore.getState().cloneError).toBeNull();
    });

    it('forks, then opens the working copy; a failure stays in the fork form', async () => {
      const request = {
        upstream: 'bob/b',
        fork: 'alice/b',
        destination: '/h/b',
        transport: 'ssh',
        branches: null,
      } as const;
      void useAppStore.getState().enterRepoHome();
      void useAppStore.getState().forkRepo(request);
      expect(useAppStore.getState().repoRuns.fork?.runId).toBe('run-1');
      await answer('fork', failed('alice/b is not empty.'));
      expect(useAppStore.getState()).toMatchObject({
        cloneError: null,
        forkError: { message: 'alice/b is not empty.' },
      });

      void useAppStore.getState().forkRepo(request);
      expect(useAppStore.getState().forkError).toBeNull();
      await answer('fork', ok({ path: '/h/b', branch: 'main' }));
      expect(useAppStore.getState().openRepo).toBe('/h/b');
    });
  });

  describe('open repository', () => {
    it('reads the repository on arrival, and shows why when it cannot', async () => {
      useAppStore.getState().openRepoAt('/h/nowhere');
      void useAppStore.getState().enterRepo('/h/nowhere');
      expect(useAppStore.getState().repoState).toBeNull();
      await answer('repoState', failed('/h/nowhere is not a Git repository.'));
      expect(useAppStore.getState()).toMatchObject({
        repoState: null,
        repoError: { message: '/h/nowhere is not a Git repository.' },
      });

      await enterRepo('/h/a');
      expect(useAppStore.getState()).toMatchObject({ repoState: repo('/h/a'), repoError: null });
    });

    it('shows only the newest answer: a reload that ends after a later stage does not undo it', async () => {
      await enterRepo('/h/a');
      void useAppStore.getState().reloadRepo();
      void useAppStore.getState().stageRepoFiles(['demo.mp4']);
      expect(await answer('stageFiles', ok(repo('/h/a', 1)))).toEqual(['/h/a', ['demo.mp4']]);
      await answer('repoState', ok(repo('/h/a', 0)));
      expect(useAppStore.getState().repoState?.ahead).toBe(1);
    });

    it('commits with a note and answers true, so the form can empty its message; a refusal is shown', async () => {
      await enterRepo('/h/a');
      const refused = useAppStore.getState().commitRepo('');
      await answer('commitChanges', failed('Nothing is staged.'));
      expect(await refused).toBe(false);
      expect(useAppStore.getState()).toMatchObject({
        repoNote: null,
        repoError: { message: 'Nothing is staged.' },
      });

      const done = useAppStore.getState().commitRepo('Add a demo');
      expect(await answer('commitChanges', ok(repo('/h/a', 1)))).toEqual(['/h/a', 'Add a demo']);
      expect(await done).toBe(true);
      expect(useAppStore.getState()).toMatchObject({ repoNote: 'Committed.', repoError: null });
      expect(useAppStore.getState().repoState?.ahead).toBe(1);
    });

    it('pushes with progress, shows how it ended, then reads the repository again', async () => {
      await enterRepo('/h/a', repo('/h/a', 1));
      useAppStore.setState({ repoNote: 'Committed.' });
      void useAppStore.getState().runRepoRemote('push');
      void useAppStore.getState().runRepoRemote('pull');
      expect(pendingNames()).toEqual(['push']);
      expect(useAppStore.getState()).toMatchObject({
        repoNote: null,
        repoRuns: { repo: { runId: 'run-1' } },
      });

      expect(await answer('push', ok(PUSHED))).toEqual(['run-1', '/h/a']);
      expect(useAppStore.getState()).toMatchObject({ repoOutcome: PUSHED, repoRuns: { repo: null } });
      expect(pendingNames()).toEqual(['repoState']);
      await answer('repoState', ok(repo('/h/a', 0)));
      expect(useAppStore.getState().repoState?.ahead).toBe(0);
    });

    it('forgets the repository on leaving, and a run that ends afterwards changes nothing', async () => {
      await enterRepo('/h/a');
      void useAppStore.getState().runRepoRemote('lfs-pull');
      useAppStore.getState().leaveRepo();
      expect(useAppStore.getState()).toMatchObject({ repoState: null, repoRuns: { repo: null } });
      await answer('lfsPull', ok(PUSHED));
      expect(useAppStore.getState().repoOutcome).toBeNull();
      expect(pendingNames()).toEqual([]);
    });

    it('moves a pattern into Git LFS, naming the backup branch', async () => {
      await enterRepo('/h/a', repo('/h/a', 1));
      void useAppStore.getState().migrateRepoLfs('*.mp4');
      expect(
        await answer('migrateLfs', ok({ backupBranch: 'hfgd-backup-1', state: repo('/h/a', 2) })),
      ).toEqual(['/h/a', '*.mp4']);
      expect(useAppStore.getState()).toMatchObject({
        repoNote: 'Moved into Git LFS. Your previous commits are on the branch hfgd-backup-1.',
      });
      expect(useAppStore.getState().repoState?.ahead).toBe(2);
    });

    it('saves who is committing, then reads the repository again; a refusal is shown instead', async () => {
      await enterRepo('/h/a');
      void useAppStore.getState().saveRepoIdentity('Alice', 'not an email');
      await answer('setIdentity', failed('That is not an email address.'));
      expect(useAppStore.getState().repoError?.message).toBe('That is not an email address.');
      expect(pendingNames()).toEqual([]);

      void useAppStore.getState().saveRepoIdentity('Alice', 'alice@example.com');
      expect(await answer('setIdentity', ok(null))).toEqual(['Alice', 'alice@example.com']);
      await answer('repoState', ok(repo('/h/a')));
      expect(useAppStore.getState().repoError).toBeNull();
    });
  });
});

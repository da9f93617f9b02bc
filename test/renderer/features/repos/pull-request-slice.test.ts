import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  AppError,
  PullRequestView,
  RemoteRunView,
  RepoState,
  Result,
} from '../../../../preload/contract';

// The pull request slice's only ways out are its service and the repos service (progress, the
// state, the push). The fakes record each call and answer what the test queued, so the slice's
// own logic (the token dialog and the retry, unlock then push again) runs in Node.
const fake = vi.hoisted(() => ({
  calls: [] as { name: string; args: unknown[] }[],
  answers: new Map<string, unknown[]>(),
  answer(name: string, ...args: unknown[]): Promise<unknown> {
    fake.calls.push({ name, args });
    const queued = fake.answers.get(name)?.shift();
    if (queued === undefined) throw new Error(`no answer queued for ${name}`);
    return Promise.resolve(queued);
  },
}));

vi.mock('../../../../renderer/features/repos/pull-request-service', () => ({
  listPullRequests: (path: string) => fake.answer('listPullRequests', path),
  openPullRequestCall: (path: string, title: string, description: string) => (runId: string) =>
    fake.answer('openPullRequest', path, title, description, runId),
  pushToPullRequestCall: (path: string, num: number) => (runId: string) =>
    fake.answer('pushToPullRequest', path, num, runId),
  lastCommitSubject: (path: string) => fake.answer('lastCommitSubject', path),
  unlockKey: (name: string, passphrase: string) => fake.answer('unlockKey', name, passphrase),
}));
vi.mock('../../../../renderer/features/repos/repos-service', () => ({
  withProgress: async (_onProgress: unknown, call: (runId: string) => Promise<Result<unknown>>) => ({
    runId: 'run-1',
    result: await call('run-1'),
  }),
  repoState: (path: string) => fake.answer('repoState', path),
  pushCall: (path: string) => () => fake.answer('push', path),
  pullCall: (path: string) => () => fake.answer('pull', path),
  lfsPullCall: (path: string) => () => fake.answer('lfsPull', path),
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');
const { PR_TOKEN_REASON } = await import('../../../../renderer/features/repos/pull-request-slice');
const { spaceOf } = await import('../../../../renderer/features/repos/panel/run-outcome');

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const queue = (name: string, ...answers: unknown[]) =>
  fake.answers.set(name, [...(fake.answers.get(name) ?? []), ...answers]);
const named = (name: string) => fake.calls.filter((call) => call.name === name);

const STATE: RepoState = {
  path: '/h/r',
  branch: 'main',
  upstream: 'origin/main',
  ahead: 1,
  behind: 0,
  changes: [],
  identity: { name: 'Bob', email: 'bob@example.com' },
  remotes: [
    {
      name: 'origin',
      shown: 'https://hf.co/alice/model',
      kind: 'hub-https',
      repo: 'alice/model',
      hasSecret: false,
    },
  ],
  pointers: [],
  prePush: { commits: 1, problems: [] },
  lfs: { installed: true, configured: true, xet: false, howToInstall: '' },
  staged: { problems: [] },
  inProgress: null,
  fetch: null,
  moreChanges: 0,
  largeFiles: { lfsFiles: 0, xet: 'missing' },
};
const PR: PullRequestView = {
  num: 1,
  title: 'Fix the card',
  author: 'bob',
  status: 'open',
  url: 'http://hub/alice/model/discussions/1',
  ref: 'refs/pr/1',
  createdAt: null,
};
const TOKEN_NEEDED: Result<never> = {
  ok: false,
  error: { code: 'api_token_needed', message: 'The Hub’s API needs an access token.', hint: 'Give one.' },
};

beforeEach(() => {
  useAppStore.getState().startOver();
  fake.calls.length = 0;
  fake.answers.clear();
  useAppStore.setState({ openRepo: '/h/r', repoState: STATE, repoVisit: {} });
});

describe('pull requests in the workspace', () => {
  it('prefills the title from the last commit, opens it, and keeps the link', async () => {
    queue('lastCommitSubject', 'Fix the card');
    await useAppStore.getState().showPullRequestForm();
    expect(useAppStore.getState().prPanel).toBe('form');
    expect(useAppStore.getState().prTitle).toBe('Fix the card');

    queue('openPullRequest', ok({ pr: PR, pushed: 'refs/pr/1' }));
    queue('repoState', ok(STATE));
    await useAppStore.getState().openPullRequest('Fix the card', 'Typo');
    expect(named('openPullRequest')[0]?.args.slice(0, 3)).toEqual(['/h/r', 'Fix the card', 'Typo']);
    expect(useAppStore.getState().prDone).toEqual({ pr: PR, pushed: 'refs/pr/1', opened: true });
    expect(useAppStore.getState().repoRuns.repo).toBeNull();
  });

  it('asks for a token in place when the API needs one, then runs the same call again', async () => {
    queue('openPullRequest', TOKEN_NEEDED, ok({ pr: PR, pushed: 'refs/pr/1' }));
    queue('repoState', ok(STATE), ok(STATE));
    await useAppStore.getState().openPullRequest('Fix the card', '');
    expect(useAppStore.getState().prTokenNeeded).toBe(true);
    expect(useAppStore.getState().prError).toBeNull();
    expect(PR_TOKEN_REASON).toBe(
      'Pull requests are opened through the Hub’s API, which SSH keys cannot call.',
    );

    await useAppStore.getState().prTokenGiven();
    expect(named('openPullRequest')).toHaveLength(2);
    expect(useAppStore.getState().prTokenNeeded).toBe(false);
    expect(useAppStore.getState().prDone?.pr.num).toBe(1);
  });

  it('cancelling the token dialog runs nothing again; other errors show as they are', async () => {
    queue('listPullRequests', TOKEN_NEEDED);
    await useAppStore.getState().showPullRequests();
    expect(useAppStore.getState().prTokenNeeded).toBe(true);
    useAppStore.getState().prTokenCancelled();
    await useAppStore.getState().prTokenGiven();
    expect(named('listPullRequests')).toHaveLength(1);

    const refused: AppError = {
      code: 'git_failed',
      message: 'The Hub refused the push.',
      hint: 'Pull first.',
    };
    queue('pushToPullRequest', { ok: false, error: refused });
    queue('repoState', ok(STATE));
    await useAppStore.getState().pushToPullRequest(1);
    expect(named('pushToPullRequest')[0]?.args.slice(0, 2)).toEqual(['/h/r', 1]);
    expect(useAppStore.getState().prError).toEqual(refused);
  });

  it('lists the open ones and pushes to one', async () => {
    queue('listPullRequests', ok([PR]));
    await useAppStore.getState().showPullRequests();
    expect(useAppStore.getState().pullRequests).toEqual([PR]);
    queue('pushToPullRequest', ok({ pr: PR, pushed: 'refs/pr/1' }));
    queue('repoState', ok(STATE));
    await useAppStore.getState().pushToPullRequest(1);
    expect(useAppStore.getState().prDone).toEqual({ pr: PR, pushed: 'refs/pr/1', opened: false });
  });
});

describe('unlocking the app’s key in place', () => {
  const pushed: RemoteRunView = {
    ok: true,
    cancelled: false,
    behind: false,
    message: 'Push done.',
    fix: '',
    output: '',
    outcome: { kind: 'ok', message: 'ok', fix: '' },
  };

  it('adds the key with its passphrase, then runs the same push again', async () => {
    useAppStore.setState({ repoLastRemote: 'push' });
    queue(
      'unlockKey',
      ok({ agent: 'app', keyName: 'hf_key', fingerprint: 'SHA256:x', alreadyLoaded: false }),
    );
    queue('push', ok(pushed));
    queue('repoState', ok(STATE));
    expect(await useAppStore.getState().unlockKeyAndRetry('hf_key', 'secret words')).toBeNull();
    expect(named('unlockKey')[0]?.args).toEqual(['hf_key', 'secret words']);
    expect(named('push')).toHaveLength(1);
    expect(useAppStore.getState().repoOutcome).toEqual(pushed);
  });

  it('answers a wrong passphrase for the field and pushes nothing', async () => {
    const wrong: AppError = {
      code: 'wrong_passphrase',
      message: 'That passphrase is not right.',
      hint: 'Type it again.',
    };
    queue('unlockKey', { ok: false, error: wrong });
    expect(await useAppStore.getState().unlockKeyAndRetry('hf_key', 'nope')).toEqual(wrong);
    expect(named('push')).toHaveLength(0);
  });
});

describe('a Space after a push', () => {
  it('names the Space of the main Hub remote, and nothing for a model', () => {
    expect(spaceOf([{ name: 'origin', kind: 'hub-ssh', repo: 'spaces/alice/demo' }])).toBe('alice/demo');
    expect(spaceOf([{ name: 'origin', kind: 'hub-https', repo: 'alice/model' }])).toBeNull();
    expect(spaceOf([{ name: 'other', kind: 'other' }])).toBeNull();
  });
});

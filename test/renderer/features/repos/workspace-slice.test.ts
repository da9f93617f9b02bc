import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepoState, Result } from '../../../../preload/contract';

// The workspace slice's only ways out are the repos service and the workspace service. The fakes
// keep every call pending until the test answers it, so answer order (and leaving) is the test's.
const fake = vi.hoisted(() => {
  const pending: { name: string; args: unknown[]; resolve: (result: unknown) => void }[] = [];
  const changed = new Set<(event: { path: string }) => void>();
  const calls: string[] = [];
  return {
    pending,
    changed,
    calls,
    call: (name: string, ...args: unknown[]) => {
      calls.push(name);
      return new Promise<unknown>((resolve) => pending.push({ name, args, resolve }));
    },
  };
});

vi.mock('../../../../renderer/features/repos/repos-service', () => ({
  repoState: (path: string) => fake.call('repoState', path),
  commitChanges: (path: string, message: string) => fake.call('commitChanges', path, message),
  pushCall: () => () => fake.call('push'),
  pullCall: () => () => fake.call('pull'),
  lfsPullCall: () => () => fake.call('lfsPull'),
}));
vi.mock('../../../../renderer/features/repos/workspace-service', () => {
  const names = [
    'unstageFiles',
    'storeWithLfs',
    'resolveConflict',
    'abortOperation',
    'switchBranch',
    'createBranch',
    'listBranches',
    'discardChanges',
    'restoreDiscarded',
    'recoveryList',
    'applyStash',
    'restoreBackup',
    'undoCommit',
    'revertCommit',
    'commitHistory',
    'commitFiles',
    'fileDiff',
    'fetchRepo',
    'cancelFetch',
    'watchRepo',
    'unwatchRepo',
    'openPath',
  ];
  return {
    ...Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => fake.call(name, ...args)])),
    onRepoChanged: (listener: (event: { path: string }) => void) => {
      fake.changed.add(listener);
      return () => fake.changed.delete(listener);
    },
  };
});
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

// The slice listens for window focus and page visibility; node has neither.
const windowEvents = new EventTarget();
const documentEvents = Object.assign(new EventTarget(), { visibilityState: 'visible' });
vi.stubGlobal('window', windowEvents);
vi.stubGlobal('document', documentEvents);

const { useAppStore } = await import('../../../../renderer/store/app-store');
const { CHANGE_DEBOUNCE_MS } = await import('../../../../renderer/features/repos/workspace-slice');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const ok = <T>(value: T): Result<T> => ({ ok: true, value });

async function answer<T>(name: string, result: Result<T>): Promise<unknown[]> {
  const index = fake.pending.findIndex((call) => call.name === name);
  if (index < 0) throw new Error(`no pending ${name} call (pending: ${pendingNames().join(', ')})`);
  const [call] = fake.pending.splice(index, 1);
  call?.resolve(result);
  await settle();
  return call?.args ?? [];
}
const pendingNames = () => fake.pending.map((call) => call.name);
/** Answers every pending call of `name` that nobody waits on in this test. */
async function answerAll<T>(name: string, result: Result<T>): Promise<void> {
  while (fake.pending.some((call) => call.name === name)) await answer(name, result);
}

function repo(overrides: Partial<RepoState> = {}): RepoState {
  return {
    path: '/h/r',
    branch: 'main',
    upstream: 'origin/main',
    ahead: 0,
    behind: 0,
    changes: [{ path: 'a.txt', status: ' M', staged: false, size: 3 }],
    identity: { name: 'A', email: 'a@example.com' },
    remotes: [],
    pointers: [],
    prePush: { commits: 0, problems: [] },
    lfs: { installed: true, configured: true, xet: false, howToInstall: '' },
    staged: { problems: [] },
    inProgress: null,
    fetch: null,
    moreChanges: 0,
    largeFiles: { lfsFiles: 0, xet: 'missing' },
    ...overrides,
  };
}
const EMPTY_RECOVERY = { discarded: [], stashes: [], backups: [] };
const FETCHED = { at: '2026-12-01T10:00:00Z', offline: false, ahead: 0, behind: 2 };

let leave: () => void = () => undefined;

/** Opens the workspace as the screen does and answers its first reads (the state, then the fetch). */
async function open(state: RepoState = repo(), fetched = { ...FETCHED, behind: 0 }): Promise<void> {
  useAppStore.getState().openRepoAt(state.path);
  leave = useAppStore.getState().enterWorkspace(state.path);
  await answer('repoState', ok(state));
  await answer('fetchRepo', ok(fetched));
}

beforeEach(() => {
  useAppStore.getState().startOver();
  fake.pending.length = 0;
  fake.calls.length = 0;
});
afterEach(() => leave());

describe('entering and leaving the workspace', () => {
  it('reads the state, watches, fetches once the state is in (throttled), and undoes it all on leaving', async () => {
    useAppStore.getState().openRepoAt('/h/r');
    leave = useAppStore.getState().enterWorkspace('/h/r');
    expect(pendingNames()).toEqual(['repoState', 'watchRepo']);
    await answer('repoState', ok(repo()));
    const [path, force] = await answer('fetchRepo', ok(FETCHED));
    expect([path, force]).toEqual(['/h/r', false]);
    // The Hub moved: the state is read again, and the fetch's answer kept.
    await answer('repoState', ok(repo({ behind: 2 })));
    expect(useAppStore.getState().lastFetch).toEqual(FETCHED);
    expect(useAppStore.getState().repoState?.behind).toBe(2);

    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(pendingNames()).toContain('fetchRepo');
    await answerAll('fetchRepo', ok(FETCHED));

    leave();
    leave = () => undefined;
    expect(fake.calls.slice(-2)).toEqual(['cancelFetch', 'unwatchRepo']);
    expect(useAppStore.getState().repoState).toBeNull();
    expect(fake.changed.size).toBe(0);
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(pendingNames().filter((name) => name === 'fetchRepo')).toEqual([]);
  });

  it('does not read the state again when the fetch changed nothing', async () => {
    await open();
    expect(pendingNames().filter((name) => name === 'repoState')).toEqual([]);
    expect(useAppStore.getState().lastFetch?.at).toBe(FETCHED.at);
  });
});

describe('files changed on disk', () => {
  it('reads the state once after a burst of changes', async () => {
    await open();
    for (const listener of fake.changed)
      for (let event = 0; event < 5; event += 1) listener({ path: '/h/r' });
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 50));
    expect(pendingNames().filter((name) => name === 'repoState')).toHaveLength(1);
    await answer('repoState', ok(repo({ changes: [] })));
    expect(useAppStore.getState().repoState?.changes).toEqual([]);
  });

  it('waits while an operation runs, then reads once it ended', async () => {
    await open();
    void useAppStore.getState().unstageRepoFiles(null);
    for (const listener of fake.changed) listener({ path: '/h/r' });
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 50));
    expect(pendingNames().filter((name) => name === 'repoState')).toHaveLength(0);
    await answer('unstageFiles', ok(repo()));
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 50));
    expect(pendingNames().filter((name) => name === 'repoState')).toHaveLength(1);
  });

  it('waits for a commit in flight, whose answer is newer than a read started before it ends', async () => {
    await open();
    void useAppStore.getState().commitRepo('A message');
    for (const listener of fake.changed) listener({ path: '/h/r' });
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 50));
    expect(pendingNames().filter((name) => name === 'repoState')).toHaveLength(0);
    await answer('commitChanges', ok(repo({ changes: [], ahead: 1 })));
    expect(useAppStore.getState().repoState?.ahead).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 50));
    expect(pendingNames().filter((name) => name === 'repoState')).toHaveLength(1);
  });

  it('ignores another repository’s changes', async () => {
    await open();
    for (const listener of fake.changed) listener({ path: '/h/other' });
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 50));
    expect(pendingNames().filter((name) => name === 'repoState')).toEqual([]);
  });
});

describe('the diff pane', () => {
  it('shows the selected file’s diff, and drops the answer for a file no longer selected', async () => {
    await open(
      repo({
        changes: [
          { path: 'a.txt', status: ' M', staged: false, size: 3 },
          { path: 'b.txt', status: 'M ', staged: true, size: 3 },
        ],
      }),
    );
    void useAppStore.getState().selectChange('a.txt', false);
    void useAppStore.getState().selectChange('b.txt', true);
    const late = { kind: 'none', file: 'a.txt', reason: 'late' } as const;
    const [, file, source] = await answer('fileDiff', ok(late));
    expect([file, source]).toEqual(['a.txt', { kind: 'change', staged: false }]);
    expect(useAppStore.getState().diff).toBeNull();
    const [, fileB, sourceB] = await answer(
      'fileDiff',
      ok({ kind: 'none', file: 'b.txt', reason: 'mode' } as const),
    );
    expect([fileB, sourceB]).toEqual(['b.txt', { kind: 'change', staged: true }]);
    expect(useAppStore.getState().diff).toEqual({ kind: 'none', file: 'b.txt', reason: 'mode' });
  });

  it('a commit shows its files and the first one’s diff', async () => {
    await open();
    void useAppStore.getState().selectCommit('abc');
    await answer('commitFiles', ok([{ path: 'x.txt', status: 'M' }]));
    const [, file, source] = await answer(
      'fileDiff',
      ok({ kind: 'none', file: 'x.txt', reason: 'r' } as const),
    );
    expect([file, source]).toEqual(['x.txt', { kind: 'commit', commit: 'abc' }]);
    expect(useAppStore.getState().commitFiles).toHaveLength(1);
  });
});

describe('operations', () => {
  it('a discard says how many files and where to get them back; the recovery list shows them', async () => {
    await open(
      repo({
        changes: [
          { path: 'a.txt', status: ' M', staged: false, size: 3 },
          { path: 'b.txt', status: ' M', staged: false, size: 3 },
        ],
      }),
    );
    void useAppStore.getState().discardRepoFiles(['a.txt', 'b.txt']);
    const discarded = { id: 'd1', at: '2026-12-01T10:00:00Z', files: ['a.txt', 'b.txt'], inTrash: false };
    const [, files] = await answer('discardChanges', ok({ state: repo({ changes: [] }), discarded }));
    expect(files).toEqual(['a.txt', 'b.txt']);
    expect(useAppStore.getState().repoNote).toMatch(/^Discarded 2 files\. You can restore them/);
    void useAppStore.getState().loadRecovery();
    await answer('recoveryList', ok({ ...EMPTY_RECOVERY, discarded: [discarded] }));
    expect(useAppStore.getState().recovery?.discarded).toEqual([discarded]);
  });

  it('a branch switch shows what the app did with the changes', async () => {
    await open();
    void useAppStore.getState().switchRepoBranch('dev', 'leave');
    const [, branch, changes] = await answer(
      'switchBranch',
      ok({
        state: repo({ branch: 'dev', changes: [] }),
        notes: ['Your 1 uncommitted change was set aside on main.'],
      }),
    );
    expect([branch, changes]).toEqual(['dev', 'leave']);
    expect(useAppStore.getState().repoState?.branch).toBe('dev');
    expect(useAppStore.getState().workspaceNotes).toEqual([
      'Your 1 uncommitted change was set aside on main.',
    ]);
  });

  it('a refused operation shows its error and keeps the state', async () => {
    await open();
    void useAppStore.getState().undoRepoCommit();
    await answer('undoCommit', {
      ok: false,
      error: { code: 'already_pushed', message: 'That commit is on the Hub.', hint: 'Revert it instead.' },
    });
    expect(useAppStore.getState().repoError?.code).toBe('already_pushed');
    expect(useAppStore.getState().repoState?.changes).toHaveLength(1);
  });

  it('resolve_conflicts opens the Changes tab and asks the conflicts list to take the focus', async () => {
    await open();
    useAppStore.getState().setWorkspaceTab('history');
    await answer('commitHistory', ok({ commits: [], more: false }));
    useAppStore.getState().focusConflicts();
    expect(useAppStore.getState().workspaceTab).toBe('changes');
    expect(useAppStore.getState().conflictsFocus).toBe(1);
  });

  it('in browser mode "Open in editor" keeps the path to copy', async () => {
    await open();
    void useAppStore.getState().openRepoPath('a.txt', 'editor');
    const [, file, how] = await answer('openPath', ok({ opened: false, path: '/h/r/a.txt' }));
    expect([file, how]).toEqual(['a.txt', 'editor']);
    expect(useAppStore.getState().openedPath).toEqual({ opened: false, path: '/h/r/a.txt' });
  });

  it('history pages append, and Load more asks from where the list ends', async () => {
    await open();
    useAppStore.getState().setWorkspaceTab('history');
    const commit = (sha: string) => ({
      sha,
      summary: sha,
      body: '',
      author: 'A',
      email: 'a@example.com',
      at: '2026-12-01T10:00:00Z',
      pushed: true,
      merge: false,
    });
    await answer('commitHistory', ok({ commits: [commit('1'), commit('2')], more: true }));
    void useAppStore.getState().loadHistory(true);
    const [, skip] = await answer('commitHistory', ok({ commits: [commit('3')], more: false }));
    expect(skip).toBe(2);
    expect(useAppStore.getState().history?.commits.map((entry) => entry.sha)).toEqual(['1', '2', '3']);
  });
});

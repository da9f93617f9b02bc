import { describe, expect, it } from 'vitest';
import type { RepoState } from '../../../../../preload/contract';
import {
  abortLabel,
  branchDistance,
  commitBlock,
  conflictText,
  countOf,
  discardWhere,
  relativeTime,
  shortOid,
  sizeChangeText,
  syncText,
} from '../../../../../renderer/features/repos/workspace/workspace-text';

function state(overrides: Partial<RepoState> = {}): RepoState {
  return {
    path: '/h/r',
    branch: 'main',
    upstream: 'origin/main',
    ahead: 0,
    behind: 0,
    changes: [{ path: 'a.txt', status: 'M ', staged: true, size: 3 }],
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

describe('counts read naturally', () => {
  it('says 1 commit, 2 commits, no commits', () => {
    expect(countOf(1, 'commit')).toBe('1 commit');
    expect(countOf(2, 'commit')).toBe('2 commits');
    expect(countOf(0, 'commit')).toBe('no commits');
    expect(countOf(3, 'change', 'changes')).toBe('3 changes');
  });

  it('words the sync state as the button caption', () => {
    expect(syncText(0, 2)).toBe('The Hub has 2 new commits: Pull');
    expect(syncText(0, 1)).toBe('The Hub has 1 new commit: Pull');
    expect(syncText(1, 0)).toBe('1 commit to push');
    expect(syncText(2, 0)).toBe('2 commits to push');
    expect(syncText(0, 0)).toBe('Up to date with the Hub');
    expect(syncText(1, 3)).toBe('The Hub has 3 new commits: Pull first (1 commit to push)');
    // No upstream yet (a clone of an empty repository, a new branch): never "Up to date".
    expect(syncText(0, 0, 1)).toBe('1 commit to push: this branch is not on the Hub yet');
    expect(syncText(0, 0, 0)).toBe('This branch is not on the Hub yet');
  });

  it('words a branch’s distance from the Hub', () => {
    expect(branchDistance(0, 0, 'origin/main')).toBe('up to date');
    expect(branchDistance(1, 2, 'origin/main')).toBe('1 to push, 2 to pull');
    expect(branchDistance(3, 0, null)).toBe('not on the Hub yet');
  });
});

describe('times and sizes', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('says how long ago in the largest unit', () => {
    expect(relativeTime('2026-12-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-12-01T11:59:00Z', now)).toBe('1 minute ago');
    expect(relativeTime('2026-12-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-12-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-28T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('2025-12-01T12:00:00Z', now)).toBe('1 year ago');
  });

  it('shows LFS and binary changes as sizes, with short object ids', () => {
    const mb = 1024 * 1024;
    expect(
      sizeChangeText({
        kind: 'lfs',
        file: 'w.bin',
        before: { oid: 'a'.repeat(64), size: 1.2 * mb },
        after: { oid: 'b'.repeat(64), size: 1.3 * mb },
      }),
    ).toBe('Stored with Git LFS: 1.2 MB → 1.3 MB');
    expect(sizeChangeText({ kind: 'binary', file: 'x', beforeSize: 1.2 * mb, afterSize: 1.3 * mb })).toBe(
      'Binary file, 1.2 MB → 1.3 MB',
    );
    expect(sizeChangeText({ kind: 'binary', file: 'x', beforeSize: null, afterSize: 10 })).toBe(
      'Binary file, none → 10 B',
    );
    expect(shortOid('0123456789abcdef')).toBe('0123456789');
  });

  it('says where discarded changes go: the trash in the desktop app, the app’s folder in a browser', () => {
    expect(discardWhere('electron')).toMatch(/trash/);
    expect(discardWhere('browser')).toMatch(/its own folder/);
    expect(discardWhere('browser')).not.toMatch(/trash/);
  });
});

describe('conflicts and the commit box', () => {
  it('names the abort after what the app was doing', () => {
    expect(abortLabel({ kind: 'merge', conflicts: 1, during: 'pull' })).toBe('Abort the pull');
    expect(abortLabel({ kind: 'revert', conflicts: 1, during: 'revert' })).toBe('Abort the revert');
    expect(conflictText({ xy: 'UU', lfs: true, markers: false })).toBe(
      'changed by you and on the Hub, stored with Git LFS',
    );
  });

  it('says why the commit cannot happen yet, most urgent first', () => {
    const conflicted = { path: 'R.md', status: 'UU', staged: false, size: 1 };
    expect(commitBlock(state())).toBeNull();
    expect(
      commitBlock(state({ changes: [{ ...conflicted, conflict: { xy: 'UU', lfs: false, markers: true } }] })),
    ).toMatch(/conflict markers/);
    expect(
      commitBlock(
        state({ changes: [{ ...conflicted, conflict: { xy: 'UU', lfs: false, markers: false } }] }),
      ),
    ).toBe('Resolve the 1 conflict above first.');
    expect(
      commitBlock(
        state({
          staged: {
            problems: [
              { rule: 'too_large', path: 'a.txt', size: 1, inHistoryOnly: false, text: 't', blocking: true },
            ],
          },
        }),
      ),
    ).toMatch(/Hub’s rules/);
    expect(commitBlock(state({ identity: null }))).toMatch(/who is committing/);
    expect(commitBlock(state({ changes: [{ path: 'a', status: ' M', staged: false, size: 1 }] }))).toBe(
      'Tick the files to commit.',
    );
    // A merge whose conflicts are all resolved is committed even with nothing else ticked.
    expect(
      commitBlock(state({ changes: [], inProgress: { kind: 'merge', conflicts: 0, during: 'pull' } })),
    ).toBeNull();
  });
});

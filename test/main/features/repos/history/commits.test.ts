import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitHistory, UNPUSHED_CAP } from '../../../../../main/features/repos/history/commits';
import { historyHandlers } from '../../../../../main/features/repos/history/handlers';
import { dispatch, type HandlerTable } from '../../../../../main/ipc/dispatch';
import { makeFixture, type Fixture } from './fixture';

// commitHistory and commitFiles for real: a branch with a root commit, a rename, a deletion, a
// type change and a merge, some of it "on the Hub" (a remote-tracking branch points into it).

let f: Fixture;
let repo: string;
const table = historyHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown) => dispatch(table, operation, request, f.context);
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = makeFixture('commits');
  repo = await f.repo('repo');
  const commit = async (name: string, message: string[]) => {
    await f.sh(repo, ['add', '--all']);
    await f.sh(repo, ['commit', '--quiet', ...message.flatMap((part) => ['-m', part])]);
    ids[name] = (await f.sh(repo, ['rev-parse', 'HEAD'])).trim();
  };
  writeFileSync(join(repo, 'a.txt'), 'a\n'.repeat(20));
  writeFileSync(join(repo, 'b.txt'), 'b\n');
  writeFileSync(join(repo, 'c.txt'), 'c\n');
  await commit('root', ['The first one', 'With a body\nof two lines.']);
  await f.sh(repo, ['mv', 'a.txt', 'renamed.txt']);
  await f.sh(repo, ['rm', '--quiet', 'b.txt']);
  writeFileSync(join(repo, 'c.txt'), 'c2\n');
  await commit('second', ['Rename, delete, edit']);
  // What the Hub has: everything up to here.
  await f.sh(repo, ['update-ref', 'refs/remotes/origin/main', 'HEAD']);
  await f.sh(repo, ['checkout', '--quiet', '-b', 'side']);
  writeFileSync(join(repo, 'side.txt'), 'side\n');
  await commit('side', ['On the side']);
  await f.sh(repo, ['checkout', '--quiet', 'main']);
  writeFileSync(join(repo, 'main.txt'), 'main\n');
  await commit('third', ['On main']);
  await f.sh(repo, ['merge', '--quiet', '--no-ff', '-m', 'Merge side', 'side']);
  ids.merge = (await f.sh(repo, ['rev-parse', 'HEAD'])).trim();
}, 60_000);
afterAll(() => f.cleanup());

describe('commitHistory', () => {
  it('lists the branch newest first, with who, when, the body, merges and what is on the Hub', async () => {
    const answer = await call('commitHistory', { path: repo, skip: 0, limit: 10 });
    expect(answer).toMatchObject({ ok: true, value: { more: false } });
    if (!answer.ok) throw new Error('failed');
    const { commits } = answer.value as { commits: { sha: string; pushed: boolean; merge: boolean }[] };
    expect(commits.map((commit) => [commit.sha, commit.pushed, commit.merge])).toEqual([
      [ids.merge, false, true],
      [ids.third, false, false],
      [ids.side, false, false],
      [ids.second, true, false],
      [ids.root, true, false],
    ]);
    expect(commits[4]).toMatchObject({
      summary: 'The first one',
      body: 'With a body\nof two lines.',
      author: 'Ada',
      email: 'ada@example.com',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
    });
  });

  it('pages with skip and limit, and says when there is more', async () => {
    const page = await call('commitHistory', { path: repo, skip: 1, limit: 2 });
    expect(page).toMatchObject({
      ok: true,
      value: { more: true, commits: [{ sha: ids.third }, { sha: ids.side }] },
    });
    expect(await call('commitHistory', { path: repo, skip: 3, limit: 2 })).toMatchObject({
      ok: true,
      value: { more: false, commits: [{ sha: ids.second }, { sha: ids.root }] },
    });
  });

  it('answers an empty list for a repository with no commit, and marks all unpushed without a remote', async () => {
    const empty = await f.repo('empty');
    expect(await call('commitHistory', { path: empty, skip: 0, limit: 50 })).toEqual({
      ok: true,
      value: { commits: [], more: false },
    });
    const local = await f.repo('local');
    writeFileSync(join(local, 'x'), 'x');
    await f.sh(local, ['add', '.']);
    await f.sh(local, ['commit', '--quiet', '-m', 'x']);
    expect(await commitHistory(f.git, local, 0, 5)).toMatchObject({ commits: [{ pushed: false }] });
  });

  it('holds the page size to its limit and refuses bad numbers', async () => {
    for (const request of [
      { path: repo, skip: 0, limit: 501 },
      { path: repo, skip: -1, limit: 5 },
      { path: repo, skip: 0, limit: 0 },
      { path: repo, skip: 0.5, limit: 5 },
    ])
      expect(await call('commitHistory', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
  });

  it('shows commits as not pushed when there are more unpushed ones than it lists (the cautious answer)', async () => {
    expect(UNPUSHED_CAP).toBeGreaterThanOrEqual(5000);
    // Three unpushed commits and a cap of two: the pushed ones cannot be told apart any more.
    const page = await commitHistory(f.git, repo, 0, 10, 2);
    expect(page.commits.map((commit) => commit.pushed)).toEqual([false, false, false, false, false]);
    expect((await commitHistory(f.git, repo, 0, 10, 3)).commits.map((commit) => commit.pushed)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('commitFiles', () => {
  it('lists what a commit changed, with renames and their origin', async () => {
    expect(await call('commitFiles', { path: repo, commit: ids.second })).toEqual({
      ok: true,
      value: [
        { path: 'b.txt', status: 'D' },
        { path: 'c.txt', status: 'M' },
        { path: 'renamed.txt', status: 'R', from: 'a.txt' },
      ],
    });
  });

  it('lists a root commit against nothing, and a merge against its first parent', async () => {
    expect(await call('commitFiles', { path: repo, commit: ids.root })).toEqual({
      ok: true,
      value: [
        { path: 'a.txt', status: 'A' },
        { path: 'b.txt', status: 'A' },
        { path: 'c.txt', status: 'A' },
      ],
    });
    expect(await call('commitFiles', { path: repo, commit: 'HEAD' })).toEqual({
      ok: true,
      value: [{ path: 'side.txt', status: 'A' }],
    });
  });

  // A file that becomes a link; making a link needs special rights on Windows.
  it.skipIf(process.platform === 'win32')('says a type change is one', async () => {
    const typed = await f.repo('typed');
    writeFileSync(join(typed, 'l'), 'target\n');
    await f.sh(typed, ['add', '.']);
    await f.sh(typed, ['commit', '--quiet', '-m', 'file']);
    await f.sh(typed, ['rm', '--quiet', 'l']);
    const { symlinkSync } = await import('node:fs');
    symlinkSync('target', join(typed, 'l'));
    await f.sh(typed, ['add', '.']);
    await f.sh(typed, ['commit', '--quiet', '-m', 'link']);
    expect(await call('commitFiles', { path: typed, commit: 'HEAD' })).toEqual({
      ok: true,
      value: [{ path: 'l', status: 'T' }],
    });
  });

  it('refuses an unknown commit and a name that is an option, in words', async () => {
    expect(await call('commitFiles', { path: repo, commit: 'no-such-branch' })).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringContaining('There is no commit'),
        hint: expect.any(String),
      },
    });
    expect(await call('commitFiles', { path: repo, commit: '--all' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('commitFiles', { path: repo, commit: 'a b' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('a damaged repository', () => {
  it('answers git’s failure in words with Details, never an internal error', async () => {
    const broken = await f.repo('broken');
    writeFileSync(join(broken, 'x.txt'), 'x\n');
    await f.sh(broken, ['add', '.']);
    await f.sh(broken, ['commit', '--quiet', '-m', 'x']);
    const head = (await f.sh(broken, ['rev-parse', 'HEAD'])).trim();
    // The commit's object is lost (a disk error, a bad copy): git cannot read the history.
    const { rmSync } = await import('node:fs');
    rmSync(join(broken, '.git', 'objects', head.slice(0, 2), head.slice(2)), { force: true });
    const answer = await call('commitHistory', { path: broken, skip: 0, limit: 5 });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'git_failed',
        message: expect.any(String),
        hint: expect.any(String),
        details: expect.any(String),
      },
    });
  });
});

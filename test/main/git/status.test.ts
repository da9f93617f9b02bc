import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../main/core/run';
import { gitContext } from '../../../main/git/environment';
import { stage } from '../../../main/git/stage';
import { cutList, LIST_LIMIT, repoStatus, SIZED_LIMIT, type ChangedFile } from '../../../main/git/status';

// The changes list as the repository screen reads it, with real git in a temp HOME: untracked
// folders folded as git folds them (and still stageable), sizes only where measured, unmerged
// files listed first with their two letters, and a long list cut with the rest counted.

let root: string;
let home: string;
let work: string;
const context = () => gitContext({ home }, { PATH: process.env.PATH });

async function sh(cwd: string, args: readonly string[], okCodes: readonly number[] = [0]): Promise<string> {
  const result = await run('git', args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 60_000,
  });
  if (!okCodes.includes(result.exitCode ?? -1)) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-status-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = T\n\temail = t@example.com\n');
  work = join(root, 'repo');
  await sh(root, ['init', '--quiet', '--initial-branch=main', work]);
  writeFileSync(join(work, 'README.md'), '# model\n');
  writeFileSync(join(work, 'gone.txt'), 'bye\n');
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'first']);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('repoStatus', () => {
  it('has no upstream when the upstream branch does not exist (a clone of an empty repository), and a distance when it does', async () => {
    const bare = join(root, 'hub.git');
    await sh(root, ['init', '--quiet', '--bare', bare]);
    await sh(work, ['remote', 'add', 'origin', bare]);
    await sh(work, ['config', 'branch.main.remote', 'origin']);
    await sh(work, ['config', 'branch.main.merge', 'refs/heads/main']);
    // git names an upstream that is not there; the screen must not call that "up to date".
    expect(await repoStatus(context(), work)).toMatchObject({ upstream: null, ahead: 0, behind: 0 });
    await sh(work, ['push', '--quiet', 'origin', 'main']);
    writeFileSync(join(work, 'README.md'), '# two\n');
    await sh(work, ['commit', '--quiet', '-am', 'second']);
    expect(await repoStatus(context(), work)).toMatchObject({ upstream: 'origin/main', ahead: 1, behind: 0 });
  });

  it('folds an untracked folder into one entry, and staging that entry stages every file in it', async () => {
    mkdirSync(join(work, 'data', 'deep'), { recursive: true });
    for (let n = 0; n < 30; n += 1) writeFileSync(join(work, 'data', `part-${n}.csv`), `${n}\n`);
    writeFileSync(join(work, 'data', 'deep', 'x.txt'), 'x\n');
    rmSync(join(work, 'gone.txt'));
    writeFileSync(join(work, 'README.md'), '# changed!\n');
    const status = await repoStatus(context(), work);
    expect(status.changes).toEqual([
      { path: 'README.md', status: ' M', staged: false, size: 11 },
      { path: 'gone.txt', status: ' D', staged: false, size: null },
      { path: 'data/', status: '??', staged: false, size: null, folder: true },
    ]);
    expect(status.moreChanges).toBe(0);
    await stage(context(), work, ['data/']);
    const staged = (await repoStatus(context(), work)).changes.filter((change) => change.staged);
    expect(staged.map((change) => change.path).sort()).toEqual(
      [...Array.from({ length: 30 }, (_, n) => `data/part-${n}.csv`), 'data/deep/x.txt'].sort(),
    );
  });

  it('lists unmerged files first, with git’s two letters, so conflict markers are never committed unseen', async () => {
    writeFileSync(join(work, 'both.txt'), 'base\n');
    await sh(work, ['add', '.']);
    await sh(work, ['commit', '--quiet', '-m', 'base']);
    await sh(work, ['checkout', '--quiet', '-b', 'theirs']);
    writeFileSync(join(work, 'both.txt'), 'theirs\n');
    writeFileSync(join(work, 'added.txt'), 'theirs\n');
    await sh(work, ['rm', '--quiet', 'gone.txt']);
    await sh(work, ['add', '.']);
    await sh(work, ['commit', '--quiet', '-m', 'theirs']);
    await sh(work, ['checkout', '--quiet', 'main']);
    writeFileSync(join(work, 'both.txt'), 'mine\n');
    writeFileSync(join(work, 'added.txt'), 'mine\n');
    writeFileSync(join(work, 'gone.txt'), 'edited\n');
    await sh(work, ['add', '.']);
    await sh(work, ['commit', '--quiet', '-m', 'mine']);
    await sh(work, ['merge', 'theirs'], [1]);
    writeFileSync(join(work, 'README.md'), '# during the merge\n');
    const status = await repoStatus(context(), work);
    expect(
      status.changes.map(({ path, status: xy, unmerged, staged }) => ({ path, xy, unmerged, staged })),
    ).toEqual([
      { path: 'added.txt', xy: 'AA', unmerged: 'AA', staged: false },
      { path: 'both.txt', xy: 'UU', unmerged: 'UU', staged: false },
      { path: 'gone.txt', xy: 'UD', unmerged: 'UD', staged: false },
      { path: 'README.md', xy: ' M', unmerged: undefined, staged: false },
    ]);
    expect(readFileSync(join(work, 'both.txt'), 'utf8')).toContain('<<<<<<<');
  });

  it('cuts a long list, keeps what is ticked, counts the rest, and measures only the first files', async () => {
    const total = LIST_LIMIT + 7;
    for (let n = 0; n < total; n += 1) writeFileSync(join(work, `f-${String(n).padStart(5, '0')}.txt`), 'x');
    writeFileSync(join(work, 'zz-ticked.txt'), 'ticked\n');
    await stage(context(), work, ['zz-ticked.txt']);
    const status = await repoStatus(context(), work);
    expect(status.changes).toHaveLength(LIST_LIMIT);
    expect(status.moreChanges).toBe(total + 1 - LIST_LIMIT);
    expect(status.changes[0]).toEqual({ path: 'zz-ticked.txt', status: 'A ', staged: true, size: 7 });
    expect(status.changes[SIZED_LIMIT - 1]?.size).toBe(1);
    expect(status.changes[SIZED_LIMIT]?.size).toBeNull();
  });

  it('lists a staged rename with its former path', async () => {
    await sh(work, ['mv', 'gone.txt', 'kept.txt']);
    expect((await repoStatus(context(), work)).changes).toEqual([
      { path: 'kept.txt', status: 'R ', staged: true, size: 4, from: 'gone.txt' },
    ]);
  });
});

describe('cutList', () => {
  const change = (path: string, extra: Partial<ChangedFile> = {}): ChangedFile => ({
    path,
    status: '??',
    staged: false,
    size: null,
    ...extra,
  });
  it('keeps conflicts, then ticked files, then the rest, in git’s order', () => {
    const list = [
      change('u', { unmerged: 'UU', status: 'UU' }),
      change('a'),
      change('b', { staged: true, status: 'M ' }),
      change('c'),
      change('d', { staged: true, status: 'A ' }),
    ];
    expect(cutList(list, 3)).toEqual({ listed: [list[0], list[2], list[4]], more: 2 });
    expect(cutList(list, 4).listed.map((entry) => entry.path)).toEqual(['u', 'a', 'b', 'd']);
    expect(cutList(list, 10)).toEqual({ listed: list, more: 0 });
  });
});

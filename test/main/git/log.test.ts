import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../main/core/run';
import { gitContext } from '../../../main/git/environment';
import { readLog } from '../../../main/git/log';
import { aheadBehind, hasRemoteBranches, unpushedCommits } from '../../../main/git/rev-list';

// The history readers on a real repository whose messages hold what could break a parser:
// empty bodies, blank lines, tabs, non-ASCII names, text that looks like a field.

let root: string;
let repo: string;
const git = () => gitContext({ home: root }, { PATH: process.env.PATH });
const sh = async (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const out = await run('git', args, {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: root, ...env },
    timeoutMs: 30_000,
  });
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return out.stdout.trim();
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-log-'));
  // Settings of the person's that change what git log prints, which the reader must not depend on.
  writeFileSync(
    join(root, '.gitconfig'),
    '[log]\n\tshowSignature = true\n\tdecorate = full\n[color]\n\tui = always\n',
  );
  repo = join(root, 'repo');
  await run('git', ['init', '--quiet', '-b', 'main', repo], {
    env: { PATH: process.env.PATH, HOME: root },
    timeoutMs: 10_000,
  });
  const who = {
    GIT_AUTHOR_NAME: 'Zoë Ångström',
    GIT_AUTHOR_EMAIL: 'zoe@example.com',
    GIT_COMMITTER_NAME: 'c',
    GIT_COMMITTER_EMAIL: 'c@x',
  };
  await sh(['commit', '--quiet', '--allow-empty', '-m', 'no body'], who);
  await sh(
    ['commit', '--quiet', '--allow-empty', '-m', 'subject\twith tab', '-m', 'para one\n\npara two %x00 %H'],
    who,
  );
  await sh(['commit', '--quiet', '--allow-empty', '-m', 'third'], {
    ...who,
    GIT_AUTHOR_DATE: '2001-02-03T04:05:06+07:00',
  });
}, 30_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readLog', () => {
  it('reads every field of every commit, newest first', async () => {
    const entries = await readLog(git(), repo, 'HEAD', 0, 10);
    expect(entries.map((entry) => [entry.summary, entry.body, entry.author])).toEqual([
      ['third', '', 'Zoë Ångström'],
      ['subject\twith tab', 'para one\n\npara two %x00 %H', 'Zoë Ångström'],
      ['no body', '', 'Zoë Ångström'],
    ]);
    expect(entries[0]).toMatchObject({ at: '2001-02-03T04:05:06+07:00', email: 'zoe@example.com' });
    expect(entries[0]?.parents).toEqual([entries[1]?.sha]);
    expect(entries[2]?.parents).toEqual([]);
    expect(await readLog(git(), repo, 'HEAD', 1, 1)).toMatchObject([{ summary: 'subject\twith tab' }]);
  });
});

describe('rev-list readers', () => {
  it('tells unpushed commits and the distance from the upstream', async () => {
    expect(await hasRemoteBranches(git(), repo)).toBe(false);
    expect(await aheadBehind(git(), repo)).toEqual({ ahead: 0, behind: 0 });
    await sh(['update-ref', 'refs/remotes/origin/main', 'HEAD~1']);
    await sh(['config', 'remote.origin.url', join(root, 'nowhere.git')]);
    await sh(['config', 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*']);
    await sh(['branch', '--quiet', '--set-upstream-to=origin/main']);
    expect(await hasRemoteBranches(git(), repo)).toBe(true);
    expect(await aheadBehind(git(), repo)).toEqual({ ahead: 1, behind: 0 });
    const unpushed = await unpushedCommits(git(), repo, 'HEAD', 10);
    expect([...unpushed.commits]).toEqual([await sh(['rev-parse', 'HEAD'])]);
    expect(unpushed.capped).toBe(false);
    await sh(['update-ref', 'refs/remotes/origin/main', 'HEAD~2']);
    expect(await unpushedCommits(git(), repo, 'HEAD', 1)).toMatchObject({ capped: true });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../../main/core/settings';
import { run, spawnCounter } from '../../../../main/core/run';
import { sharedConfig } from '../../../../main/git/core';
import { gitContext } from '../../../../main/git/environment';
import { readRepoConfig } from '../../../../main/git/repo-config';
import { readConflicts } from '../../../../main/git/conflicts';
import { listRemotes } from '../../../../main/git/remotes';
import { checkRepoPlaces } from '../../../../main/git/repo-path';
import { lfsState } from '../../../../main/features/repos/lfs';
import { readRepoState } from '../../../../main/features/repos/state';

// The state call reads less by reading once what several of its parts need: the answers must be
// the ones each part reads on its own, with real git in a temp HOME, and a kept answer must
// follow the file it came from.

let root: string;
let home: string;
let work: string;
const env = { PATH: process.env.PATH };
const context = () => gitContext({ home }, env);

async function sh(cwd: string, args: readonly string[]): Promise<string> {
  const result = await run('git', args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-state-reads-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(
    join(home, '.gitconfig'),
    '[user]\n\tname = Global\n\temail = g@example.com\n[lfs]\n\tconcurrenttransfers = 3\n',
  );
  work = join(root, 'repo');
  await sh(root, ['init', '--quiet', '--initial-branch=main', work]);
  writeFileSync(join(work, 'README.md'), '# model\n');
  await sh(work, ['add', '.']);
  await sh(work, ['commit', '--quiet', '-m', 'first']);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the reads the state call shares', () => {
  it('takes who commits and the lfs keys from the shared config as its own read gives them, includes too', async () => {
    writeFileSync(
      join(root, 'more.cfg'),
      '[user]\n\temail = included@example.com\n[lfs "https://hub.example/x.git/info/lfs"]\n\tstandalonetransferagent = xet\n',
    );
    await sh(work, ['config', 'user.name', 'Local Name']);
    await sh(work, ['config', 'lfs.url', 'https://hub.example/x.git/info/lfs']);
    await sh(work, ['config', 'include.path', join(root, 'more.cfg')]);
    const git = context();
    const own = await readRepoConfig(git, work);
    const shared = sharedConfig(git, work);
    await shared.entries;
    const before = spawnCounter.count;
    const fromShared = await readRepoConfig(git, work, shared);
    expect(spawnCounter.count - before).toBe(0);
    expect(fromShared).toEqual(own);
    expect(own.identity).toEqual({ name: 'Local Name', email: 'included@example.com' });
    expect(own.lfs).toContain('standalonetransferagent xet');
    // A config read for another folder is not used for this one.
    const elsewhere = sharedConfig(git, home);
    expect(await readRepoConfig(git, work, elsewhere)).toEqual(own);
    // Nor one read for another context (another environment).
    const again = spawnCounter.count;
    expect(await readRepoConfig(context(), work, shared)).toEqual(own);
    expect(spawnCounter.count - again).toBe(1);
  });

  it("lists the remotes of the repository's own config from the shared list as --local does, includes left to git", async () => {
    const hub = { endpoint: 'https://huggingface.co', sshHost: 'hf.co' };
    await sh(work, ['remote', 'add', 'origin', 'https://huggingface.co/alice/model']);
    await sh(work, ['config', 'remote.Hub.url', 'https://user:hf_secret@huggingface.co/alice/other']);
    writeFileSync(join(work, '.git', 'config'), '[remote "bare"]\n\turl\n[remote "empty"]\n\turl =\n', {
      flag: 'a',
    });
    // A URL in the global config is no remote of this repository's own file.
    await sh(home, ['config', '--global', 'remote.global.url', 'https://huggingface.co/g/g']);
    const git = context();
    const own = await listRemotes(git, work, hub);
    expect(own.map((remote) => remote.name)).toEqual(['origin', 'Hub', 'empty']);
    const shared = sharedConfig(git, work);
    await shared.entries;
    const before = spawnCounter.count;
    expect(await listRemotes(git, work, hub, shared)).toEqual(own);
    expect(spawnCounter.count - before).toBe(0);
    // An included file's remotes are "local" in the list, but --local does not read them: git is asked.
    writeFileSync(join(root, 'remotes.cfg'), '[remote "included"]\n\turl = https://huggingface.co/i/i\n');
    await sh(work, ['config', 'include.path', join(root, 'remotes.cfg')]);
    const withInclude = sharedConfig(git, work);
    expect(await listRemotes(git, work, hub, withInclude)).toEqual(await listRemotes(git, work, hub));
    expect((await listRemotes(git, work, hub, withInclude)).map((remote) => remote.name)).not.toContain(
      'included',
    );
  });

  it('finds the git dir with the top, and conflicts only where the status lists one', async () => {
    mkdirSync(join(work, 'sub'));
    expect(await checkRepoPlaces(context(), join(work, 'sub'))).toEqual({
      top: work,
      gitDir: join(work, '.git'),
    });
    await expect(checkRepoPlaces(context(), join(work, '.git'))).rejects.toThrow('is not a Git repository');
    await sh(work, ['switch', '--quiet', '-c', 'other']);
    writeFileSync(join(work, 'README.md'), '# other\n');
    await sh(work, ['commit', '--quiet', '-am', 'other']);
    await sh(work, ['switch', '--quiet', 'main']);
    writeFileSync(join(work, 'README.md'), '# main\n');
    await sh(work, ['commit', '--quiet', '-am', 'main']);
    await run('git', ['merge', 'other'], {
      cwd: work,
      env: { PATH: process.env.PATH, HOME: home },
      timeoutMs: 60_000,
    });
    const settings = resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') });
    const state = await readRepoState(settings, context(), work);
    expect(state.inProgress).toMatchObject({ kind: 'merge', conflicts: 1 });
    expect(state.changes[0]).toMatchObject({ path: 'README.md', conflict: { xy: 'UU', markers: true } });
    expect(await readConflicts(context(), work)).toEqual({
      inProgress: state.inProgress,
      files: [{ path: 'README.md', conflict: state.changes[0]?.conflict }],
    });
    // Resolved and ticked: the merge is still in progress, with no conflict left.
    writeFileSync(join(work, 'README.md'), '# both\n');
    await sh(work, ['add', 'README.md']);
    const resolved = await readRepoState(settings, context(), join(work, 'sub'));
    expect(resolved.inProgress).toMatchObject({ kind: 'merge', conflicts: 0 });
    expect(resolved.changes.some((change) => change.conflict)).toBe(false);
  });

  it('keeps whether git-lfs is set up only while the global config file stays as it was', async () => {
    const settings = resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') });
    expect((await lfsState(settings, env)).configured).toBe(false);
    await sh(home, ['lfs', 'install', '--skip-repo']);
    expect((await lfsState(settings, env)).configured).toBe(true);
    const before = spawnCounter.count;
    expect((await lfsState(settings, env)).configured).toBe(true);
    expect(spawnCounter.count - before).toBe(0);
    await sh(home, ['lfs', 'uninstall', '--skip-repo']);
    expect((await lfsState(settings, env)).configured).toBe(false);
    // The XDG file is read too (git 2.39 reads it only when ~/.gitconfig is absent): set up there, it counts.
    rmSync(join(home, '.gitconfig'));
    mkdirSync(join(home, '.config', 'git'), { recursive: true });
    writeFileSync(
      join(home, '.config', 'git', 'config'),
      '[filter "lfs"]\n\tprocess = git-lfs filter-process\n',
    );
    expect((await lfsState(settings, env)).configured).toBe(true);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../../main/core/run';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { migrateToLfs } from '../../../../main/features/repos/lfs';

// "Move into Git LFS" keeps the old commits on a backup branch. Named to the second, 4 of 5
// quick migrations failed on "a branch named … already exists" (issue 16, item 12): names are
// now to the millisecond, with -2, -3… when taken, and never replace an existing branch. And it
// keeps uncommitted work: `git lfs migrate import` checks the rewritten branch out over the work
// tree, which once brought an edited README and a deleted file back as they were (issue 12).

let root: string;
let repo: string;
let settings: Settings;
const env = { PATH: process.env.PATH };

async function sh(args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: join(root, 'home'), GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-lfs-backup-'));
  repo = join(root, 'repo');
  await run('mkdir', ['-p', join(root, 'home'), repo], { env, timeoutMs: 5_000 });
  writeFileSync(join(root, 'home', '.gitconfig'), '');
  settings = resolveSettings({ HFGD_HOME: join(root, 'home'), HFGD_DATA_DIR: join(root, 'data') });
  await sh(['init', '--quiet', '--initial-branch=main']);
  await sh(['lfs', 'install', '--local']);
  writeFileSync(join(repo, 'model.safetensors'), Buffer.alloc(64 * 1024, 'm'));
  await sh(['add', '.']);
  await sh(['commit', '--quiet', '-m', 'add the model']);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const branches = async () =>
  (await sh(['for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/heads/hfgd-backup-*']))
    .split('\n')
    .filter(Boolean);

describe('backup branches of an LFS migration', () => {
  it('names them to the millisecond', async () => {
    const head = await sh(['rev-parse', 'HEAD']);
    const { backupBranch } = await migrateToLfs(
      settings,
      repo,
      '*.safetensors',
      true,
      env,
      new Date('2026-11-30T12:00:00.123Z'),
    );
    expect(backupBranch).toBe('hfgd-backup-20261130T120000.123');
    expect(await branches()).toEqual([`${backupBranch} ${head}`]);
    // The backup holds the file as it was committed (64 KiB), the branch now an LFS pointer.
    expect(await sh(['cat-file', '-s', `${backupBranch}:model.safetensors`])).toBe('65536');
    expect(Number(await sh(['cat-file', '-s', 'main:model.safetensors']))).toBeLessThan(200);
  });

  it('gives five migrations in the same millisecond five branches, each at the HEAD it saved', async () => {
    const at = new Date('2026-11-30T12:00:00.000Z');
    const saved: string[] = [];
    const names: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      // Each round commits something new, so each backup saves a different HEAD.
      writeFileSync(join(repo, `notes-${round}.txt`), `round ${round}\n`);
      await sh(['add', '.']);
      await sh(['commit', '--quiet', '-m', `round ${round}`]);
      saved.push(await sh(['rev-parse', 'HEAD']));
      names.push((await migrateToLfs(settings, repo, '*.safetensors', true, env, at)).backupBranch);
    }
    expect(names).toEqual([
      'hfgd-backup-20261130T120000.000',
      'hfgd-backup-20261130T120000.000-2',
      'hfgd-backup-20261130T120000.000-3',
      'hfgd-backup-20261130T120000.000-4',
      'hfgd-backup-20261130T120000.000-5',
    ]);
    expect(await branches()).toEqual(names.map((name, i) => `${name} ${saved[i]}`));
  });

  it('gives quick migrations on the real clock distinct names', async () => {
    const names = new Set<string>();
    for (let round = 0; round < 5; round += 1)
      names.add((await migrateToLfs(settings, repo, '*.safetensors', true, env)).backupBranch);
    expect(names.size).toBe(5);
  });

  it('says what git said when a backup cannot be written, and rewrites nothing', async () => {
    const head = await sh(['rev-parse', 'HEAD']);
    // Another git holds the ref's lock: the name is free, yet update-ref fails (exit 128).
    const name = 'hfgd-backup-20261130T120000.000';
    writeFileSync(join(repo, '.git', 'refs', 'heads', `${name}.lock`), '');
    await expect(
      migrateToLfs(settings, repo, '*.safetensors', true, env, new Date('2026-11-30T12:00:00.000Z')),
    ).rejects.toThrow(/lock/);
    expect(await sh(['rev-parse', 'HEAD'])).toBe(head);
    expect(await branches()).toEqual([]);
  });
});

describe('uncommitted work around an LFS migration', () => {
  it('comes back exactly: an edited README, a deleted file, a new file, a ticked change, an edited moved file', async () => {
    writeFileSync(join(repo, 'README.md'), '# Model\n');
    writeFileSync(join(repo, 'old.txt'), 'old\n');
    writeFileSync(join(repo, 'config.json'), '{}\n');
    writeFileSync(join(repo, 'second.safetensors'), Buffer.alloc(32 * 1024, 's'));
    await sh(['add', '.']);
    await sh(['commit', '--quiet', '-m', 'more files']);
    writeFileSync(join(repo, 'README.md'), '# Model\n\nMy edit, not committed.\n');
    unlinkSync(join(repo, 'old.txt'));
    writeFileSync(join(repo, 'untracked.txt'), 'brand new\n');
    writeFileSync(join(repo, 'config.json'), '{"ticked": true}\n');
    await sh(['add', 'config.json']);
    const edited = Buffer.alloc(40 * 1024, 'e');
    writeFileSync(join(repo, 'second.safetensors'), edited);
    const status = await sh(['status', '--porcelain']);

    const { backupBranch, notes } = await migrateToLfs(settings, repo, '*.safetensors', true, env);
    expect(notes).toEqual(['Your 5 uncommitted changes were set aside and put back.']);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# Model\n\nMy edit, not committed.\n');
    expect(existsSync(join(repo, 'old.txt'))).toBe(false);
    expect(readFileSync(join(repo, 'untracked.txt'), 'utf8')).toBe('brand new\n');
    expect(readFileSync(join(repo, 'config.json'), 'utf8')).toBe('{"ticked": true}\n');
    expect(readFileSync(join(repo, 'second.safetensors')).equals(edited)).toBe(true);
    expect(readFileSync(join(repo, 'model.safetensors')).equals(Buffer.alloc(64 * 1024, 'm'))).toBe(true);
    // The same changes, ticked as they were; the moved file is now an LFS change.
    expect(await sh(['status', '--porcelain'])).toBe(status);
    expect(await sh(['stash', 'list'])).toBe('');
    expect(Number(await sh(['cat-file', '-s', 'HEAD:second.safetensors']))).toBeLessThan(200);
    expect(await sh(['cat-file', '-s', `${backupBranch}:second.safetensors`])).toBe(String(32 * 1024));
  });

  it('says when there was nothing to set aside', async () => {
    expect((await migrateToLfs(settings, repo, '*.safetensors', true, env)).notes).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../../main/core/run';
import { runDoctor } from '../../../support/doctor';

// `npm run doctor -- --repo PATH` on real repositories in a temp HOME.

let home: string;
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function git(cwd: string, args: readonly string[]) {
  return run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home },
    timeoutMs: 30_000,
  });
}

async function repoWith(files: Record<string, Buffer | string>, remote?: string): Promise<string> {
  home = mkdtempSync(join(tmpdir(), 'hfgd-doctor-repo-'));
  writeFileSync(join(home, '.gitconfig'), '');
  const work = join(home, 'repo');
  await git(home, ['init', '--quiet', work]);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(work, name), content);
  await git(work, ['add', '.']);
  await git(work, ['commit', '--quiet', '-m', 'x']);
  if (remote) await git(work, ['remote', 'add', 'origin', remote]);
  return work;
}

const doctor = (args: readonly string[]) => runDoctor(args, { PATH: process.env.PATH, HFGD_HOME: home });

describe('npm run doctor -- --repo', () => {
  it('names a token in the remote (masked), a binary file, a pointer stub and unset LFS, and exits 1', async () => {
    const work = await repoWith(
      {
        'clip.mp4': Buffer.from([0, 1, 0, 2]),
        '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
        'weights.bin': `version https://git-lfs.github.com/spec/v1\noid sha256:${'c'.repeat(64)}\nsize 1234\n`,
      },
      'https://alice:hf_DoctorRepoSecretToken000000@huggingface.co/alice/m',
    );
    const result = await doctor(['--repo', work]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '✗ origin: https://alice:***@huggingface.co/alice/m (the Hub over HTTPS)',
    );
    expect(result.stdout).toContain('clip.mp4 is a binary file');
    expect(result.stdout).toContain('1 large file(s) are still LFS pointers');
    expect(result.stdout).toContain('Git LFS is installed but not set up');
    expect(`${result.stdout}${result.stderr}`).not.toContain('hf_DoctorRepoSecretToken000000');
  });

  it('passes a clean repository, and answers --json', async () => {
    const work = await repoWith({ 'README.md': '# ok\n' }, 'git@hf.co:alice/m');
    await git(home, ['lfs', 'install']);
    const text = await doctor(['--repo', work]);
    expect(text.code, text.stdout).toBe(0);
    expect(text.stdout).toContain('✓ origin: git@hf.co:alice/m (the Hub over SSH)');
    const json = await doctor(['--repo', work, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ path: work, prePush: { problems: [] }, pointers: [] });
  });

  it('says a folder that is not a repository, and a missing path, with exit 2', async () => {
    home = mkdtempSync(join(tmpdir(), 'hfgd-doctor-repo-'));
    const notRepo = await doctor(['--repo', home]);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toContain('is not a Git repository');
    expect((await doctor(['--repo'])).code).toBe(2);
  });
});

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../main/core/run';
import { gitContext } from '../../../main/git/environment';
import { fetchRemote } from '../../../main/git/fetch';
import { POSIX_PATH } from '../../support/platform';

// The app's own fetch runs none of the repository's programs: not its hooks, not an
// upload-pack command its config names. A local bare repository stands in for the remote.

let root: string;
let repo: string;
const git = () => gitContext({ home: root }, { PATH: process.env.PATH });
const sh = async (cwd: string, args: readonly string[]) => {
  const out = await run('git', ['-c', 'user.name=A', '-c', 'user.email=a@x', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: root },
    timeoutMs: 30_000,
  });
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return out.stdout.trim();
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-fetch-'));
  writeFileSync(join(root, '.gitconfig'), '[protocol "file"]\n\tallow = always\n');
  const bare = join(root, 'hub.git');
  await sh(root, ['init', '--quiet', '--bare', '-b', 'main', bare]);
  const seed = join(root, 'seed');
  await sh(root, ['clone', '--quiet', bare, seed]);
  await sh(seed, ['commit', '--quiet', '--allow-empty', '-m', 'one']);
  await sh(seed, ['push', '--quiet', 'origin', 'HEAD:main']);
  repo = join(root, 'repo');
  await sh(root, ['clone', '--quiet', bare, repo]);
  await sh(seed, ['commit', '--quiet', '--allow-empty', '-m', 'two']);
  await sh(seed, ['push', '--quiet', 'origin', 'HEAD:main']);
}, 30_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fetchRemote', () => {
  it.runIf(POSIX_PATH)('runs no hook and no upload-pack program of the repository', async () => {
    const marker = join(root, 'ran');
    mkdirSync(join(repo, '.git', 'hooks'), { recursive: true });
    writeFileSync(
      join(repo, '.git', 'hooks', 'reference-transaction'),
      `#!/bin/sh\ntouch "${marker}-hook"\n`,
      {
        mode: 0o755,
      },
    );
    await sh(repo, ['config', 'remote.origin.uploadpack', `touch "${marker}-upload"; git-upload-pack`]);
    const result = await fetchRemote(git(), repo, 'origin');
    expect(result).toMatchObject({ ok: true, cancelled: false });
    expect(existsSync(`${marker}-hook`)).toBe(false);
    expect(existsSync(`${marker}-upload`)).toBe(false);
    expect(await sh(repo, ['rev-list', '--count', 'HEAD..origin/main'])).toBe('1');
  });

  it('refuses a remote name that could be read as an option', async () => {
    await expect(fetchRemote(git(), repo, '--upload-pack=touch x')).rejects.toThrow('not a remote name');
  });

  it('says when the remote cannot be reached', async () => {
    await sh(repo, ['remote', 'add', 'gone', join(root, 'no-such.git')]);
    expect(await fetchRemote(git(), repo, 'gone')).toMatchObject({
      ok: false,
      cancelled: false,
      timedOut: false,
    });
  });
});

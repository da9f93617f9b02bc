import { randomBytes, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../main/core/run';
import { startFakeHub, type FakeHub } from '.';

// Real git and git-lfs over SSH against the fake hub: a registered key clones, pushes and moves
// LFS objects (git-lfs-authenticate, then the HTTP batch API); an unknown key is refused.

let hub: FakeHub;
let home: string;
let sshCommand: string;
beforeAll(async () => {
  hub = await startFakeHub();
  home = mkdtempSync(join(tmpdir(), 'hfgd-git-ssh-'));
  const key = join(home, 'id_ed25519');
  const made = await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice@test', '-f', key], {
    env: { PATH: process.env.PATH },
    timeoutMs: 10_000,
  });
  expect(made.exitCode).toBe(0);
  hub.addKey('alice', readFileSync(`${key}.pub`, 'utf8'));
  writeFileSync(join(home, 'known_hosts'), `${hub.knownHostsLine}\n`);
  sshCommand = `ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o UserKnownHostsFile=${join(home, 'known_hosts')} -i ${key}`;
  writeFileSync(join(home, '.gitconfig'), '');
  await git(home, ['lfs', 'install']);
});
afterAll(async () => {
  await hub.stop();
  rmSync(home, { recursive: true, force: true });
});

async function git(cwd: string, args: readonly string[], ssh = sshCommand) {
  const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_SSH_COMMAND: ssh,
    },
    timeoutMs: 60_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

const url = (path: string) => `ssh://git@${hub.sshHost}:${hub.sshPort}/${path}`;

describe('git over SSH on the fake hub', () => {
  it('clones, pushes, and carries LFS objects through git-lfs-authenticate', async () => {
    hub.createRepo('datasets/alice/ssh-data');
    const work = join(home, 'ssh-data');
    const cloned = await git(home, ['clone', url('datasets/alice/ssh-data'), work]);
    expect(cloned.status, cloned.out).toBe(0);
    await git(work, ['lfs', 'track', '*.parquet']);
    writeFileSync(join(work, 'train.parquet'), randomBytes(300_000));
    writeFileSync(join(work, 'README.md'), '# data\n');
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'data']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);
    const oid = createHash('sha256')
      .update(readFileSync(join(work, 'train.parquet')))
      .digest('hex');
    expect(hub.lfsObject('datasets/alice/ssh-data', oid)).toBeDefined();
    const again = join(home, 'ssh-data-2');
    expect((await git(home, ['clone', '--quiet', url('datasets/alice/ssh-data'), again])).status).toBe(0);
    expect(
      createHash('sha256')
        .update(readFileSync(join(again, 'train.parquet')))
        .digest('hex'),
    ).toBe(oid);
  });

  it('refuses a push to someone else’s repo, and a key no account holds', async () => {
    hub.createRepo('bob/ssh-notes');
    const work = join(home, 'ssh-notes');
    expect((await git(home, ['clone', '--quiet', url('bob/ssh-notes'), work])).status).toBe(0);
    await git(work, ['commit', '--quiet', '--allow-empty', '-m', 'x']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toContain('forbidden');
    const stranger = join(home, 'stranger');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger], {
      env: { PATH: process.env.PATH },
      timeoutMs: 10_000,
    });
    const refused = await git(
      work,
      ['push', url('bob/ssh-notes'), 'HEAD'],
      sshCommand.replace(/-i \S+$/, `-i ${stranger}`),
    );
    expect(refused.status, refused.out).not.toBe(0);
    expect(refused.out).toContain('ERROR: Your SSH key is not registered on any Hub account');
  });
});

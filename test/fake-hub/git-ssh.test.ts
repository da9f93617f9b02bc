import { randomBytes, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../main/core/run';
import { explainFailure } from '../../main/git/failures';
import { startFakeHub, type FakeHub } from '.';

// Real git and git-lfs over SSH against the fake hub: a registered key clones, pushes and moves
// LFS objects (git-lfs-authenticate, then the HTTP batch API); an unknown key is refused.

let hub: FakeHub;
let home: string;
let sshCommand: string;
/** The same ssh with a key no account holds. */
let strangerSsh: string;
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
  const stranger = join(home, 'stranger');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger], {
    env: { PATH: process.env.PATH },
    timeoutMs: 10_000,
  });
  strangerSsh = sshCommand.replace(/-i \S+$/, `-i ${stranger}`);
  writeFileSync(join(home, '.gitconfig'), '');
  await git(home, ['lfs', 'install']);
});

const sshContext = (operation: 'clone' | 'push', code: number | null, repo?: string) =>
  ({
    operation,
    endpoint: hub.httpUrl,
    transport: 'ssh',
    flags: { exitCode: code },
    ...(repo ? { repo } : {}),
  }) as const;
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

  it('refuses a push to someone else’s repo, and from a key no account holds, on the Hub’s ERROR: line', async () => {
    hub.createRepo('bob/ssh-notes');
    const work = join(home, 'ssh-notes');
    expect((await git(home, ['clone', '--quiet', url('bob/ssh-notes'), work])).status).toBe(0);
    await git(work, ['commit', '--quiet', '--allow-empty', '-m', 'x']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    // HUB-FACTS: "… may not push to bob/other" (prefix unverified), then git's own words.
    expect(pushed.out).toContain(
      'ERROR: alice may not push to bob/ssh-notes\nfatal: Could not read from remote repository.',
    );
    expect(explainFailure(pushed.out, sshContext('push', pushed.status, 'bob/ssh-notes')).kind).toBe(
      'no_write_access',
    );
    const refused = await git(work, ['push', url('bob/ssh-notes'), 'HEAD'], strangerSsh);
    expect(refused.status, refused.out).not.toBe(0);
    expect(refused.out).toContain('ERROR: anonymous may not push to bob/ssh-notes');
  });

  it('hides a private repository: "Repository not found" to a key that may not see it, a clone for the owner', async () => {
    hub.createRepo('alice/ssh-private', { private: true });
    const hidden = await git(home, ['clone', url('alice/ssh-private'), join(home, 'hidden')], strangerSsh);
    expect(hidden.status).not.toBe(0);
    expect(hidden.out).toContain(
      'ERROR: Repository not found\nfatal: Could not read from remote repository.',
    );
    expect(explainFailure(hidden.out, sshContext('clone', hidden.status)).kind).toBe('not_found_or_private');
    // Names are case-sensitive, for the owner too.
    const misspelt = await git(home, ['clone', url('alice/SSH-private'), join(home, 'misspelt')]);
    expect(misspelt.out).toContain('ERROR: Repository not found');
    expect((await git(home, ['clone', '--quiet', url('alice/ssh-private'), join(home, 'mine')])).status).toBe(
      0,
    );
  });

  it('refuses a gated repository with the Hub’s SSH words (nvidia-cosmos/cosmos-reason1#4)', async () => {
    hub.createRepo('bob/ssh-gated', { gated: true });
    const refused = await git(home, ['clone', url('bob/ssh-gated'), join(home, 'gated')]);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain(
      'ERROR: Access denied: repository is gated and you are not in the authorized list.',
    );
    expect(explainFailure(refused.out, sshContext('clone', refused.status, 'bob/ssh-gated')).kind).toBe(
      'gated',
    );
  });

  it('lets a key on no account download a public repository’s LFS objects', async () => {
    const cloned = await git(
      home,
      ['clone', '--quiet', url('datasets/alice/ssh-data'), join(home, 'anon')],
      strangerSsh,
    );
    expect(cloned.status, cloned.out).toBe(0);
    expect(readFileSync(join(home, 'anon', 'train.parquet')).length).toBe(300_000);
  });
});

describe('git-lfs-authenticate whose credential the Hub refuses (huggingface_hub#1706, #2946)', () => {
  it('makes git-lfs print the Hub’s password words, which the app reads as LFS without a credential', async () => {
    const broken = await startFakeHub({ brokenLfsAuthenticate: true });
    try {
      broken.addKey('alice', readFileSync(join(home, 'id_ed25519.pub'), 'utf8'));
      broken.createRepo('alice/broken-lfs');
      writeFileSync(join(home, 'known_hosts'), `${hub.knownHostsLine}\n${broken.knownHostsLine}\n`);
      const work = join(home, 'broken-lfs');
      const brokenUrl = `ssh://git@${broken.sshHost}:${broken.sshPort}/alice/broken-lfs`;
      expect((await git(home, ['clone', '--quiet', brokenUrl, work])).status).toBe(0);
      await git(work, ['lfs', 'track', '*.bin']);
      writeFileSync(join(work, 'w.bin'), randomBytes(1000));
      await git(work, ['add', '.']);
      await git(work, ['commit', '--quiet', '-m', 'w']);
      const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
      expect(pushed.status).not.toBe(0);
      expect(pushed.out).toContain(
        'batch response: Authentication required: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation',
      );
      expect(explainFailure(pushed.out, sshContext('push', pushed.status)).kind).toBe('lfs_auth');
    } finally {
      writeFileSync(join(home, 'known_hosts'), `${hub.knownHostsLine}\n`);
      await broken.stop();
    }
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../main/core/run';
import { offeredKeys } from '../../../main/features/ssh/connection-test';
import { explainFailure, type FailureContext } from '../../../main/git/failures';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  DAVE_WRITE_TOKEN,
  startFakeHub,
  type FakeHub,
} from '../../fake-hub';

// The transcripts the table reads, produced for real: git 2.39, git-lfs 3.3 and OpenSSH 9.2 as
// installed here, in temp folders with a temp HOME (GIT_CONFIG_NOSYSTEM, no prompts, English
// messages). ssh never reads or writes the real ~/.ssh: -F /dev/null, its own known_hosts, no
// agent, one explicit key. Where the other side is the fake hub, git's and ssh's words are real and
// the Hub's are the fake's (test/fake-hub, itself patterned on HUB-FACTS); each test says which.

const root = mkdtempSync(join(tmpdir(), 'hfgd-failures-'));
const home = join(root, 'home');
mkdirSync(home);
const endpoint = 'https://huggingface.co';

/** Whether an executable of that name is on PATH (POSIX); the lfs and ssh cases need to hide them. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const gitPath = onPath('git');
const hasLfs =
  spawnSync('git', ['lfs', 'version'], { env: { PATH: process.env.PATH, HOME: home } }).status === 0;
const posix = process.platform !== 'win32';

/** A folder whose only program is git: PATH without git-lfs and without ssh. */
const gitOnly = join(root, 'git-only');
if (posix && gitPath) {
  mkdirSync(gitOnly);
  symlinkSync(gitPath, join(gitOnly, 'git'));
}

const devNull = process.platform === 'win32' ? 'NUL' : '/dev/null';
const knownHosts = join(root, 'known_hosts');
writeFileSync(knownHosts, '');
/** ssh isolated from the real ~/.ssh (OpenSSH finds it through the password database, not HOME). */
const sshOptions = (key?: string): string[] => [
  '-F',
  devNull,
  '-o',
  'BatchMode=yes',
  '-o',
  'StrictHostKeyChecking=yes',
  '-o',
  `UserKnownHostsFile=${knownHosts}`,
  '-o',
  `GlobalKnownHostsFile=${devNull}`,
  '-o',
  'IdentityAgent=none',
  '-o',
  'IdentitiesOnly=yes',
  '-o',
  'ConnectTimeout=5',
  ...(key ? ['-i', key] : ['-o', `IdentityFile=${devNull}`]),
];

const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
  LANG: 'C',
  GIT_SSH_COMMAND: `ssh ${sshOptions().join(' ')}`,
});

/** Runs real git with an argument array; returns the exit code and everything it printed. */
async function git(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = baseEnv(),
): Promise<{ readonly code: number | null; readonly output: string }> {
  const outcome = await run(
    'git',
    ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args],
    { cwd, env, timeoutMs: 30_000 },
  );
  return { code: outcome.exitCode, output: `${outcome.stdout}${outcome.stderr}` };
}

/** Runs git and insists it succeeds (setup steps). */
async function ok(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<void> {
  const result = await git(cwd, args, env);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.output}`);
}

let count = 0;
const fresh = (name: string): string => {
  count += 1;
  const dir = join(root, `${count}-${name}`);
  mkdirSync(dir);
  return dir;
};

/** A bare "remote" with one commit (f.txt = one), and two clones of it: ours and theirs. */
async function twoClones(): Promise<{ readonly ours: string; readonly theirs: string }> {
  const dir = fresh('pair');
  await ok(dir, ['init', '--quiet', '--bare', 'remote.git']);
  await ok(dir, ['clone', '--quiet', 'remote.git', 'theirs']);
  const theirs = join(dir, 'theirs');
  writeFileSync(join(theirs, 'f.txt'), 'one\n');
  await ok(theirs, ['add', 'f.txt']);
  await ok(theirs, ['commit', '--quiet', '-m', 'one']);
  await ok(theirs, ['push', '--quiet', 'origin', 'main']);
  await ok(dir, ['clone', '--quiet', 'remote.git', 'ours']);
  return { ours: join(dir, 'ours'), theirs };
}

/** Theirs changes a file and pushes it: the remote moves ahead of ours. */
async function theyPush(theirs: string, file: string, content: string): Promise<void> {
  writeFileSync(join(theirs, file), content);
  await ok(theirs, ['add', file]);
  await ok(theirs, ['commit', '--quiet', '-m', `theirs: ${file}`]);
  await ok(theirs, ['push', '--quiet', 'origin', 'main']);
}

const local = (operation: FailureContext['operation'], code: number | null): FailureContext => ({
  operation,
  endpoint,
  flags: { exitCode: code },
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('pulls and pushes against a local bare repository (real git)', () => {
  it('merge_conflict: both sides changed the same line; pulling again names the unfinished merge', async () => {
    const { ours, theirs } = await twoClones();
    await theyPush(theirs, 'f.txt', 'theirs\n');
    writeFileSync(join(ours, 'f.txt'), 'ours\n');
    await ok(ours, ['commit', '--quiet', '-am', 'ours']);
    const pulled = await git(ours, ['pull', '--no-rebase', '--no-edit']);
    expect(pulled.output).toContain('CONFLICT (content): Merge conflict in f.txt');
    const failure = explainFailure(pulled.output, local('pull', pulled.code));
    expect(failure).toMatchObject({ kind: 'merge_conflict', action: 'resolve_conflicts', files: ['f.txt'] });
    expect(failure.message).toContain('f.txt');
    const again = await git(ours, ['pull', '--no-rebase', '--no-edit']);
    expect(again.code).not.toBe(0);
    expect(explainFailure(again.output, local('pull', again.code)).kind).toBe('merge_conflict');
  });

  it('merge_conflict: a pull with rebase stops on the same conflict', async () => {
    const { ours, theirs } = await twoClones();
    await theyPush(theirs, 'f.txt', 'theirs\n');
    writeFileSync(join(ours, 'f.txt'), 'ours\n');
    await ok(ours, ['commit', '--quiet', '-am', 'ours']);
    const pulled = await git(ours, ['pull', '--rebase']);
    expect(pulled.code).not.toBe(0);
    expect(explainFailure(pulled.output, local('pull', pulled.code))).toMatchObject({
      kind: 'merge_conflict',
      files: ['f.txt'],
    });
  });

  it('local_changes_block: an uncommitted edit the merge would overwrite, with and without rebase', async () => {
    const { ours, theirs } = await twoClones();
    await theyPush(theirs, 'f.txt', 'theirs\n');
    writeFileSync(join(ours, 'f.txt'), 'uncommitted\n');
    const merged = await git(ours, ['pull', '--no-rebase', '--no-edit']);
    expect(merged.output).toContain(
      'Your local changes to the following files would be overwritten by merge',
    );
    expect(explainFailure(merged.output, local('pull', merged.code))).toMatchObject({
      kind: 'local_changes_block',
      action: 'stash_and_retry',
      files: ['f.txt'],
    });
    const rebased = await git(ours, ['pull', '--rebase']);
    expect(rebased.output).toContain('cannot pull with rebase: You have unstaged changes');
    expect(explainFailure(rebased.output, local('pull', rebased.code)).kind).toBe('local_changes_block');
  });

  it('local_changes_block: an untracked file the merge would overwrite', async () => {
    const { ours, theirs } = await twoClones();
    await theyPush(theirs, 'new.txt', 'theirs\n');
    writeFileSync(join(ours, 'new.txt'), 'mine, never added\n');
    const pulled = await git(ours, ['pull', '--no-rebase', '--no-edit']);
    expect(pulled.output).toContain('untracked working tree files would be overwritten by merge');
    expect(explainFailure(pulled.output, local('pull', pulled.code))).toMatchObject({
      kind: 'local_changes_block',
      files: ['new.txt'],
    });
  });

  it('non_fast_forward: "(fetch first)" before a fetch, "(non-fast-forward)" after it', async () => {
    const { ours, theirs } = await twoClones();
    await theyPush(theirs, 'g.txt', 'theirs\n');
    writeFileSync(join(ours, 'h.txt'), 'ours\n');
    await ok(ours, ['add', 'h.txt']);
    await ok(ours, ['commit', '--quiet', '-m', 'ours']);
    const first = await git(ours, ['push', 'origin', 'main']);
    expect(first.output).toMatch(/\[rejected\]\s+main -> main \(fetch first\)/);
    expect(explainFailure(first.output, local('push', first.code))).toMatchObject({
      kind: 'non_fast_forward',
      action: 'pull_first',
    });
    await ok(ours, ['fetch', '--quiet']);
    const second = await git(ours, ['push', 'origin', 'main']);
    expect(second.output).toContain('(non-fast-forward)');
    expect(explainFailure(second.output, local('push', second.code)).kind).toBe('non_fast_forward');
  });

  it('unknown: a clean "Everything up-to-date" is ok, not a failure', async () => {
    const { ours } = await twoClones();
    const pushed = await git(ours, ['push', 'origin', 'main']);
    expect(pushed).toMatchObject({ code: 0 });
    expect(explainFailure(pushed.output, local('push', pushed.code)).kind).toBe('ok');
  });
});

describe('programs that are missing (real git with a PATH that hides them)', () => {
  const hidden = (): NodeJS.ProcessEnv => ({ ...baseEnv(), PATH: gitOnly });

  it.runIf(posix && gitPath)('lfs_not_installed: `git lfs pull` without git-lfs on PATH', async () => {
    const dir = fresh('no-lfs');
    await ok(dir, ['init', '--quiet', 'repo']);
    const pulled = await git(join(dir, 'repo'), ['lfs', 'pull'], hidden());
    expect(pulled.output).toContain("git: 'lfs' is not a git command");
    expect(explainFailure(pulled.output, local('lfs_pull', pulled.code))).toMatchObject({
      kind: 'lfs_not_installed',
      action: 'install_lfs',
    });
  });

  it.runIf(posix && gitPath && hasLfs)(
    "lfs_not_installed: git-lfs's pre-push hook, and a clone whose LFS filter is missing",
    async () => {
      const dir = fresh('lfs-hook');
      await ok(dir, ['init', '--quiet', '--bare', 'remote.git']);
      await ok(dir, ['init', '--quiet', 'repo']);
      const repo = join(dir, 'repo');
      await ok(repo, ['lfs', 'install', '--local']);
      writeFileSync(join(repo, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
      writeFileSync(join(repo, 'w.bin'), Buffer.from([0, 1, 2, 3]));
      await ok(repo, ['add', '.']);
      await ok(repo, ['commit', '--quiet', '-m', 'lfs']);
      await ok(repo, ['remote', 'add', 'origin', join(dir, 'remote.git')]);
      const pushed = await git(repo, ['push', 'origin', 'main'], hidden());
      expect(pushed.output).toContain(
        "This repository is configured for Git LFS but 'git-lfs' was not found",
      );
      expect(explainFailure(pushed.output, local('push', pushed.code)).kind).toBe('lfs_not_installed');

      await ok(repo, ['push', '--quiet', 'origin', 'main']);
      const cloned = await git(
        dir,
        [
          '-c',
          'filter.lfs.process=git-lfs filter-process',
          '-c',
          'filter.lfs.required=true',
          'clone',
          '--quiet',
          'remote.git',
          'copy',
        ],
        hidden(),
      );
      // git-lfs missing, then git's "remote end hung up": still LFS, never a push too big.
      expect(cloned.output).toMatch(/git-lfs: (?:command )?not found/);
      expect(explainFailure(cloned.output, local('clone', cloned.code)).kind).toBe('lfs_not_installed');
    },
  );

  it.runIf(posix && gitPath)('ssh_missing: a remote over SSH with no ssh on PATH', async () => {
    const dir = fresh('no-ssh');
    const env = hidden();
    delete env.GIT_SSH_COMMAND;
    const cloned = await git(dir, ['clone', 'git@example.invalid:alice/model', 'copy'], env);
    expect(cloned.output).toContain('cannot run ssh: No such file or directory');
    expect(explainFailure(cloned.output, { ...local('clone', cloned.code), transport: 'ssh' }).kind).toBe(
      'ssh_missing',
    );
  });

  it('git_missing: git itself is not found (the run flag, and Node’s own words)', async () => {
    const empty = fresh('empty-path');
    const outcome = await run('git', ['--version'], { env: { PATH: empty }, timeoutMs: 10_000 });
    expect(outcome.notFound).toBe(true);
    expect(
      explainFailure('', { operation: 'clone', endpoint, flags: { notFound: true, exitCode: null } }).kind,
    ).toBe('git_missing');
    const spawned = await new Promise<string>((resolve) => {
      const child = spawn('git', ['--version'], { env: { PATH: empty } });
      child.on('error', (error) => resolve(error.message));
      child.on('close', () => resolve('closed'));
    });
    expect(spawned).toBe('spawn git ENOENT');
    expect(explainFailure(spawned, { operation: 'explain', endpoint }).kind).toBe('git_missing');
  });
});

describe('hosts that cannot be reached (real git and ssh)', () => {
  it('network: a host with no DNS answer over HTTPS (.invalid never resolves, RFC 6761)', async () => {
    const dir = fresh('dns');
    const cloned = await git(dir, ['clone', 'https://nonexistent.invalid/x', 'copy']);
    expect(cloned.output).toContain('Could not resolve host: nonexistent.invalid');
    expect(
      explainFailure(cloned.output, { ...local('clone', cloned.code), transport: 'https' }),
    ).toMatchObject({
      kind: 'network',
      message: 'Git could not reach the Hub.',
    });
  });

  it('ssh_dns: the same over SSH is ssh’s own "Could not resolve hostname"', async () => {
    const dir = fresh('ssh-dns');
    const cloned = await git(dir, ['clone', 'git@nonexistent.invalid:alice/model', 'copy']);
    expect(cloned.output).toContain('Could not resolve hostname nonexistent.invalid');
    expect(
      explainFailure(cloned.output, {
        ...local('clone', cloned.code),
        transport: 'ssh',
        sshHost: 'nonexistent.invalid',
      }),
    ).toMatchObject({
      kind: 'ssh_dns',
      message: 'This computer could not find nonexistent.invalid (no DNS answer).',
    });
  });

  it('ssh_refused and network: a closed port, over ssh and over HTTPS', async () => {
    const port = await closedPort();
    const ssh = spawnSync('ssh', [...sshOptions(), '-p', String(port), '-T', 'git@127.0.0.1'], {
      env: baseEnv(),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(ssh.stderr).toContain('Connection refused');
    expect(
      explainFailure(ssh.stderr, {
        operation: 'ssh_test',
        endpoint,
        sshHost: '127.0.0.1',
        sshPort: port,
        flags: { exitCode: ssh.status },
      }),
    ).toMatchObject({ kind: 'ssh_refused', action: 'use_https' });
    const dir = fresh('refused');
    const fetched = await git(dir, ['ls-remote', `https://127.0.0.1:${port}/alice/model`]);
    expect(explainFailure(fetched.output, { ...local('fetch', fetched.code), transport: 'https' }).kind).toBe(
      'network',
    );
  });
});

/** A loopback port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('against the loopback fake hub (real git, git-lfs and ssh; the Hub’s words are the fake’s)', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub();
    for (const path of [
      'bob/notes',
      'alice/big',
      'alice/lfs-missing',
      'alice/lfs-absent',
      'alice/private-one',
    ])
      hub.createRepo(path);
    hub.createRepo('alice/gated-model', { gated: true });
  });
  afterAll(async () => {
    await hub.stop();
  });

  /** A home whose git `store` helper holds one credential for the fake hub. */
  function withCredential(user: string, secret: string): NodeJS.ProcessEnv {
    const dir = fresh(`home-${user}`);
    const url = new URL(hub.httpUrl);
    writeFileSync(join(dir, '.git-credentials'), `${url.protocol}//${user}:${secret}@${url.host}\n`);
    writeFileSync(join(dir, '.gitconfig'), '[credential]\n\thelper = store\n');
    return { ...baseEnv(), HOME: dir, XDG_CONFIG_HOME: join(dir, '.config') };
  }

  const hubContext = (
    operation: FailureContext['operation'],
    code: number | null,
    over: Partial<FailureContext> = {},
  ): FailureContext => ({
    operation,
    endpoint: hub.httpUrl,
    transport: 'https',
    flags: { exitCode: code },
    ...over,
  });

  async function cloneWithCommit(repo: string, env: NodeJS.ProcessEnv, file = 'a.txt'): Promise<string> {
    const dir = fresh('work');
    await ok(dir, ['clone', '--quiet', `${hub.httpUrl}/${repo}`, 'w'], env);
    writeFileSync(join(dir, 'w', file), 'x\n');
    await ok(join(dir, 'w'), ['add', '.'], env);
    await ok(join(dir, 'w'), ['commit', '--quiet', '-m', 'add'], env);
    return join(dir, 'w');
  }

  it('read_token: the padded `remote:` refusal, from push, a dry run and a paste alike', async () => {
    const env = withCredential('bob', BOB_READ_TOKEN);
    const work = await cloneWithCommit('bob/notes', env);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main'], env);
    // git pads remote lines with spaces when stderr is not a terminal (HUB-FACTS).
    expect(pushed.output).toMatch(/remote: DENIED update refs\/heads\/main: forbidden {2,}\n/);
    const whoami = { account: 'bob', role: 'read', orgs: [], scoped: [] } as const;
    expect(
      explainFailure(pushed.output, hubContext('push', pushed.code, { whoami, repo: 'bob/notes' })).kind,
    ).toBe('read_token');
    // Without whoami: a refusal in the stored account's own namespace is still the token's doing.
    expect(
      explainFailure(pushed.output, hubContext('push', pushed.code, { storedUser: 'bob', repo: 'bob/notes' }))
        .kind,
    ).toBe('read_token');
    // A dry run signs in fine; whoami says the real push will be refused.
    const dry = await git(work, ['push', '--dry-run', 'origin', 'HEAD:main'], env);
    expect(dry.code).toBe(0);
    expect(
      explainFailure(dry.output, hubContext('push_dry_run', dry.code, { whoami, repo: 'bob/notes' })),
    ).toMatchObject({ kind: 'read_token', action: 'new_write_token' });
  });

  it('too_large: a file over 10 MiB outside LFS, its name read from "Offending files"', async () => {
    const env = withCredential('alice', ALICE_WRITE_TOKEN);
    const dir = fresh('big');
    await ok(dir, ['clone', '--quiet', `${hub.httpUrl}/alice/big`, 'w'], env);
    const work = join(dir, 'w');
    writeFileSync(join(work, 'model.bin'), Buffer.alloc(11 * 1024 * 1024, 1));
    await ok(work, ['add', '.'], env);
    await ok(work, ['commit', '--quiet', '-m', 'weights'], env);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main'], env);
    expect(pushed.output).toContain('(pre-receive hook declined)');
    expect(explainFailure(pushed.output, hubContext('push', pushed.code))).toMatchObject({
      kind: 'too_large',
      action: 'track_with_lfs',
      files: ['model.bin'],
    });
  });

  it.runIf(hasLfs)(
    'lfs_missing_objects: git-lfs will not push a pointer whose object is not here',
    async () => {
      const env = withCredential('alice', ALICE_WRITE_TOKEN);
      const dir = fresh('lfs-missing');
      await ok(dir, ['clone', '--quiet', `${hub.httpUrl}/alice/lfs-missing`, 'w'], env);
      const work = join(dir, 'w');
      await ok(work, ['lfs', 'install', '--local'], env);
      writeFileSync(join(work, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
      writeFileSync(
        join(work, 'w.bin'),
        `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 12345\n`,
      );
      await ok(work, ['-c', 'filter.lfs.clean=cat', 'add', '.'], env);
      await ok(work, ['commit', '--quiet', '-m', 'pointer only'], env);
      const pushed = await git(work, ['push', 'origin', 'HEAD:main'], env);
      expect(explainFailure(pushed.output, hubContext('push', pushed.code))).toMatchObject({
        kind: 'lfs_missing_objects',
        action: 'lfs_pull',
        files: ['w.bin'],
      });
    },
  );

  it.runIf(hasLfs)(
    'lfs_missing_on_hub: a clone whose pointer names an object the hub never got',
    async () => {
      const env = withCredential('alice', ALICE_WRITE_TOKEN);
      const dir = fresh('lfs-absent');
      await ok(dir, ['clone', '--quiet', `${hub.httpUrl}/alice/lfs-absent`, 'w'], env);
      const work = join(dir, 'w');
      writeFileSync(join(work, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
      writeFileSync(
        join(work, 'w.bin'),
        `version https://git-lfs.github.com/spec/v1\noid sha256:${'b'.repeat(64)}\nsize 42\n`,
      );
      await ok(work, ['-c', 'filter.lfs.clean=cat', 'add', '.'], env);
      await ok(work, ['commit', '--quiet', '-m', 'pointer only'], env);
      // Without git-lfs's hook the pointer goes up alone (the real Hub would refuse it: diffusers#6285).
      await ok(work, ['push', '--quiet', 'origin', 'HEAD:main'], env);
      const cloned = await git(
        dir,
        [
          '-c',
          'filter.lfs.process=git-lfs filter-process',
          '-c',
          'filter.lfs.required=true',
          'clone',
          '--quiet',
          `${hub.httpUrl}/alice/lfs-absent`,
          'copy',
        ],
        env,
      );
      expect(cloned.output).toContain('Object does not exist on the server');
      expect(explainFailure(cloned.output, hubContext('clone', cloned.code)).kind).toBe('lfs_missing_on_hub');
    },
  );

  it('no_credential, password_refused, token_invalid: what is saved for git decides', async () => {
    const work = await cloneWithCommit('alice/private-one', baseEnv());
    const anonymous = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(anonymous.output).toContain('terminal prompts disabled');
    expect(explainFailure(anonymous.output, hubContext('push', anonymous.code)).kind).toBe('no_credential');

    const password = await git(
      work,
      ['push', 'origin', 'HEAD:main'],
      withCredential('alice', 'hunter2-password'),
    );
    expect(explainFailure(password.output, hubContext('push', password.code))).toMatchObject({
      kind: 'password_refused',
      action: 'forget_and_reenter',
    });

    const revoked = await git(
      work,
      ['push', 'origin', 'HEAD:main'],
      withCredential('alice', 'hf_RevokedLongAgoToken00000'),
    );
    expect(revoked.output).toContain('Invalid username or password.');
    expect(explainFailure(revoked.output, hubContext('push', revoked.code)).kind).toBe('token_invalid');
  });

  it('gated and not_found_or_private: a gated repository and a misspelled one', async () => {
    const env = withCredential('dave', DAVE_WRITE_TOKEN);
    const gatedClone = await git(fresh('gated'), ['clone', `${hub.httpUrl}/alice/gated-model`, 'w'], env);
    expect(
      explainFailure(gatedClone.output, hubContext('clone', gatedClone.code, { repo: 'alice/gated-model' })),
    ).toMatchObject({ kind: 'gated', action: 'request_access', link: `${hub.httpUrl}/alice/gated-model` });
    const missing = await git(fresh('missing'), ['clone', `${hub.httpUrl}/alice/Private-One`, 'w'], env);
    expect(explainFailure(missing.output, hubContext('clone', missing.code)).kind).toBe(
      'not_found_or_private',
    );
  });

  describe('ssh -T against the fake hub', () => {
    const keyDir = fresh('keys');
    const makeKey = (name: string): string => {
      const path = join(keyDir, name);
      const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', path]);
      if (made.status !== 0) throw new Error(String(made.stderr));
      return path;
    };
    // Asynchronous: the fake hub's SSH server runs in this process and must be free to answer.
    const sshTest = async (
      key: string,
    ): Promise<{ readonly output: string; readonly code: number | null }> => {
      const result = await run(
        'ssh',
        ['-v', ...sshOptions(key), '-p', String(hub.sshPort), '-T', 'git@127.0.0.1'],
        {
          env: baseEnv(),
          timeoutMs: 20_000,
        },
      );
      return { output: `${result.stdout}${result.stderr}`, code: result.exitCode };
    };
    const sshContext = (output: string, code: number | null): FailureContext => ({
      operation: 'ssh_test',
      endpoint: hub.httpUrl,
      sshHost: '127.0.0.1',
      sshPort: hub.sshPort,
      offeredKeys: offeredKeys(output),
      flags: { exitCode: code },
    });

    it('ssh_host_key_unknown, then ssh_host_key_changed, then ssh_anonymous and ok', async () => {
      const key = makeKey('id_ed25519');
      writeFileSync(knownHosts, '');
      const unknown = await sshTest(key);
      expect(unknown.output).toContain('Host key verification failed.');
      expect(explainFailure(unknown.output, sshContext(unknown.output, unknown.code))).toMatchObject({
        kind: 'ssh_host_key_unknown',
        action: 'pin_host_keys',
      });

      const impostor = makeKey('impostor_host_key');
      const impostorKey = spawnSync('ssh-keygen', ['-y', '-f', impostor], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(knownHosts, `[127.0.0.1]:${hub.sshPort} ${impostorKey}\n`);
      const changed = await sshTest(key);
      expect(changed.output).toContain('REMOTE HOST IDENTIFICATION HAS CHANGED');
      expect(explainFailure(changed.output, sshContext(changed.output, changed.code)).kind).toBe(
        'ssh_host_key_changed',
      );

      writeFileSync(knownHosts, `${hub.knownHostsLine}\n`);
      const stranger = await sshTest(key);
      const anonymous = explainFailure(stranger.output, sshContext(stranger.output, stranger.code));
      expect(anonymous).toMatchObject({ kind: 'ssh_anonymous', action: 'open_keys_page' });
      expect(anonymous.message).toContain(key);

      hub.addKey('alice', spawnSync('ssh-keygen', ['-y', '-f', key], { encoding: 'utf8' }).stdout.trim());
      const known = await sshTest(key);
      expect(explainFailure(known.output, sshContext(known.output, known.code))).toMatchObject({
        kind: 'ok',
        user: 'alice',
      });
    });
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { listAgentKeys, parseAgentList } from '../../../../main/features/ssh/agent';
import { generateKey } from '../../../../main/features/ssh/generate-key';
import { readHubHostBlock } from '../../../../main/features/ssh/ssh-config';
import { identityPath, inspectSshSetup } from '../../../../main/features/ssh/setup-report';
import { snapshotTree } from '../../entry/home-snapshot';

// The SSH section the doctor and the support report print, gathered for real: keys made by
// ssh-keygen (and by the app, for a passphrase that must not reach a command line), an ssh-agent
// of the test's own, known_hosts and config files in a temp HOME with a space and non-ASCII in
// its path. Nothing under the home may change.

const made: string[] = [];
const agents: ChildProcess[] = [];
afterEach(() => {
  for (const agent of agents.splice(0)) agent.kill();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A home with an empty ~/.ssh (0700), and settings pointing at it and at pinned host keys. */
function homeWith(hostKeys: readonly string[]): { readonly home: string; readonly settings: Settings } {
  const home = tempDir('hfgd setup é-');
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  const pinned = join(tempDir('hfgd-pinned-'), 'keys');
  writeFileSync(pinned, `${hostKeys.join('\n')}\n`);
  const settings = resolveSettings({
    HFGD_HOME: home,
    HFGD_SSH_HOST: '127.0.0.1:2222',
    HFGD_HOST_KEYS: pinned,
  });
  return { home, settings };
}

/** A key pair without a passphrase, made by the real ssh-keygen; its public line. */
function keygen(path: string, type: 'ed25519' | 'ecdsa' | 'rsa', comment = ''): string {
  const made = spawnSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', comment, '-f', path]);
  if (made.status !== 0) throw new Error(String(made.stderr));
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

/** The fingerprint as `ssh-keygen -lf` prints it. */
function fingerprint(publicPath: string): string {
  return spawnSync('ssh-keygen', ['-lf', publicPath], { encoding: 'utf8' }).stdout.split(' ')[1]!;
}

/** Host keys of a pretend server, as known_hosts lines without the host field. */
function hostKeys(): { readonly ed25519: string; readonly ecdsa: string; readonly other: string } {
  const dir = tempDir('hfgd-hostkeys-');
  const strip = (line: string): string => line.split(' ').slice(0, 2).join(' ');
  return {
    ed25519: strip(keygen(join(dir, 'ed'), 'ed25519')),
    ecdsa: strip(keygen(join(dir, 'ec'), 'ecdsa')),
    other: strip(keygen(join(dir, 'other'), 'ecdsa')),
  };
}

/** A real ssh-agent of the test's own, stopped after the test. */
async function startAgent(): Promise<string> {
  const socket = join(tempDir('hfgd-agent-'), 'agent.sock');
  agents.push(spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } }));
  await new Promise<void>((resolve) => {
    const poll = (): void => (existsSync(socket) ? resolve() : void setTimeout(poll, 10));
    poll();
  });
  return socket;
}

function sshAdd(socket: string, file: string): void {
  const added = spawnSync('ssh-add', ['-q', file], {
    env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket },
  });
  if (added.status !== 0) throw new Error(String(added.stderr));
}

describe('inspectSshSetup', () => {
  it('lists the keys as the keys screen does, with the agent’s copy, and changes nothing', async () => {
    const host = hostKeys();
    const { home, settings } = homeWith([host.ed25519]);
    const ssh = join(home, '.ssh');
    // The app's own key maker: the passphrase travels in-process, never on a command line.
    const passphrase = `doctor ${Math.random().toString(36).slice(2)}`;
    await generateKey(home, { name: 'id_ed25519', comment: 'ada@example.com', passphrase });
    keygen(join(ssh, 'id_rsa'), 'rsa', 'ada@laptop');
    chmodSync(join(ssh, 'id_rsa'), 0o644);
    keygen(join(ssh, 'id_ecdsa'), 'ecdsa');
    // A .pub whose private key is elsewhere: listed, and flagged as unusable here.
    const elsewhere = join(tempDir('hfgd-elsewhere-'), 'lone');
    keygen(elsewhere, 'ed25519');
    writeFileSync(join(ssh, 'lone.pub'), readFileSync(`${elsewhere}.pub`));
    const outside = join(tempDir('hfgd-outside-'), 'id_outside');
    keygen(outside, 'ed25519');
    const socket = await startAgent();
    sshAdd(socket, join(ssh, 'id_ecdsa'));
    sshAdd(socket, outside);
    const before = snapshotTree(home);

    const report = await inspectSshSetup(settings, createSession({ SSH_AUTH_SOCK: socket }), {
      PATH: process.env.PATH,
    });

    expect(snapshotTree(home)).toEqual(before);
    const keys = Object.fromEntries(report.keys.list.map((key) => [key.name, key]));
    expect(Object.keys(keys)).toEqual(['id_ecdsa', 'id_ed25519', 'id_rsa', 'lone']);
    expect(keys.id_ed25519).toMatchObject({
      file: join(ssh, 'id_ed25519'),
      type: 'ed25519',
      bits: 256,
      fingerprint: fingerprint(join(ssh, 'id_ed25519.pub')),
      passphraseProtected: true,
      comment: 'ada@example.com',
      usable: true,
      inAgent: false,
      problems: [],
    });
    expect(keys.id_ecdsa).toMatchObject({ passphraseProtected: false, usable: true, inAgent: true });
    expect(keys.id_rsa).toMatchObject({ type: 'rsa', usable: false, inAgent: false });
    expect(keys.id_rsa!.problems.map((p) => [p.code, p.blocking])).toEqual([['unprotected', true]]);
    expect(keys.lone).toMatchObject({ passphraseProtected: null, usable: false });
    expect(keys.lone!.problems.map((p) => p.code)).toEqual(['missing_private']);

    expect(report.agent).toEqual({
      state: 'listed',
      socket,
      keys: [
        { bits: 256, type: 'ECDSA', fingerprint: fingerprint(join(ssh, 'id_ecdsa.pub')), key: 'id_ecdsa' },
        { bits: 256, type: 'ED25519', fingerprint: fingerprint(`${outside}.pub`), key: null },
      ],
    });
    // Never the passphrase, never the private keys' text.
    const json = JSON.stringify(report);
    expect(json).not.toContain(passphrase);
    expect(json).not.toContain('-----BEGIN');
    for (const name of ['id_ed25519', 'id_rsa', 'id_ecdsa']) {
      const body = readFileSync(join(ssh, name), 'utf8').split('\n').slice(1, -2);
      for (const line of body) expect(json).not.toContain(line);
    }
  });

  it('says what known_hosts holds for the Hub: pinned (hashed too), missing and mismatching', async () => {
    const host = hostKeys();
    const { home, settings } = homeWith([host.ed25519, host.ecdsa]);
    const file = join(home, '.ssh', 'known_hosts');
    writeFileSync(
      file,
      `# mine\n[127.0.0.1]:2222 ${host.ed25519}\nexample.org ${host.other}\n[127.0.0.1]:2222 ${host.other}\n`,
    );
    expect(spawnSync('ssh-keygen', ['-H', '-f', file]).status).toBe(0);
    rmSync(`${file}.old`);
    const before = snapshotTree(home);
    const report = await inspectSshSetup(settings, createSession({}), { PATH: process.env.PATH });
    expect(snapshotTree(home)).toEqual(before);
    expect(report.knownHosts).toMatchObject({
      knownHostsPath: file,
      host: '[127.0.0.1]:2222',
      pinned: [
        { type: 'ssh-ed25519', present: true },
        { type: 'ecdsa-sha2-nistp256', present: false },
      ],
      mismatches: [{ line: 4, type: 'ecdsa-sha2-nistp256' }],
    });
    expect(report.knownHosts.error).toBeUndefined();
  });

  it('reports a known_hosts and a config it cannot read instead of failing', async () => {
    const { home, settings } = homeWith([hostKeys().ed25519]);
    mkdirSync(join(home, '.ssh', 'known_hosts'));
    mkdirSync(join(home, '.ssh', 'config'));
    const report = await inspectSshSetup(settings, createSession({}), { PATH: process.env.PATH });
    expect(report.knownHosts.error).toBe('The app cannot read it (EISDIR).');
    expect(report.config.state).toBe('unreadable');
  });

  it('reads the Hub’s Host block: its IdentityFiles (quoted, missing) and a HostName elsewhere', async () => {
    const { home, settings } = homeWith([hostKeys().ed25519]);
    const ssh = join(home, '.ssh');
    keygen(join(ssh, 'id_ed25519'), 'ed25519');
    const config = [
      'Host 127.0.0.1.example',
      '  IdentityFile /nowhere/else',
      '# the Hub',
      'Host 127.0.0.1',
      '  User git',
      '  HostName=elsewhere.example',
      `  IdentityFile "${join(ssh, 'id_ed25519')}"`,
      `  IdentityFile ${join(ssh, 'gone')}`,
      '  IdentitiesOnly yes',
      'Host *',
      '  IdentityFile /also/not/this',
      '',
    ].join('\n');
    writeFileSync(join(ssh, 'config'), config);
    const report = await inspectSshSetup(settings, createSession({}), { PATH: process.env.PATH });
    expect(report.config).toEqual({
      configPath: join(ssh, 'config'),
      state: 'read',
      block: {
        line: 4,
        directives: [
          { param: 'User', value: 'git' },
          { param: 'HostName', value: 'elsewhere.example' },
          { param: 'IdentityFile', value: join(ssh, 'id_ed25519') },
          { param: 'IdentityFile', value: join(ssh, 'gone') },
          { param: 'IdentitiesOnly', value: 'yes' },
        ],
        identityFiles: [join(ssh, 'id_ed25519'), join(ssh, 'gone')],
      },
      identities: [
        { value: join(ssh, 'id_ed25519'), path: join(ssh, 'id_ed25519'), exists: true, key: 'id_ed25519' },
        { value: join(ssh, 'gone'), path: join(ssh, 'gone'), exists: false, key: null },
      ],
      hostNameElsewhere: 'elsewhere.example',
    });
    expect(readFileSync(join(ssh, 'config'), 'utf8')).toBe(config);
  });

  it('says when there is no config, no block, and no ~/.ssh at all', async () => {
    const { home, settings } = homeWith([hostKeys().ed25519]);
    expect(await readHubHostBlock(settings)).toEqual({
      configPath: join(home, '.ssh', 'config'),
      state: 'missing',
    });
    writeFileSync(join(home, '.ssh', 'config'), 'Host hf.co\n  User git\n');
    expect((await readHubHostBlock(settings)).block).toBeUndefined();
    rmSync(join(home, '.ssh'), { recursive: true });
    const report = await inspectSshSetup(settings, createSession({}), { PATH: process.env.PATH });
    expect(report.keys).toEqual({ sshDir: join(home, '.ssh'), sshDirExists: false, list: [] });
    expect(existsSync(join(home, '.ssh'))).toBe(false);
  });

  it('expands ~ and %d the way ssh does, to the home it knows', () => {
    expect(identityPath('~/.ssh/id_ed25519', '/home/ada')).toBe('/home/ada/.ssh/id_ed25519');
    expect(identityPath('%d/.ssh/id_rsa', '/home/ada')).toBe('/home/ada/.ssh/id_rsa');
    expect(identityPath('/keys/~x', '/home/ada')).toBe('/keys/~x');
    expect(identityPath('~', '/home/ada')).toBe('/home/ada');
  });
});

describe('listAgentKeys', () => {
  it('lists fingerprints only, and says plainly when no agent can be reached', async () => {
    const home = tempDir('hfgd-agent-home-');
    const env = { PATH: process.env.PATH };
    expect(await listAgentKeys(home, undefined, env, 'linux')).toEqual({ state: 'no_socket' });
    const socket = await startAgent();
    expect(await listAgentKeys(home, socket, env)).toEqual({ state: 'listed', socket, keys: [] });
    const gone = join(tempDir('hfgd-agent-gone-'), 'agent.sock');
    expect(await listAgentKeys(home, gone, env)).toMatchObject({ state: 'unreachable', socket: gone });
    expect(await listAgentKeys(home, socket, { PATH: tempDir('hfgd-empty-path-') })).toEqual({
      state: 'ssh_add_missing',
    });
  });

  it('drops the comment of each `ssh-add -l` line', () => {
    expect(
      parseAgentList(
        '256 SHA256:ljuv5OkE/mMGyGFNulS9+BEorVdwM5KdpHCLMtSmqjs ada lovelace@example.com (ED25519)\n' +
          '3072 SHA256:GekUxXEG5qdZ7ailIAbKxonsHZBmJh+vyACI7hlh0Ac /home/ada/.ssh/id_rsa (RSA)\n' +
          '256 SHA256:n1mhsqka9PticDAPHnU3yW1sg9VKUOJs0xNxjfRcvAM (ECDSA)\n',
      ),
    ).toEqual([
      { bits: 256, fingerprint: 'SHA256:ljuv5OkE/mMGyGFNulS9+BEorVdwM5KdpHCLMtSmqjs', type: 'ED25519' },
      { bits: 3072, fingerprint: 'SHA256:GekUxXEG5qdZ7ailIAbKxonsHZBmJh+vyACI7hlh0Ac', type: 'RSA' },
      { bits: 256, fingerprint: 'SHA256:n1mhsqka9PticDAPHnU3yW1sg9VKUOJs0xNxjfRcvAM', type: 'ECDSA' },
    ]);
  });
});

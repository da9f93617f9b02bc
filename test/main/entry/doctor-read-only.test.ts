import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, disposeSession, type AppSession } from '../../../main/core/session';
import { resolveSettings, type Settings } from '../../../main/core/settings';
import { approveToken } from '../../../main/features/https/credentials';
import type { SshSetupReport } from '../../../main/features/ssh';
import { addKeyToAgent } from '../../../main/features/ssh/agent';
import { generateKey } from '../../../main/features/ssh/generate-key';
import { pinHostKeys } from '../../../main/features/ssh/known-hosts';
import { configureSsh } from '../../../main/features/ssh/ssh-config';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../fake-hub';
import { runDoctor, type DoctorOutcome } from '../../support/doctor';
import { snapshotTree } from './home-snapshot';

// The doctor only reads. A temp HOME set up the way the wizard leaves it (a passphrase-protected
// key made by the app and loaded into an ssh-agent of the test's own, the Hub's Host block and
// host keys written by the app, a token saved in git's store helper), then the real doctor as a
// child process, in text, --json and --report, against the loopback fake hub so ssh -T and
// whoami really connect: every file and folder under the home must be as it was, and none of
// the outputs may carry the passphrase, the private key or the token.

let hub: FakeHub;
let root: string;
let home: string;
let settings: Settings;
let session: AppSession;
let agent: ChildProcess;
let socket: string;
let hostKeysFile: string;
const passphrase = `read only ${Math.random().toString(36).slice(2)} please`;

beforeAll(async () => {
  hub = await startFakeHub();
  root = mkdtempSync(join(tmpdir(), 'hfgd-doctor-ro-'));
  home = join(root, 'home of ada');
  mkdirSync(home);
  hostKeysFile = join(root, 'pinned');
  writeFileSync(hostKeysFile, `${hub.hostKey}\n`);
  socket = join(root, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } });
  await new Promise<void>((resolve) => {
    const poll = (): void => (existsSync(socket) ? resolve() : void setTimeout(poll, 10));
    poll();
  });
  settings = resolveSettings({
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: `127.0.0.1:${hub.sshPort}`,
    HFGD_HOST_KEYS: hostKeysFile,
  });
  session = createSession({ SSH_AUTH_SOCK: socket });
  const env = { PATH: process.env.PATH };
  // The wizard's own steps: the passphrase reaches ssh-add through the askpass pipe only.
  const key = await generateKey(home, { name: 'id_ed25519', comment: 'ada@example.com', passphrase });
  hub.addKey('alice', `${key.publicKey}`);
  await addKeyToAgent(home, session, key, passphrase, env);
  await pinHostKeys(settings, false);
  await configureSsh(settings, 'id_ed25519');
  writeFileSync(
    join(home, '.gitconfig'),
    '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n[credential]\n\thelper = store\n',
  );
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN, env);
}, 60_000);
afterAll(async () => {
  agent.kill();
  disposeSession(session);
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

const doctorEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  // HOME too: a write by anything under the doctor to "~" would land here and be seen.
  HOME: home,
  HFGD_HOME: home,
  HF_ENDPOINT: hub.httpUrl,
  HFGD_SSH_HOST: `127.0.0.1:${hub.sshPort}`,
  HFGD_HOST_KEYS: hostKeysFile,
  SSH_AUTH_SOCK: socket,
});

/** Everything a reader of the outputs must never get. */
function secrets(): string[] {
  const privateKey = readFileSync(join(home, '.ssh', 'id_ed25519'), 'utf8');
  return [
    passphrase,
    ALICE_WRITE_TOKEN,
    '-----BEGIN',
    ...privateKey.split('\n').filter((line) => line !== '' && !line.startsWith('-----')),
  ];
}

describe('npm run doctor changes nothing under the home', () => {
  let text: DoctorOutcome;
  let json: DoctorOutcome;
  let report: DoctorOutcome;

  it('leaves every file and folder as it was, in text, --json and --report', async () => {
    const before = snapshotTree(home);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['.ssh/id_ed25519', '.ssh/config', '.ssh/known_hosts', '.git-credentials']),
    );
    [text, json, report] = await Promise.all([
      runDoctor([], doctorEnv()),
      runDoctor(['--json'], doctorEnv()),
      runDoctor(['--report'], doctorEnv()),
    ]);
    expect(snapshotTree(home)).toEqual(before);
    expect([text.code, json.code, report.code]).toEqual([0, 0, 0]);
  }, 60_000);

  it('prints the SSH section as the wizard would show it', () => {
    const port = hub.sshPort;
    const ssh = join(home, '.ssh');
    expect(text.stdout).toContain(
      [
        'SSH keys and settings',
        `Keys in ${ssh} (what the "Your keys" step lists):`,
        '✓ id_ed25519: ED25519, 256 bits · Protected by a passphrase · ada@example.com',
      ].join('\n'),
    );
    expect(text.stdout).toMatch(/Fingerprint SHA256:\S+ \(as the Hub lists it\); loaded in the agent\./);
    expect(text.stdout).toContain(`✓ known_hosts has the Hub's ED25519 keys for [127.0.0.1]:${port}.`);
    expect(text.stdout).toContain(
      `✓ ssh config has a Host 127.0.0.1 block (line 1): IdentityFile ${join(ssh, 'id_ed25519')} (the key id_ed25519).`,
    );
    expect(text.stdout).toContain(`✓ SSH agent at ${socket}: 1 key loaded.`);
    expect(text.stdout).toContain('✓ ssh -T git@127.0.0.1: It works: the Hub knows you as alice.');

    const parsed = JSON.parse(json.stdout) as { ssh: { kind: string; setup: SshSetupReport } };
    expect(parsed.ssh.kind).toBe('authenticated');
    const { setup } = parsed.ssh;
    expect(setup.keys.list.map((key) => [key.name, key.passphraseProtected, key.inAgent])).toEqual([
      ['id_ed25519', true, true],
    ]);
    expect(setup.knownHosts).toMatchObject({ host: `[127.0.0.1]:${port}`, mismatches: [] });
    expect(setup.config.identities).toEqual([
      { value: join(ssh, 'id_ed25519'), path: join(ssh, 'id_ed25519'), exists: true, key: 'id_ed25519' },
    ]);
    expect(setup.agent).toMatchObject({ state: 'listed', socket, keys: [{ key: 'id_ed25519' }] });

    expect(report.stdout).toContain('SSH keys and settings\nKeys in ~/.ssh');
    expect(report.stdout).toContain('✓ id_ed25519: ED25519, 256 bits · Protected by a passphrase\n');
    expect(report.stdout).toContain('IdentityFile ~/.ssh/id_ed25519 (the key id_ed25519).');
  });

  it('gives no passphrase, private key or token to any output, and the report no home or email', () => {
    for (const outcome of [text, json, report]) {
      for (const secret of secrets())
        expect(`${outcome.stdout}${outcome.stderr}`, secret).not.toContain(secret);
    }
    for (const personal of [home, 'ada@example.com', 'Ada Lovelace']) {
      expect(report.stdout, personal).not.toContain(personal);
    }
  });

  it('exits 1 when known_hosts holds a key for the Hub that is not its own, still writing nothing', async () => {
    const file = join(home, '.ssh', 'known_hosts');
    const original = readFileSync(file);
    const other = readFileSync(join(home, '.ssh', 'id_ed25519.pub'), 'utf8')
      .split(' ')
      .slice(0, 2)
      .join(' ');
    appendFileSync(file, `[127.0.0.1]:${hub.sshPort} ${other}\n`);
    try {
      const before = snapshotTree(home);
      const result = await runDoctor([], doctorEnv());
      expect(snapshotTree(home)).toEqual(before);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /✗ known_hosts line 2 holds a key for \[127\.0\.0\.1\]:\d+ that is not one of the Hub's/,
      );
    } finally {
      writeFileSync(file, original);
    }
  }, 60_000);
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { resolveSettings } from '../../../../main/core/settings';
import { generateKey } from '../../../../main/features/ssh/generate-key';
import { gatherSupportReport } from '../../../../main/features/support/report';

// The support report's SSH section, gathered for real: a home whose folder carries the user's
// name, a passphrase-protected key with an email as its comment, a second key loaded in an agent
// of the test's own, a Host block and known_hosts. The report shows the same facts as the doctor
// with the report's redaction: no home path, no name, no email, no key material, no passphrase.

let root: string;
let home: string;
let agent: ChildProcess;
let socket: string;
const passphrase = `report ${Math.random().toString(36).slice(2)} phrase`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hfgd-report-ssh-'));
  home = join(root, 'grace.hopper');
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { recursive: true, mode: 0o700 });
  await generateKey(home, { name: 'id_ed25519', comment: 'grace@navy.example.mil', passphrase });
  expect(
    spawnSync('ssh-keygen', [
      '-q',
      '-t',
      'ecdsa',
      '-N',
      '',
      '-C',
      'grace.hopper@cobol',
      '-f',
      join(ssh, 'id_ecdsa'),
    ]).status,
  ).toBe(0);
  writeFileSync(join(ssh, 'config'), `Host 127.0.0.1\n  User git\n  IdentityFile ${join(ssh, 'id_ecdsa')}\n`);
  writeFileSync(join(ssh, 'known_hosts'), '');
  socket = join(root, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } });
  await new Promise<void>((resolve) => {
    const poll = (): void => (existsSync(socket) ? resolve() : void setTimeout(poll, 10));
    poll();
  });
  const added = spawnSync('ssh-add', ['-q', join(ssh, 'id_ecdsa')], {
    env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket },
  });
  expect(added.status).toBe(0);
});
afterAll(() => {
  agent.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('the support report’s SSH section', () => {
  it('says what the wizard sees, redacted', async () => {
    const settings = resolveSettings({ HFGD_HOME: home, HFGD_SSH_HOST: '127.0.0.1:1' });
    const text = await gatherSupportReport(
      settings,
      createSession({ SSH_AUTH_SOCK: socket }),
      { PATH: process.env.PATH, SSH_AUTH_SOCK: socket },
      { appVersion: '0.1.0', transport: 'browser', versions: { node: process.versions.node } },
    );
    const fingerprint = (name: string): string =>
      spawnSync('ssh-keygen', ['-lf', join(home, '.ssh', `${name}.pub`)], { encoding: 'utf8' }).stdout.split(
        ' ',
      )[1]!;
    const section = text.slice(
      text.indexOf('SSH keys and settings'),
      text.indexOf('SSH connection to the Hub'),
    );
    expect(section).toContain('Keys in ~/.ssh (what the "Your keys" step lists):');
    expect(section).toContain('✓ id_ed25519: ED25519, 256 bits · Protected by a passphrase\n');
    expect(section).toContain(
      `Fingerprint ${fingerprint('id_ed25519')} (as the Hub lists it); not in the agent.`,
    );
    expect(section).toContain(
      `Fingerprint ${fingerprint('id_ecdsa')} (as the Hub lists it); loaded in the agent.`,
    );
    expect(section).toContain("! known_hosts has none of the Hub's keys for [127.0.0.1]:1");
    expect(section).toContain(
      '✓ ssh config has a Host 127.0.0.1 block (line 1): IdentityFile ~/.ssh/id_ecdsa (the key id_ecdsa).',
    );
    expect(section).toContain('1 key loaded.');
    for (const secret of [
      home,
      'grace.hopper',
      'grace@navy.example.mil',
      passphrase,
      '-----BEGIN',
      ...['id_ed25519', 'id_ecdsa'].flatMap((name) =>
        readFileSync(join(home, '.ssh', name), 'utf8')
          .split('\n')
          .slice(1, -2),
      ),
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});

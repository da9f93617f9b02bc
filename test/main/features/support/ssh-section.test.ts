import { describe, expect, it } from 'vitest';
import type { SshSetupReport } from '../../../../main/features/ssh/setup-report';
import { formatSshSetup, sshSetupBlocking } from '../../../../main/features/support/ssh-section';

// The SSH section's text, from facts built by hand: each state the wizard's screens can show has
// its line, its fix, and the same marks as the machine check.

const ED = 'SHA256:ljuv5OkE/mMGyGFNulS9+BEorVdwM5KdpHCLMtSmqjs';
const RSA = 'SHA256:GekUxXEG5qdZ7ailIAbKxonsHZBmJh+vyACI7hlh0Ac';
const HUB_ED = 'SHA256:dVjzGIdV7d6cwKIeZiCoRMa2gMvSKfGZAvHf4gMiMao';
const HUB_EC = 'SHA256:aBG5R7IomF4BSsx/h6tNAUVLhEkkaNGB8Sluyh/Q/qY';
const OTHER = 'SHA256:n1mhsqka9PticDAPHnU3yW1sg9VKUOJs0xNxjfRcvAM';

const report = (over: Partial<SshSetupReport> = {}): SshSetupReport => ({
  keys: {
    sshDir: '/home/ada/.ssh',
    sshDirExists: true,
    list: [
      {
        name: 'id_ed25519',
        file: '/home/ada/.ssh/id_ed25519',
        type: 'ed25519',
        bits: 256,
        fingerprint: ED,
        passphraseProtected: true,
        comment: 'ada@example.com',
        usable: true,
        inAgent: true,
        problems: [],
      },
      {
        name: 'id_rsa',
        file: '/home/ada/.ssh/id_rsa',
        type: 'rsa',
        bits: 3072,
        fingerprint: RSA,
        passphraseProtected: false,
        comment: 'ada@laptop',
        usable: false,
        inAgent: false,
        problems: [
          {
            code: 'unprotected',
            message: 'Other people on this computer can read id_rsa.',
            fix: 'chmod 600 "/home/ada/.ssh/id_rsa"',
            blocking: true,
          },
        ],
      },
    ],
  },
  knownHosts: {
    knownHostsPath: '/home/ada/.ssh/known_hosts',
    host: 'hf.co',
    pinned: [
      { type: 'ssh-ed25519', fingerprint: HUB_ED, present: true },
      { type: 'ecdsa-sha2-nistp256', fingerprint: HUB_EC, present: true },
    ],
    mismatches: [],
  },
  config: {
    configPath: '/home/ada/.ssh/config',
    state: 'read',
    block: {
      line: 3,
      directives: [{ param: 'IdentityFile', value: '~/.ssh/id_ed25519' }],
      identityFiles: ['~/.ssh/id_ed25519'],
    },
    identities: [
      { value: '~/.ssh/id_ed25519', path: '/home/ada/.ssh/id_ed25519', exists: true, key: 'id_ed25519' },
    ],
  },
  agent: {
    state: 'listed',
    socket: '/tmp/ssh-x/agent.1',
    keys: [{ bits: 256, fingerprint: ED, type: 'ED25519', key: 'id_ed25519' }],
  },
  ...over,
});

const plain = { color: false, comments: true } as const;

describe('formatSshSetup', () => {
  it('draws a working setup and a key ssh refuses, in the keys screen’s words', () => {
    expect(formatSshSetup(report(), 'hf.co', plain)).toEqual([
      'Keys in /home/ada/.ssh (what the "Your keys" step lists):',
      '✓ id_ed25519: ED25519, 256 bits · Protected by a passphrase · ada@example.com',
      `    Fingerprint ${ED} (as the Hub lists it); loaded in the agent.`,
      '! id_rsa: RSA, 3072 bits · No passphrase · ada@laptop',
      `    Fingerprint ${RSA} (as the Hub lists it); not in the agent.`,
      '    The keys step does not let you choose it as it is.',
      '    Other people on this computer can read id_rsa.',
      '    Fix: chmod 600 "/home/ada/.ssh/id_rsa"',
      "✓ known_hosts has the Hub's ED25519 and ECDSA keys for hf.co.",
      '    /home/ada/.ssh/known_hosts',
      '✓ ssh config has a Host hf.co block (line 3): IdentityFile /home/ada/.ssh/id_ed25519 (the key id_ed25519).',
      '    /home/ada/.ssh/config',
      '✓ SSH agent at /tmp/ssh-x/agent.1: 1 key loaded.',
      `    ${ED} ED25519 256 bits (id_ed25519 above)`,
    ]);
    expect(sshSetupBlocking(report())).toBe(false);
  });

  it('leaves key comments out for the support report, and colours only on request', () => {
    const lines = formatSshSetup(report(), 'hf.co', { color: false, comments: false });
    expect(lines.join('\n')).not.toContain('ada@example.com');
    expect(lines.join('\n')).not.toContain('ada@laptop');
    expect(lines[1]).toBe('✓ id_ed25519: ED25519, 256 bits · Protected by a passphrase');
    expect(formatSshSetup(report(), 'hf.co', { color: true, comments: true })[1]).toBe(
      '\u001b[32m✓\u001b[0m id_ed25519: ED25519, 256 bits · Protected by a passphrase · ada@example.com',
    );
  });

  it('blocks on a recorded host key that is not the Hub’s, and says what is missing', () => {
    const broken = report({
      knownHosts: {
        knownHostsPath: '/home/ada/.ssh/known_hosts',
        host: 'hf.co',
        pinned: [
          { type: 'ssh-ed25519', fingerprint: HUB_ED, present: true },
          { type: 'ecdsa-sha2-nistp256', fingerprint: HUB_EC, present: false },
        ],
        mismatches: [{ line: 7, type: 'ecdsa-sha2-nistp256', fingerprint: OTHER }],
      },
    });
    const lines = formatSshSetup(broken, 'hf.co', plain);
    expect(lines).toContain(`! known_hosts lacks the Hub's ECDSA ${HUB_EC} for hf.co.`);
    expect(lines).toContain(
      `✗ known_hosts line 7 holds a key for hf.co that is not one of the Hub's (ECDSA ${OTHER}): someone may be intercepting the connection, or the line is stale.`,
    );
    expect(sshSetupBlocking(broken)).toBe(true);
  });

  it('says plainly when there is no key, no block and no agent', () => {
    const empty = report({
      keys: { sshDir: '/home/ada/.ssh', sshDirExists: false, list: [] },
      config: { configPath: '/home/ada/.ssh/config', state: 'missing', identities: [] },
      agent: { state: 'no_socket' },
    });
    const text = formatSshSetup(empty, 'hf.co', plain);
    expect(text).toContain('! SSH keys: there is no /home/ada/.ssh folder yet, so no SSH key either.');
    expect(text).toContain(
      '! ssh config has no Host hf.co block (there is no config file): ssh offers its default keys (id_rsa, id_ecdsa, id_ed25519...) and any in the agent.',
    );
    expect(text).toContain('! No SSH agent reachable: SSH_AUTH_SOCK is not set in this session.');
    const unreachable = formatSshSetup(
      report({ agent: { state: 'unreachable', socket: '/tmp/gone', detail: 'Error connecting to agent' } }),
      'hf.co',
      plain,
    );
    expect(unreachable).toContain('! No SSH agent reachable: SSH_AUTH_SOCK=/tmp/gone does not answer.');
  });
});

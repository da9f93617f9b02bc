import { describe, expect, it } from 'vitest';
import type { OsFamily } from '../../../../preload/contract';
import { FIX_KEYS, fixFor, type FixKey } from '../../../../main/features/machine-check/fixes';

const FAMILIES: readonly OsFamily[] = ['windows', 'macos', 'debian', 'fedora', 'linux'];

describe('fixFor', () => {
  it('has a plain-language fix for every failure on every OS family', () => {
    expect(FIX_KEYS.length).toBeGreaterThanOrEqual(12);
    for (const key of FIX_KEYS) {
      for (const os of FAMILIES) {
        const text = fixFor(key, os, { files: ['id_ed25519'] });
        expect(text.trim().length, `${key} on ${os}`).toBeGreaterThan(20);
        expect(text, `${key} on ${os}`).not.toMatch(/undefined|\[object|\$\{/);
      }
    }
  });

  // The commands each vendor documents, per OS.
  const EXPECTED: ReadonlyArray<readonly [FixKey, OsFamily, string]> = [
    ['git-missing', 'windows', 'https://git-scm.com/download/win'],
    ['git-missing', 'macos', 'xcode-select --install'],
    ['git-missing', 'macos', 'brew install git'],
    ['git-missing', 'debian', 'sudo apt install git'],
    ['git-missing', 'fedora', 'sudo dnf install git'],
    ['git-lfs-missing', 'windows', 'Git for Windows'],
    ['git-lfs-missing', 'macos', 'brew install git-lfs'],
    ['git-lfs-missing', 'debian', 'sudo apt install git-lfs'],
    ['git-lfs-missing', 'fedora', 'sudo dnf install git-lfs'],
    ['git-lfs-missing', 'linux', 'git lfs install'],
    ['git-xet-missing', 'windows', 'winget install git-xet'],
    ['git-xet-missing', 'macos', 'brew install git-xet'],
    ['git-xet-missing', 'debian', 'git_xet/install.sh'],
    ['openssh-missing', 'windows', 'OpenSSH Client'],
    ['openssh-missing', 'debian', 'sudo apt install openssh-client'],
    ['openssh-missing', 'fedora', 'sudo dnf install openssh-clients'],
    ['agent-not-running', 'windows', 'Set-Service ssh-agent -StartupType Automatic\nStart-Service ssh-agent'],
    ['agent-not-running', 'windows', 'OpenSSH Authentication Agent'],
    ['agent-not-running', 'macos', 'log in'],
    ['agent-not-running', 'debian', 'eval "$(ssh-agent -s)"'],
    ['agent-not-running', 'linux', 'eval "$(ssh-agent -s)"'],
    ['agent-unreachable', 'windows', 'Start-Service ssh-agent'],
    ['agent-unreachable', 'fedora', 'eval "$(ssh-agent -s)"'],
    ['ssh-folder-open', 'debian', 'chmod 700 ~/.ssh'],
    ['ssh-key-open', 'macos', 'chmod 600 ~/.ssh/id_ed25519'],
    ['ssh-config-open', 'linux', 'chmod 600 ~/.ssh/config'],
    ['ssh-folder-not-folder', 'debian', 'mv ~/.ssh ~/.ssh.old'],
    ['identity-missing', 'windows', 'git config --global user.name "Your Name"'],
    ['identity-missing', 'debian', 'git config --global user.email "you@example.com"'],
  ];
  it.each(EXPECTED)('%s on %s says %j', (key, os, expected) => {
    expect(fixFor(key, os, { files: ['id_ed25519'] })).toContain(expected);
  });

  it('never tells Windows users to run apt, dnf or chmod, nor Linux users to use winget', () => {
    for (const key of FIX_KEYS) {
      expect(fixFor(key, 'windows', { files: ['id_rsa'] })).not.toMatch(/\bapt\b|\bdnf\b|chmod|brew/);
      expect(fixFor(key, 'debian', { files: ['id_rsa'] })).not.toMatch(/winget|PowerShell|\bdnf\b|brew/);
      expect(fixFor(key, 'fedora', { files: ['id_rsa'] })).not.toMatch(/winget|PowerShell|\bapt\b|brew/);
    }
  });

  it('fills in the folder, the files and only the missing git settings', () => {
    expect(fixFor('ssh-key-open', 'debian', { sshDir: '/tmp/h/.ssh', files: ['id_rsa', 'id_ed25519'] })).toBe(
      'Make the key files readable by you alone. In a terminal:\nchmod 600 /tmp/h/.ssh/id_rsa /tmp/h/.ssh/id_ed25519',
    );
    const emailOnly = fixFor('identity-missing', 'macos', { identity: ['user.email'] });
    expect(emailOnly).toContain('git config --global user.email "you@example.com"');
    expect(emailOnly).not.toContain('user.name');
  });
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateKey,
  KeyGenError,
  keyAclCommands,
  type CommandRunner,
} from '../../../../main/features/ssh/generate-key';

// Issue 13 ("Degrades"): a new key on Windows would inherit ~/.ssh's ACL, and Win32-OpenSSH
// refuses a private key others can read ("UNPROTECTED PRIVATE KEY FILE": openssh-portable
// contrib/win32/win32compat/w32-sshfileperm.c, check_secure_file_permission). icacls with
// /inheritance:r and /grant:r USER:F leaves the owner alone (Microsoft's icacls reference).

const WINDOWS_ENV = {
  SystemRoot: 'C:\\Windows',
  USERNAME: 'Ann Lee',
  USERDOMAIN: 'ANN-PC',
  PATH: process.env.PATH,
};

describe('keyAclCommands', () => {
  it('plans icacls from SystemRoot on Windows, for the owner as DOMAIN\\user', () => {
    expect(keyAclCommands('win32', WINDOWS_ENV, 'C:\\Users\\Ann Lee\\.ssh\\.hfgd-new-1\\key')).toEqual([
      {
        command: 'C:\\Windows\\System32\\icacls.exe',
        args: [
          'C:\\Users\\Ann Lee\\.ssh\\.hfgd-new-1\\key',
          '/inheritance:r',
          '/grant:r',
          'ANN-PC\\Ann Lee:F',
        ],
      },
    ]);
  });

  it('plans nothing on Linux and macOS, where mode 0600 is the whole story', () => {
    expect(keyAclCommands('linux', WINDOWS_ENV, '/home/ann/.ssh/key')).toEqual([]);
    expect(keyAclCommands('darwin', WINDOWS_ENV, '/Users/ann/.ssh/key')).toEqual([]);
  });
});

describe('generateKey on Windows (platform injected, icacls recorded)', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'hfgd-acl-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('runs icacls on the new private key before it is linked into place', async () => {
    const calls: { command: string; args: readonly string[]; keyThere: boolean }[] = [];
    const runner: CommandRunner = (command, args) => {
      calls.push({ command, args, keyThere: existsSync(join(home, '.ssh', 'id_ed25519')) });
      return Promise.resolve({ exitCode: 0, stderr: '' });
    };
    const key = await generateKey(
      home,
      { name: 'id_ed25519', comment: 'ann', passphrase: null },
      WINDOWS_ENV,
      'win32',
      runner,
    );
    expect(key.name).toBe('id_ed25519');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.command).toBe('C:\\Windows\\System32\\icacls.exe');
    expect(calls[0]?.args.slice(1)).toEqual(['/inheritance:r', '/grant:r', 'ANN-PC\\Ann Lee:F']);
    expect(calls[0]?.args[0]).toMatch(/\.hfgd-new-[^/]+\/key$/);
    expect(calls[0]?.keyThere).toBe(false);
  });

  it('keeps no key when icacls fails', async () => {
    const runner: CommandRunner = () => Promise.resolve({ exitCode: 5, stderr: 'Access is denied.' });
    const failed = await generateKey(
      home,
      { name: 'id_ed25519', comment: '', passphrase: null },
      WINDOWS_ENV,
      'win32',
      runner,
    ).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(KeyGenError);
    expect((failed as KeyGenError).details).toBe('Access is denied.');
    expect(existsSync(join(home, '.ssh', 'id_ed25519'))).toBe(false);
  });

  it('runs nothing extra on Linux', async () => {
    const calls: string[] = [];
    const runner: CommandRunner = (command) => {
      calls.push(command);
      return Promise.resolve({ exitCode: 0, stderr: '' });
    };
    await generateKey(
      home,
      { name: 'id_ed25519', comment: '', passphrase: null },
      { PATH: process.env.PATH },
      'linux',
      runner,
    );
    expect(calls).toEqual([]);
  });
});

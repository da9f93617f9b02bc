import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { opensshProgram, shellWordForProgram, sshProgram } from '../../../main/core/ssh-program';

// Issue 13, item 4: one ssh for the connection test and for git. Git for Windows' launcher puts
// its own folders first on PATH (compat/win32/git-wrapper.c) and runs GIT_SSH_COMMAND through sh
// (git's connect.c, use_shell), so a bare `ssh` there is its MSYS ssh.exe, which cannot reach the
// Windows agent service; the in-box %SystemRoot%\System32\OpenSSH\ssh.exe can.

const INBOX = 'C:\\Windows\\System32\\OpenSSH\\ssh.exe';
const GIT_SSH = 'C:\\Program Files\\Git\\usr\\bin\\ssh.exe';
const only =
  (...files: string[]) =>
  (path: string) =>
    files.includes(path);

describe('sshProgram', () => {
  it('picks the in-box OpenSSH on Windows, whatever PATH says first', () => {
    const env = { SystemRoot: 'C:\\Windows', PATH: 'C:\\Program Files\\Git\\usr\\bin;C:\\Windows\\System32' };
    expect(sshProgram('win32', env, only(INBOX, GIT_SSH))).toBe(INBOX);
  });

  it('reads SystemRoot in any letter case, as Windows does', () => {
    expect(sshProgram('win32', { SYSTEMROOT: 'D:\\Win' }, only('D:\\Win\\System32\\OpenSSH\\ssh.exe'))).toBe(
      'D:\\Win\\System32\\OpenSSH\\ssh.exe',
    );
  });

  it('falls back to the first ssh.exe on PATH, by its full path, then to plain ssh', () => {
    const env = { SystemRoot: 'C:\\Windows', Path: 'relative\\bin;"C:\\Program Files\\Git\\usr\\bin";C:\\x' };
    expect(sshProgram('win32', env, only(GIT_SSH))).toBe(GIT_SSH);
    expect(sshProgram('win32', env, only())).toBe('ssh');
  });

  it('is plain ssh on Linux and macOS, where the test and git share one PATH', () => {
    expect(sshProgram('linux', { PATH: '/usr/bin' }, () => true)).toBe('ssh');
    expect(sshProgram('darwin', { PATH: '/usr/bin' }, () => true)).toBe('ssh');
  });
});

describe('shellWordForProgram', () => {
  it('writes a Windows path with forward slashes, quoted when it has spaces', () => {
    expect(shellWordForProgram(INBOX, 'win32')).toBe('C:/Windows/System32/OpenSSH/ssh.exe');
    expect(shellWordForProgram(GIT_SSH, 'win32')).toBe("'C:/Program Files/Git/usr/bin/ssh.exe'");
    expect(shellWordForProgram('ssh', 'linux')).toBe('ssh');
    expect(shellWordForProgram("/opt/it's/ssh", 'linux')).toBe("'/opt/it'\\''s/ssh'");
  });

  it('gives a word sh reads back as the same path (real sh)', () => {
    const word = shellWordForProgram("C:\\Program Files\\O'Brien\\ssh.exe", 'win32');
    const echoed = spawnSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' });
    expect(echoed.stdout).toBe("C:/Program Files/O'Brien/ssh.exe");
  });
});

describe('opensshProgram', () => {
  it('takes ssh-add from the in-box OpenSSH on Windows too, and leaves it to PATH elsewhere', () => {
    const env = { SystemRoot: 'C:\\Windows', PATH: 'C:\\Program Files\\Git\\usr\\bin' };
    const inBox = 'C:\\Windows\\System32\\OpenSSH\\ssh-add.exe';
    expect(
      opensshProgram('ssh-add', 'win32', env, only(inBox, 'C:\\Program Files\\Git\\usr\\bin\\ssh-add.exe')),
    ).toBe(inBox);
    expect(opensshProgram('ssh-add', 'darwin', env, () => true)).toBe('ssh-add');
  });
});

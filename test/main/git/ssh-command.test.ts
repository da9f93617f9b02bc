import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGlobalSshCommand } from '../../../main/git/config';
import { gitContext, gitEnvironment, gitSshCommand, sshCommandDecision } from '../../../main/git/environment';

// Issue 13, item 4. git-config(1), core.sshCommand: "The command is in the same form as the
// GIT_SSH_COMMAND environment variable and is overridden when the environment variable is set":
// a command the person configured wins only if the app leaves GIT_SSH_COMMAND unset.

const HOME = '/home/ann';

describe('sshCommandDecision', () => {
  it('uses the app’s ssh command when the person set none', () => {
    for (const configured of [undefined, '', '  ']) {
      expect(sshCommandDecision(configured, HOME, 'ssh', 'linux')).toEqual({
        kind: 'app',
        command: gitSshCommand(HOME, 'ssh', 'linux'),
      });
    }
  });

  it('keeps the person’s core.sshCommand on every OS, and says so', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const decision = sshCommandDecision('ssh -i ~/.ssh/work', HOME, 'ssh', platform);
      expect(decision.kind).toBe('configured');
      if (decision.kind !== 'configured') throw new Error('expected the configured command');
      expect(decision.command).toBe('ssh -i ~/.ssh/work');
      expect(decision.notice).toContain('core.sshCommand = ssh -i ~/.ssh/work');
    }
  });
});

describe('GIT_SSH_COMMAND', () => {
  it('names the in-box Windows ssh as sh reads it', () => {
    const command = gitSshCommand('C:\\Users\\Ann', 'C:\\Windows\\System32\\OpenSSH\\ssh.exe', 'win32');
    expect(command.startsWith('C:/Windows/System32/OpenSSH/ssh.exe ')).toBe(true);
    expect(command.endsWith('-o BatchMode=yes -o StrictHostKeyChecking=yes')).toBe(true);
  });

  it('falls back to plain ssh on a Windows with neither the in-box ssh nor one on PATH', () => {
    const env = gitEnvironment({
      home: 'C:\\Users\\Ann',
      env: { SystemRoot: 'Z:\\NoSuchWindows', PATH: '' },
      platform: 'win32',
    });
    expect(env.GIT_SSH_COMMAND?.startsWith('ssh ')).toBe(true);
  });

  it('is left unset over a configured core.sshCommand, on Linux too', () => {
    const context = gitContext(
      { home: HOME },
      { PATH: '/usr/bin' },
      {
        sshAuthSock: undefined,
        configuredSshCommand: 'ssh -i ~/.ssh/work',
      },
    );
    const env = gitEnvironment(context);
    expect(env.GIT_SSH_COMMAND).toBeUndefined();
    expect(env.GIT_SSH_VARIANT).toBeUndefined();
    expect(env.GIT_TERMINAL_PROMPT).toBe('0');
    expect(gitEnvironment(gitContext({ home: HOME }, { PATH: '/usr/bin' })).GIT_SSH_COMMAND).toMatch(/^ssh /);
  });
});

describe('readGlobalSshCommand (real git, temp home)', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'hfgd-sshcmd-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('is undefined when the person set none, and their command when they did', async () => {
    const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
    expect(await readGlobalSshCommand(gitContext({ home }, env))).toBeUndefined();
    writeFileSync(join(home, '.gitconfig'), '[core]\n\tsshCommand = ssh -i ~/.ssh/work_key\n');
    expect(await readGlobalSshCommand(gitContext({ home }, env))).toBe('ssh -i ~/.ssh/work_key');
  });
});

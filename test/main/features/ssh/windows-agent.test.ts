import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { AgentError, ensureAgent, windowsAgentMessage } from '../../../../main/features/ssh/agent';
import {
  agentAnswered,
  SC_QUERIES,
  scCommand,
  windowsAgentFix,
  windowsAgentState,
} from '../../../../main/features/ssh/windows-agent';

// Issue 13, item 3. On Windows SSH_AUTH_SOCK is normally unset and the OpenSSH clients use the
// service's pipe \\.\pipe\openssh-ssh-agent by themselves (PowerShell/openssh-portable,
// contrib/win32/win32compat), so ssh-add's exit code (ssh-add(1): 0 listed, 1 none, 2 no agent)
// decides without the variable. On exit 2 the Service Control Manager tells a disabled service
// (the default on a new install) from a stopped one; the outputs below are sc.exe's layout
// (Microsoft's `sc.exe qc` / `sc.exe query` reference).

const QC_DISABLED = `[SC] QueryServiceConfig SUCCESS

SERVICE_NAME: ssh-agent
        TYPE               : 10  WIN32_OWN_PROCESS
        START_TYPE         : 4   DISABLED
        ERROR_CONTROL      : 1   NORMAL
        BINARY_PATH_NAME   : C:\\WINDOWS\\System32\\OpenSSH\\ssh-agent.exe
        DISPLAY_NAME       : OpenSSH Authentication Agent
        SERVICE_START_NAME : LocalSystem
`;
const QC_MANUAL = QC_DISABLED.replace('4   DISABLED', '3   DEMAND_START');
const QC_AUTO = QC_DISABLED.replace('4   DISABLED', '2   AUTO_START');
const QUERY = (state: string) => `
SERVICE_NAME: ssh-agent
        TYPE               : 10  WIN32_OWN_PROCESS
        STATE              : ${state}
        WIN32_EXIT_CODE    : 1077  (0x435)
        SERVICE_EXIT_CODE  : 0  (0x0)
        CHECKPOINT         : 0x0
        WAIT_HINT          : 0x0
`;
const MISSING = `[SC] OpenService FAILED 1060:

The specified service does not exist as an installed service.
`;
const ok = (stdout: string) => ({ exitCode: 0, stdout });

describe('agentAnswered', () => {
  it('needs SSH_AUTH_SOCK on Linux and macOS', () => {
    expect(agentAnswered('linux', undefined, 0)).toBe(false);
    expect(agentAnswered('darwin', undefined, 1)).toBe(false);
    expect(agentAnswered('linux', '/tmp/agent.sock', 1)).toBe(true);
  });

  it('takes exit 0 or 1 without the variable as the service answering on Windows', () => {
    expect(agentAnswered('win32', undefined, 0)).toBe(true);
    expect(agentAnswered('win32', undefined, 1)).toBe(true);
    expect(agentAnswered('win32', undefined, 2)).toBe(false);
    expect(agentAnswered('win32', undefined, null)).toBe(false);
  });
});

describe('windowsAgentState', () => {
  it('tells disabled (the default) from stopped, running and not installed', () => {
    expect(windowsAgentState(ok(QC_DISABLED), ok(QUERY('1  STOPPED')))).toBe('disabled');
    expect(windowsAgentState(ok(QC_MANUAL), ok(QUERY('1  STOPPED')))).toBe('stopped');
    expect(windowsAgentState(ok(QC_AUTO), ok(QUERY('4  RUNNING')))).toBe('running');
    expect(windowsAgentState({ exitCode: 1060, stdout: MISSING }, { exitCode: 1060, stdout: MISSING })).toBe(
      'missing',
    );
    expect(windowsAgentState({ exitCode: null, stdout: '' }, { exitCode: null, stdout: '' })).toBe('unknown');
  });

  it('asks sc.exe under SystemRoot, whatever the letter case of the variable', () => {
    expect(scCommand({ SYSTEMROOT: 'D:\\Win' })).toBe('D:\\Win\\System32\\sc.exe');
    expect(scCommand({})).toBe('C:\\Windows\\System32\\sc.exe');
    expect(SC_QUERIES).toEqual({ config: ['qc', 'ssh-agent'], status: ['query', 'ssh-agent'] });
  });
});

describe('the fix for each state', () => {
  it('enables a disabled service before starting it; starts a stopped one', () => {
    expect(windowsAgentFix('disabled')).toEqual([
      'Get-Service ssh-agent | Set-Service -StartupType Automatic',
      'Start-Service ssh-agent',
    ]);
    expect(windowsAgentFix('stopped')).toEqual(['Start-Service ssh-agent']);
    expect(windowsAgentFix('running')).toEqual([]);
  });

  it('says it in words, with the commands for an administrator PowerShell', () => {
    const disabled = windowsAgentMessage('disabled');
    expect(disabled?.message).toMatch(/turned off/);
    expect(disabled?.hint).toBe(
      'Open PowerShell as administrator and run: Get-Service ssh-agent | Set-Service -StartupType Automatic, then Start-Service ssh-agent. Then try again.',
    );
    expect(windowsAgentMessage('stopped')?.hint).toBe(
      'Open PowerShell as administrator and run: Start-Service ssh-agent. Then try again.',
    );
    expect(windowsAgentMessage('missing')?.hint).toMatch(/OpenSSH Client/);
    expect(windowsAgentMessage('running')).toBeUndefined();
  });
});

describe('ensureAgent on Windows (platform injected)', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'hfgd-winagent-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('never starts an agent of its own, and explains when the service does not answer', async () => {
    // Here ssh-add finds no agent (exit 2) and there is no sc.exe: the words for an unknown state.
    const session = createSession({});
    const failed = await ensureAgent(home, session, { PATH: process.env.PATH }, '8h', 'win32').catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(AgentError);
    expect((failed as AgentError).code).toBe('agent_unavailable');
    expect((failed as AgentError).hint).toMatch(/Start-Service ssh-agent/);
    expect(session.ownAgent).toBeUndefined();
    expect(session.cleanups).toEqual([]);
  });
});

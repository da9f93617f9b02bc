import { win32 } from 'node:path';
import { readEnv } from '../../core/run';

/**
 * The pipe Windows' OpenSSH clients use for the agent when SSH_AUTH_SOCK is unset
 * (PowerShell/openssh-portable contrib/win32/win32compat/ssh-agent, served by the "OpenSSH
 * Authentication Agent" service, ssh-agent.exe): the variable is normally absent on Windows.
 */
export const WINDOWS_AGENT_PIPE = '\\\\.\\pipe\\openssh-ssh-agent';

/** The Windows agent service as the Service Control Manager reports it. */
export type WindowsAgentState = 'running' | 'stopped' | 'disabled' | 'missing' | 'unknown';

/** What a command printed and how it ended: the part of `run`'s outcome the parsers need. */
export interface CommandOutput {
  readonly exitCode: number | null;
  readonly stdout: string;
}

/**
 * Whether `ssh-add -l` reached an agent, by its documented exit codes (ssh-add(1): 0 keys listed,
 * 1 none or a failure, 2 no agent). Off Windows only a set SSH_AUTH_SOCK can lead to one; on
 * Windows ssh-add falls back to WINDOWS_AGENT_PIPE itself, so 0 and 1 mean reachable without it.
 */
export function agentAnswered(
  platform: NodeJS.Platform,
  socket: string | undefined,
  exitCode: number | null,
): boolean {
  if (!socket && platform !== 'win32') return false;
  return exitCode === 0 || exitCode === 1;
}

/** sc.exe under SystemRoot: `sc` alone is PowerShell's alias for Set-Content. */
export function scCommand(env: NodeJS.ProcessEnv): string {
  return win32.join(readEnv(env, 'SystemRoot', 'win32') ?? 'C:\\Windows', 'System32', 'sc.exe');
}

/** The two questions asked of the Service Control Manager, as sc.exe arguments. */
export const SC_QUERIES = { config: ['qc', 'ssh-agent'], status: ['query', 'ssh-agent'] } as const;

/**
 * The service's state from `sc.exe qc ssh-agent` and `sc.exe query ssh-agent` (Microsoft's sc.exe
 * reference): `START_TYPE : 4 DISABLED` is the default on a new Windows install, where
 * `Start-Service` alone fails (error 1058, "the service cannot be started ... because it is
 * disabled"); `STATE : 1 STOPPED` or `4 RUNNING` otherwise; error 1060 means no such service
 * (the OpenSSH Client optional feature is not installed).
 */
export function windowsAgentState(config: CommandOutput, status: CommandOutput): WindowsAgentState {
  // sc.exe exits with the Win32 error code; its text says `OpenService FAILED 1060`.
  if (config.exitCode === 1060 || status.exitCode === 1060) return 'missing';
  if (/FAILED 1060\b/.test(`${config.stdout}\n${status.stdout}`)) return 'missing';
  if (/START_TYPE\s*:\s*4\b|START_TYPE\s*:.*DISABLED/i.test(config.stdout)) return 'disabled';
  if (/STATE\s*:\s*4\b|STATE\s*:.*RUNNING/i.test(status.stdout)) return 'running';
  if (/STATE\s*:\s*1\b|STATE\s*:.*STOPPED/i.test(status.stdout)) return 'stopped';
  return 'unknown';
}

/** The PowerShell commands (an administrator's window) that fix each state. */
export function windowsAgentFix(state: WindowsAgentState): readonly string[] {
  switch (state) {
    case 'disabled':
      return ['Get-Service ssh-agent | Set-Service -StartupType Automatic', 'Start-Service ssh-agent'];
    case 'stopped':
    case 'unknown':
      return ['Start-Service ssh-agent'];
    case 'running':
    case 'missing':
      return [];
  }
}

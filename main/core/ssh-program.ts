import { statSync } from 'node:fs';
import { win32 } from 'node:path';
import { readEnv } from './run';

/** Whether a path is an existing file; the filesystem in the app, a fake in tests. */
export type IsFile = (path: string) => boolean;

/** The real check, for the app: a file that exists (not a folder). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The one ssh the connection test and git both run, so what the test proved is what git uses.
 * Windows: `%SystemRoot%\System32\OpenSSH\ssh.exe` (the in-box OpenSSH Client, the one that
 * reaches the agent service's pipe) when it exists. Git for Windows' launcher puts its own folders
 * before the inherited PATH (compat/win32/git-wrapper.c, setup_environment) and runs
 * GIT_SSH_COMMAND through its sh (git's connect.c sets use_shell), so a bare `ssh` there is its
 * MSYS `usr\bin\ssh.exe`, which cannot talk to that pipe. Without the in-box one: the first
 * ssh.exe on the app's PATH, named absolutely for the same reason.
 * Elsewhere plain `ssh`: the test and git get the same PATH from childEnv, so they find the same one.
 */
export function sshProgram(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  exists: IsFile = isFile,
): string {
  return opensshProgram('ssh', platform, env, exists);
}

/**
 * The same choice for OpenSSH's other programs: Windows' ssh-add must be the in-box one too, since
 * only it falls back to the agent service's pipe without SSH_AUTH_SOCK (an MSYS ssh-add on PATH
 * would report "no agent" while the service runs).
 */
export function opensshProgram(
  name: 'ssh' | 'ssh-add' | 'ssh-keygen',
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  exists: IsFile = isFile,
): string {
  if (platform !== 'win32') return name;
  const systemRoot = readEnv(env, 'SystemRoot', platform);
  if (systemRoot) {
    const inBox = win32.join(systemRoot, 'System32', 'OpenSSH', `${name}.exe`);
    if (exists(inBox)) return inBox;
  }
  for (const folder of (readEnv(env, 'PATH', platform) ?? '').split(';')) {
    const clean = folder.trim().replace(/^"(.*)"$/, '$1');
    if (!win32.isAbsolute(clean)) continue;
    const candidate = win32.join(clean, `${name}.exe`);
    if (exists(candidate)) return candidate;
  }
  return name;
}

/**
 * A program path as one word of the POSIX shell Git for Windows runs GIT_SSH_COMMAND with (git's
 * connect.c sets `use_shell` for it): backslashes become forward slashes, which MSYS's sh and
 * Windows both accept as `C:/Windows/...`, then anything beyond a safe set is single-quoted.
 */
export function shellWordForProgram(program: string, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? program.replace(/\\/g, '/') : program;
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

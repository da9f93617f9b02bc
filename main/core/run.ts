import { spawn } from 'node:child_process';
import { win32 } from 'node:path';

/** How a child process ended; never thrown, so callers decide from the text as the Hub's docs do. */
export interface RunOutcome {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The program is not installed (ENOENT), or not executable. */
  readonly notFound: boolean;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  readonly durationMs: number;
}

export interface RunOptions {
  /** The child's whole environment: build it deliberately (see childEnv), never spread secrets into it. */
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly cwd?: string;
  /** Written to stdin, then stdin is closed. The only channel a secret may travel on. */
  readonly input?: string;
  readonly signal?: AbortSignal;
  /** Called with each chunk of stdout/stderr as it arrives, for live panels. */
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /**
   * Stops the whole process tree on cancel or timeout, not just the child (POSIX: the child leads
   * its own process group; Windows: taskkill /T). For git, whose hooks and git-lfs would otherwise
   * keep uploading.
   */
  readonly killTree?: boolean;
  /** How stdout is decoded; latin1 keeps every byte as one character (for binary output). */
  readonly stdoutEncoding?: 'utf8' | 'latin1';
  /** Cap on collected output per stream, so a runaway child cannot fill memory. */
  readonly maxOutputBytes?: number;
}

/** Counts every process the services spawn: the benchmark reads it to hold the check to its budget. */
export const spawnCounter = { count: 0 };

/**
 * Runs one program with an argument array (never a shell string), a hard timeout and an optional
 * cancellation signal. On timeout or cancel the child gets SIGTERM, then SIGKILL a second later
 * (with killTree: its process group on POSIX, `taskkill /T /F` on Windows, see treeKill).
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const limit = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    spawnCounter.count += 1;
    const tree = options.killTree === true ? treeKill(process.platform, process.env) : undefined;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: tree?.detached ?? false,
    });
    const signalTree = (signal: NodeJS.Signals): void => {
      if (tree?.kind === 'group' && child.pid !== undefined) {
        try {
          process.kill(-child.pid, signal);
          return;
        } catch {
          // The group is gone already; fall through to the child itself.
        }
      }
      if (tree?.kind === 'command' && signal === 'SIGTERM' && child.pid !== undefined) {
        // Windows has no SIGTERM: end the tree at once. taskkill /T finds the children through
        // their parent, so the launcher must still be alive: its own kill() waits for the second
        // step, in case taskkill could not run.
        const killer = spawn(tree.command, tree.args(child.pid), {
          stdio: 'ignore',
          windowsHide: true,
          timeout: 10_000,
        });
        killer.on('error', () => undefined);
        return;
      }
      child.kill(signal);
    };
    const finish = (exitCode: number | null, notFound: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode,
        stdout,
        stderr,
        notFound,
        timedOut,
        cancelled,
        durationMs: performance.now() - started,
      });
    };
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      signalTree('SIGTERM');
      killTimer = setTimeout(() => signalTree('SIGKILL'), 1000);
      killTimer.unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding(options.stdoutEncoding ?? 'utf8').on('data', (text: string) => {
      if (stdout.length < limit) stdout += text;
      options.onOutput?.('stdout', text);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      if (stderr.length < limit) stderr += text;
      options.onOutput?.('stderr', text);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(null, error.code === 'ENOENT' || error.code === 'EACCES');
    });
    child.on('close', (code) => finish(code, false));
  });
}

/**
 * Variables every child may inherit from the app's own environment, on every OS: nothing secret,
 * nothing GIT_* (simple-git strips those, and we would rather not rely on it), no HF_TOKEN.
 */
const INHERITED_EVERYWHERE = ['PATH', 'TMPDIR', 'TEMP', 'TMP', 'USER', 'LOGNAME'] as const;

/**
 * What a Windows child needs, spelled as Windows spells them (names are case-insensitive there).
 * - ProgramData: Win32-OpenSSH's init_prog_paths() calls fatal("couldn't find ProgramData
 *   environment variable") without it, so every ssh, ssh-add and ssh-keygen exits 255
 *   (PowerShell/openssh-portable contrib/win32/win32compat/w32fd.c). libuv does not put it back.
 * - HOMEDRIVE, HOMEPATH, LOGONSERVER, SystemDrive, SystemRoot, USERDOMAIN, USERNAME, WINDIR:
 *   libuv's required_vars (src/win/process.c), which Cygwin, hence Git for Windows' MSYS2 tools
 *   and hooks, need; libuv back-fills them, we pass them so nothing depends on that.
 * - APPDATA, LOCALAPPDATA, ALLUSERSPROFILE, ProgramFiles*, CommonProgramFiles*: where Git for
 *   Windows finds its system config and Git Credential Manager (.NET) its store and settings.
 * - ComSpec, PATHEXT, OS, PROCESSOR_ARCHITECTURE, NUMBER_OF_PROCESSORS, COMPUTERNAME: what
 *   cmd-based launchers, git's `sh` scripts and .NET read to describe the machine.
 * USERPROFILE is passed, then pointed at the settings' home like HOME.
 */
const INHERITED_ON_WINDOWS = [
  'ProgramData',
  'ALLUSERSPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'ProgramW6432',
  'CommonProgramFiles',
  'CommonProgramFiles(x86)',
  'CommonProgramW6432',
  'SystemDrive',
  'SystemRoot',
  'WINDIR',
  'ComSpec',
  'PATHEXT',
  'COMPUTERNAME',
  'OS',
  'PROCESSOR_ARCHITECTURE',
  'NUMBER_OF_PROCESSORS',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOGONSERVER',
  'USERNAME',
  'USERDOMAIN',
  'USERPROFILE',
] as const;

/**
 * What a credential helper on a freedesktop system (Linux, the BSDs) needs to reach the keyring:
 * libsecret and Git Credential Manager's `secretservice` store talk to the Secret Service over the
 * D-Bus session bus, found through DBUS_SESSION_BUS_ADDRESS or, when that is unset, the user bus
 * $XDG_RUNTIME_DIR/bus that GLib's GDBus (libsecret's D-Bus) falls back to (glib
 * gio/gdbusaddress.c, get_session_address_xdg). An unlock prompt is the keyring daemon's own
 * window, so the client needs no display for it.
 */
const INHERITED_ON_FREEDESKTOP = ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR'] as const;

/**
 * The display, for the few children that must show a prompt of their own (a credential store that
 * asks through gpg's pinentry, say). Never passed by default: with DISPLAY set and no terminal,
 * OpenSSH's read_passphrase() and notify_start() run SSH_ASKPASS or its compiled-in default
 * (openssh-portable readpass.c), so any ssh, ssh-add or ssh-keygen the app starts could open
 * OpenSSH's own dialog where the app expects a clean failure or its own askpass.
 */
const DISPLAY_VARIABLES = ['DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY'] as const;

/**
 * The display variables of `parent` on a freedesktop platform (none on Windows or macOS), to pass
 * as childEnv's `extra` to a child that must be able to show its own prompt.
 */
export function displayEnv(
  parent: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  if (platform === 'win32' || platform === 'darwin') return {};
  const env: NodeJS.ProcessEnv = {};
  for (const name of DISPLAY_VARIABLES) if (parent[name] !== undefined) env[name] = parent[name];
  return env;
}

/** The names a child inherits on a platform (macOS needs nothing beyond the common ones). */
function inheritedNames(platform: NodeJS.Platform): readonly string[] {
  if (platform === 'win32') return [...INHERITED_EVERYWHERE, ...INHERITED_ON_WINDOWS];
  if (platform === 'darwin') return INHERITED_EVERYWHERE;
  return [...INHERITED_EVERYWHERE, ...INHERITED_ON_FREEDESKTOP];
}

/**
 * Reads a variable the way the platform does: on Windows names are case-insensitive (`Path` is as
 * common as `PATH`), elsewhere they are exact.
 */
export function readEnv(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  if (env[name] !== undefined) return env[name];
  const wanted = name.toUpperCase();
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === wanted);
  return key === undefined ? undefined : env[key];
}

/**
 * Sets a variable, replacing any spelling of it on Windows: Node keeps only the first of two
 * names that differ in case (in sorted order), so a `Path` beside our `PATH` would be dropped or win
 * by accident.
 */
function assign(
  env: NodeJS.ProcessEnv,
  name: string,
  value: string | undefined,
  platform: NodeJS.Platform,
): void {
  if (platform === 'win32') {
    const wanted = name.toUpperCase();
    for (const key of Object.keys(env)) if (key.toUpperCase() === wanted) delete env[key];
  }
  env[name] = value;
}

/**
 * Builds a child's environment on purpose: PATH and what the OS's own programs need, HOME pointed
 * at the settings' home, C locale so output can be read, the agent socket if there is one, and
 * nothing else (no HF_TOKEN, no GIT_* from the host). `extra` wins over everything inherited.
 */
export function childEnv(
  home: string,
  parent: NodeJS.ProcessEnv,
  extra: NodeJS.ProcessEnv = {},
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of inheritedNames(platform)) {
    const value = readEnv(parent, name, platform);
    if (value !== undefined) env[name] = value;
  }
  env.HOME = home;
  if (platform === 'win32') env.USERPROFILE = home;
  env.LC_ALL = 'C';
  env.LANG = 'C';
  const agent = readEnv(parent, 'SSH_AUTH_SOCK', platform);
  if (agent) env.SSH_AUTH_SOCK = agent;
  for (const [name, value] of Object.entries(extra)) assign(env, name, value, platform);
  return env;
}

/** How `run` stops a process tree on one platform; pure, so each platform's way is tested. */
export type TreeKill =
  /** POSIX: the child leads its own process group (spawned detached), so the group is signalled. */
  | { readonly kind: 'group'; readonly detached: true }
  /**
   * Windows has no process groups to signal and Node's kill() ends only the one process (for git,
   * Git for Windows' cmd\git.exe launcher, leaving mingw64\bin\git.exe, its hooks and git-lfs
   * uploading). `taskkill /T /F /PID` ends the process and every process it started, forcefully
   * (Microsoft's taskkill reference; VS Code's terminateProcess does the same). Named by its full
   * path under SystemRoot so a taskkill.exe earlier on PATH is never run.
   */
  | {
      readonly kind: 'command';
      readonly detached: false;
      readonly command: string;
      readonly args: (pid: number) => readonly string[];
    };

/** The way to stop a child and everything it started on `platform`. */
export function treeKill(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): TreeKill {
  if (platform !== 'win32') return { kind: 'group', detached: true };
  const systemRoot = readEnv(env, 'SystemRoot', 'win32') ?? 'C:\\Windows';
  return {
    kind: 'command',
    detached: false,
    command: win32.join(systemRoot, 'System32', 'taskkill.exe'),
    args: (pid) => ['/T', '/F', '/PID', String(pid)],
  };
}

import { spawn } from 'node:child_process';

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
   * its own process group). For git, whose hooks and git-lfs would otherwise keep uploading.
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
 * cancellation signal. On timeout or cancel the child gets SIGTERM, then SIGKILL a second later.
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
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: options.killTree === true && process.platform !== 'win32',
    });
    const signalTree = (signal: NodeJS.Signals): void => {
      if (options.killTree && process.platform !== 'win32' && child.pid !== undefined) {
        try {
          process.kill(-child.pid, signal);
          return;
        } catch {
          // The group is gone already; fall through to the child itself.
        }
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

/** Variables a child may inherit from the app's own environment: nothing secret, nothing GIT_*. */
const INHERITED = [
  'PATH',
  'SYSTEMROOT',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'TMPDIR',
  'TEMP',
  'TMP',
  'USER',
  'LOGNAME',
  'USERPROFILE',
];

/**
 * Builds a child's environment on purpose: PATH and the like, HOME pointed at the settings'
 * home, C locale so output can be read, the agent socket if there is one, and nothing else
 * (no HF_TOKEN, no GIT_* from the host: simple-git strips those, and we would rather not rely on it).
 */
export function childEnv(
  home: string,
  parent: NodeJS.ProcessEnv,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  env.HOME = home;
  if (process.platform === 'win32') env.USERPROFILE = home;
  env.LC_ALL = 'C';
  env.LANG = 'C';
  if (parent.SSH_AUTH_SOCK) env.SSH_AUTH_SOCK = parent.SSH_AUTH_SOCK;
  return { ...env, ...extra };
}

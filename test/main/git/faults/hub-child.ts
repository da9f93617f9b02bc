import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

// The parent's side of hub-process.ts: start the fake hub as its own process group, then pause,
// resume, throttle or kill it (every process of it: node and the git http-backend it runs) as a
// frozen or dropped connection would look to git. Every test stops what it started.

/** Why: what a test needs to reach the hub and to fault it. */
export interface HubChild {
  readonly httpUrl: string;
  readonly sshHost: string;
  readonly sshPort: number;
  readonly knownHostsLine: string;
  /** NAME/REPO -> the bare repository on disk. */
  readonly repos: Readonly<Record<string, string>>;
  /** Stops every process of the hub where it is (SIGSTOP): sockets stay open, nothing moves. */
  freeze(): void;
  /** Lets it go on (SIGCONT). */
  thaw(): void;
  /**
   * Slows the hub to a fraction of its speed by pausing it most of the time (SIGSTOP/SIGCONT in
   * turn), so a transfer over loopback lasts long enough to be caught mid-way. Returns the stop.
   */
  throttle(runMs: number, pauseMs: number): () => void;
  /** Kills every process of the hub at once (SIGKILL): its connections drop mid-transfer. */
  kill(): Promise<void>;
  /** Ends the hub however it is (thawed first), and removes what it left. */
  stop(): Promise<void>;
}

const signalGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already gone.
  }
};

const ended = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/** Why: one call gives a test a fake hub it can fault, with the given repositories created. */
export async function startHubChild(repos: readonly string[]): Promise<HubChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'hub-process.ts'), ...repos], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR },
  });
  const info = await new Promise<Omit<HubChild, 'freeze' | 'thaw' | 'throttle' | 'kill' | 'stop'>>(
    (resolve, reject) => {
      let text = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        const line = text.split('\n')[0];
        if (text.includes('\n') && line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`hub process ended early (${code})`)));
    },
  );
  const leftovers = Object.entries(info.repos).map(([path, gitDir]) =>
    gitDir.slice(0, gitDir.length - `${path}.git`.length),
  );
  let throttling: NodeJS.Timeout | undefined;
  const unthrottle = (): void => {
    clearTimeout(throttling);
    throttling = undefined;
  };
  return {
    ...info,
    freeze: () => {
      unthrottle();
      signalGroup(child, 'SIGSTOP');
    },
    thaw: () => {
      unthrottle();
      signalGroup(child, 'SIGCONT');
    },
    throttle(runMs, pauseMs) {
      const pause = (): void => {
        signalGroup(child, 'SIGSTOP');
        throttling = setTimeout(run, pauseMs);
      };
      const run = (): void => {
        signalGroup(child, 'SIGCONT');
        throttling = setTimeout(pause, runMs);
      };
      run();
      return () => {
        unthrottle();
        signalGroup(child, 'SIGCONT');
      };
    },
    async kill() {
      unthrottle();
      signalGroup(child, 'SIGKILL');
      await ended(child);
    },
    async stop() {
      unthrottle();
      signalGroup(child, 'SIGCONT');
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
      await ended(child);
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
      for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
    },
  };
}

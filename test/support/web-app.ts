import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A running browser-mode app, started exactly as `npm run web -- --no-open` starts it. */
export interface WebApp {
  readonly url: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
  /** The environment it was started with, to start it again as a restart would. */
  readonly env: NodeJS.ProcessEnv;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Starts out/main/web.js (run `npm run build` first) with a deliberate environment: the test's
 * temp HOME and fake hub, never the machine's own ~/.ssh or agent.
 */
export function startWebApp(env: NodeJS.ProcessEnv): Promise<WebApp> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out', 'main', 'web.js'), '--no-open'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`browser mode did not print its URL in time:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], output: () => output, stop, env });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

import { execFile } from 'node:child_process';
import { join } from 'node:path';

// main/entry/doctor.ts as a real child process, the way `npm run doctor` runs it (tsx), but started
// with this node directly so PATH can be a stub folder without node in it.
const ROOT = join(__dirname, '..', '..');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Why: how one doctor run ended. */
export interface DoctorOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Why: what a test may give the doctor besides arguments and environment. */
export interface DoctorOptions {
  /** Written to the doctor's stdin (for `--explain -`); stdin is closed either way. */
  readonly input?: string | Buffer;
}

/** Why: runs the doctor asynchronously (a fake hub in the test's process must keep answering). */
export function runDoctor(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: DoctorOptions = {},
): Promise<DoctorOutcome> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [TSX_CLI, 'main/entry/doctor.ts', ...args],
      { cwd: ROOT, env, timeout: 30_000, encoding: 'utf8', maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
    // A doctor that stops reading early (input over the limit) closes the pipe: not an error here.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

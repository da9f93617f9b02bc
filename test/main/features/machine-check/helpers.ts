import childProcess, { type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckId, CheckItem } from '../../../../preload/contract';
import { runMachineCheck, type MachineCheckOptions } from '../../../../main/features/machine-check/check';

/** os-release of the Debian 12 image the project is built on. */
export const DEBIAN_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';

/** Temp folders made by a test file; `cleanup()` in afterEach/afterAll removes them all. */
export function tempFolders(): { make: (prefix?: string) => string; cleanup: () => void } {
  const made: string[] = [];
  return {
    make: (prefix = 'hfgd-mc-') => {
      const folder = mkdtempSync(join(tmpdir(), prefix));
      made.push(folder);
      return folder;
    },
    cleanup: () => {
      for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Writes an executable shell script; stubs use absolute paths because PATH may be a stub folder alone. */
export function writeScript(folder: string, name: string, body: string): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Runs the whole check with a Debian os-release and returns one item, for tests about one probe. */
export async function checkItem(
  id: CheckId,
  options: Omit<MachineCheckOptions, 'osRelease'> & { readonly osRelease?: string },
): Promise<CheckItem> {
  const report = await runMachineCheck({ osRelease: DEBIAN_OS_RELEASE, ...options });
  const item = report.items.find((candidate) => candidate.id === id);
  if (item === undefined) throw new Error(`no ${id} item in the report`);
  return item;
}

/**
 * Counts every child_process.spawn in this process, whoever calls it (run() and simple-git alike),
 * by swapping the builtin's export and syncing the ESM bindings that modules imported. This is
 * the independent measure the spawnCounter figure is held against.
 */
export function spawnSpy(): { readonly calls: string[]; restore: () => void } {
  const original = childProcess.spawn;
  const calls: string[] = [];
  const call = original as (...args: unknown[]) => ChildProcess;
  childProcess.spawn = ((...args: unknown[]) => {
    const [command, commandArgs] = args;
    calls.push([String(command), ...(Array.isArray(commandArgs) ? commandArgs.map(String) : [])].join(' '));
    return call(...args);
  }) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  return {
    calls,
    restore: () => {
      childProcess.spawn = original;
      syncBuiltinESMExports();
    },
  };
}

/** A real OpenSSH agent on a socket in `folder`, in the foreground (-D) so stop() ends exactly it. */
export async function startAgent(
  folder: string,
): Promise<{ readonly socket: string; stop: () => Promise<void> }> {
  const socket = join(folder, 'agent.sock');
  const agent = childProcess.spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => agent.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (agent.exitCode === null && agent.signalCode === null) agent.kill('SIGTERM');
    await exited;
  };
  for (let waited = 0; !existsSync(socket); waited += 20) {
    if (waited > 5000 || agent.exitCode !== null) {
      await stop();
      throw new Error('ssh-agent did not create its socket');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { socket, stop };
}

/** A passphrase-less ed25519 key made by the real ssh-keygen, with a comment the report must not leak. */
export function makeKey(folder: string, comment: string): string {
  const file = join(folder, 'id_ed25519');
  childProcess.execFileSync('ssh-keygen', ['-t', 'ed25519', '-N', '', '-q', '-C', comment, '-f', file]);
  return file;
}

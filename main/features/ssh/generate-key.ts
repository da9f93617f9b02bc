import { link, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, win32 } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GenerateKeyRequest, KeyInfo } from '../../../preload/contract';
import { childEnv, readEnv, run } from '../../core/run';
import { opensshProgram } from '../../core/ssh-program';
import { withAskpass } from './askpass';
import { describeKey } from './list-keys';
import { ensureSshDir, SshDirError } from './ssh-dir';

/** Why a key could not be made, with the code the contract names. */
export class KeyGenError extends Error {
  constructor(
    readonly code: 'key_name_taken' | 'keygen_failed' | 'ssh_dir_unusable',
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

// Runs in a worker thread: ssh2's bcrypt KDF is synchronous (~300 ms at 16 rounds) and would
// freeze the app's event loop. The passphrase reaches it by workerData, in-process only.
// ssh2 1.17 sometimes strips a leading 0x00 from an ed25519 public key (about 1 in 256),
// which yields a key neither ssh2 nor OpenSSH accepts: such a pair is thrown away and redone.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { utils } = require(workerData.ssh2);
const options = { comment: workerData.comment };
if (workerData.passphrase !== null) {
  options.passphrase = workerData.passphrase;
  options.cipher = 'aes256-ctr';
  options.rounds = 16;
}
for (let attempt = 0; attempt < 16; attempt += 1) {
  const pair = utils.generateKeyPairSync('ed25519', options);
  const parsed = utils.parseKey(pair.public);
  if (!(parsed instanceof Error) && parsed.getPublicSSH().length === 51) {
    parentPort.postMessage({ private: pair.private, public: pair.public });
    process.exit(0);
  }
}
parentPort.postMessage({ error: 'could not make a valid key' });
`;

function generateInWorker(
  comment: string,
  passphrase: string | null,
): Promise<{ private: string; public: string }> {
  const ssh2 = createRequire(import.meta.url).resolve('ssh2');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ssh2, comment, passphrase } });
    worker.once('message', (message: { private?: string; public?: string; error?: string }) => {
      if (message.private && message.public) resolve({ private: message.private, public: message.public });
      else reject(new Error(message.error ?? 'key generation failed'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`key generation stopped (${code})`));
    });
  });
}

/** Arguments for icacls that leave a file readable and writable by its owner only (Windows). */
export function icaclsArgs(path: string, user: string): string[] {
  return [path, '/inheritance:r', '/grant:r', `${user}:F`];
}

/** One program run with its arguments, planned by a pure function so each platform's plan is tested. */
export interface PlannedCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * What makes a new private key private on `platform`. POSIX: nothing beyond mode 0600 at
 * creation. Windows: the file would inherit the ~/.ssh folder's ACL, and Win32-OpenSSH refuses a
 * private key that other accounts can read ("UNPROTECTED PRIVATE KEY FILE", openssh-portable
 * contrib/win32/win32compat/w32-sshfileperm.c, check_secure_file_permission), so icacls removes
 * inheritance and grants the owner alone. Named under SystemRoot so no other icacls on PATH runs;
 * the account as DOMAIN\user when USERDOMAIN is known (Microsoft's icacls reference).
 */
export function keyAclCommands(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  privatePath: string,
): PlannedCommand[] {
  if (platform !== 'win32') return [];
  const user = readEnv(env, 'USERNAME', platform);
  if (user === undefined || user === '') return [];
  const domain = readEnv(env, 'USERDOMAIN', platform);
  const account = domain ? `${domain}\\${user}` : user;
  const systemRoot = readEnv(env, 'SystemRoot', platform) ?? 'C:\\Windows';
  return [
    { command: win32.join(systemRoot, 'System32', 'icacls.exe'), args: icaclsArgs(privatePath, account) },
  ];
}

/** Runs a planned command; `run` in the app, a recorder in tests. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
) => Promise<{
  readonly exitCode: number | null;
  readonly stderr: string;
}>;

const runCommand: CommandRunner = (command, args, env) => run(command, args, { env, timeoutMs: 15_000 });

/**
 * Makes an ed25519 key pair in ~/.ssh. It is written in a private temp folder and linked into
 * place (link fails rather than overwrite, so an existing key is never replaced), then checked:
 * `ssh-keygen -y` must read back the same public key with the passphrase given.
 */
export async function generateKey(
  home: string,
  request: GenerateKeyRequest,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  runner: CommandRunner = runCommand,
): Promise<KeyInfo> {
  let sshDir: string;
  try {
    sshDir = await ensureSshDir(home);
  } catch (error) {
    if (error instanceof SshDirError) throw new KeyGenError('ssh_dir_unusable', error.message);
    throw error;
  }
  const finalPrivate = join(sshDir, request.name);
  const finalPublic = `${finalPrivate}.pub`;
  const pair = await generateInWorker(request.comment, request.passphrase);
  const publicLine = `${pair.public.trim()}\n`;
  const temp = await mkdtemp(join(sshDir, '.hfgd-new-'));
  const linked: string[] = [];
  try {
    await writeFile(join(temp, 'key'), pair.private, { mode: 0o600 });
    await writeFile(join(temp, 'key.pub'), publicLine, { mode: 0o644 });
    // Before the links: both names are one file, so its ACL is the final key's.
    for (const planned of keyAclCommands(platform, env, join(temp, 'key'))) {
      const done = await runner(planned.command, planned.args, childEnv(home, env, {}, platform));
      if (done.exitCode !== 0) {
        throw new KeyGenError(
          'keygen_failed',
          'The new key could not be made private, so it was removed.',
          done.stderr.trim(),
        );
      }
    }
    for (const [from, to] of [
      [join(temp, 'key'), finalPrivate],
      [join(temp, 'key.pub'), finalPublic],
    ] as const) {
      try {
        await link(from, to);
        linked.push(to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new KeyGenError(
            'key_name_taken',
            `There is already a file named ${to.slice(sshDir.length + 1)} in ${sshDir}.`,
          );
        }
        throw error;
      }
    }
    const verify = async (extra: NodeJS.ProcessEnv) =>
      run(opensshProgram('ssh-keygen', platform, env), ['-y', '-f', finalPrivate], {
        env: childEnv(home, env, extra, platform),
        timeoutMs: 15_000,
      });
    const check = await withAskpass(request.passphrase, verify, { platform });
    const expected = pair.public.trim().split(/\s+/).slice(0, 2).join(' ');
    const got = check.stdout.trim().split(/\s+/).slice(0, 2).join(' ');
    if (check.exitCode !== 0 || got !== expected) {
      throw new KeyGenError(
        'keygen_failed',
        'The new key could not be read back, so it was removed.',
        check.stderr.trim(),
      );
    }
    linked.length = 0;
    return await describeKey(sshDir, request.name);
  } catch (error) {
    for (const path of linked) await unlink(path).catch(() => undefined);
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

import { run, type RunOutcome } from '../../../core/run';
import { findExecutable } from '../../../core/find-executable';
import { fixFor } from '../fixes';
import {
  cancelledOutcome,
  firstLine,
  outcome,
  timedOutOutcome,
  type ProbeContext,
  type ProbeOutcome,
} from '../probe';

/** What `ssh -V` said, shared by the three OpenSSH items (ssh-keygen and ssh-add have no version flag). */
export interface SshVersion {
  /** Where ssh was found on PATH; absent when it is not installed. */
  readonly path?: string;
  /** "9.2p1" from "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.15 ..." */
  readonly version?: string;
  /** The whole first line `ssh -V` printed. */
  readonly banner?: string;
  readonly outcome?: RunOutcome;
}

/** OpenSSH on Linux and macOS prints "OpenSSH_9.2p1 ...", Windows' build "OpenSSH_for_Windows_9.5p1, ...". */
const OPENSSH_VERSION = /OpenSSH_(?:for_Windows_)?(\d[\w.]*)/;

/** Runs `ssh -V` (it prints to stderr) once; the caller memoises it. */
export async function readSshVersion(context: ProbeContext): Promise<SshVersion> {
  const path = await findExecutable('ssh', context.env, context.platform);
  if (path === undefined) return {};
  const result = await run(path, ['-V'], {
    env: context.childEnv,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
  });
  const banner = firstLine(result.stderr) || firstLine(result.stdout);
  const version = OPENSSH_VERSION.exec(banner)?.[1];
  return { path, banner, outcome: result, ...(version === undefined ? {} : { version }) };
}

/** The `ssh` client: what git runs for every SSH remote. */
export async function probeSsh(context: ProbeContext): Promise<ProbeOutcome> {
  const ssh = await context.sshVersion();
  if (ssh.path === undefined || ssh.outcome?.notFound === true) {
    return outcome(
      'error',
      'SSH is not installed. The app needs it to connect to the Hub with a key (HTTPS with a token still works without it).',
      { fix: fixFor('openssh-missing', context.os) },
    );
  }
  if (ssh.outcome?.timedOut) return timedOutOutcome('SSH', context);
  if (ssh.outcome?.cancelled) return cancelledOutcome();
  if (ssh.version === undefined) {
    return outcome(
      'warn',
      'SSH is installed, but it did not say which version it is, so it may not be OpenSSH.',
      {
        detail: `${ssh.path}: ${ssh.banner || `exit code ${String(ssh.outcome?.exitCode)}`}`,
        fix: fixFor('openssh-missing', context.os),
      },
    );
  }
  return outcome('ok', `SSH (OpenSSH ${ssh.version}) is installed.`, {
    detail: `${ssh.path}: ${ssh.banner}`,
  });
}

/** The two OpenSSH helpers: found on PATH, reported with the version of the ssh beside them. */
function probeSshHelper(name: 'ssh-keygen' | 'ssh-add', role: string, missing: 'error' | 'warn') {
  return async (context: ProbeContext): Promise<ProbeOutcome> => {
    const path = await findExecutable(name, context.env, context.platform);
    if (path === undefined) {
      return outcome(missing, `${name}, ${role}, is not installed.`, {
        fix: fixFor('openssh-missing', context.os),
      });
    }
    const { version } = await context.sshVersion();
    const from = version === undefined ? '' : ` (OpenSSH ${version})`;
    return outcome('ok', `${name}, ${role}, is installed${from}.`, { detail: path });
  };
}

/** The SSH setup runs it to make and read keys, so without it the SSH path is blocked. */
export const probeSshKeygen = probeSshHelper('ssh-keygen', 'the tool that makes and reads SSH keys', 'error');

/** Loads keys into the agent; the app can point SSH at the key file instead, so only a warning. */
export const probeSshAdd = probeSshHelper('ssh-add', 'the tool that loads keys into the SSH agent', 'warn');

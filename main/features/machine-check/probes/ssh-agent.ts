import { run } from '../../../core/run';
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

/** What the app does when no agent answers off Windows (ensureAgent). */
export const OWN_AGENT =
  'The app will start its own SSH agent when you add your key, so you type its passphrase once; it stops when the app closes.';

/**
 * Is there an SSH agent, and does it hold keys? Decided from `ssh-add -l`'s exit code, as
 * OpenSSH documents it: 0 = keys listed, 1 = the agent answered but has no keys (or failed to
 * list them), 2 = no agent could be reached. Only the number of keys is reported: the listing
 * carries each key's comment, often an email address, and it stays out of the report.
 * On Windows the agent is a service on a named pipe that ssh-add finds without SSH_AUTH_SOCK.
 */
export async function probeSshAgent(context: ProbeContext): Promise<ProbeOutcome> {
  const socket = context.env.SSH_AUTH_SOCK?.trim() ?? '';
  const windows = context.platform === 'win32';
  // Off Windows the app starts its own agent when none answers (main/features/ssh/agent.ts
  // ensureAgent): that is what the app does, not something the person must fix in a terminal.
  if (socket === '' && !windows) {
    return outcome('ok', OWN_AGENT);
  }
  const sshAdd = await findExecutable('ssh-add', context.env, context.platform);
  if (sshAdd === undefined) {
    return outcome('warn', 'The SSH agent cannot be checked because ssh-add is not installed.', {
      fix: fixFor('openssh-missing', context.os),
    });
  }
  const where = socket === '' ? undefined : `SSH_AUTH_SOCK=${socket}`;
  const result = await run(sshAdd, ['-l'], {
    env: context.childEnv,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
  });
  if (result.timedOut) return timedOutOutcome('The SSH agent', context);
  if (result.cancelled) return cancelledOutcome();
  switch (result.exitCode) {
    case 0: {
      const keys = result.stdout.split(/\r?\n/).filter((line) => line.trim() !== '').length;
      return outcome('ok', `The SSH agent is running with ${keys} ${keys === 1 ? 'key' : 'keys'} loaded.`, {
        detail: where,
      });
    }
    case 1:
      if (/no identities/i.test(result.stdout + result.stderr)) {
        return outcome('ok', 'The SSH agent is running. No keys are loaded in it yet.', { detail: where });
      }
      return outcome('warn', 'The SSH agent is running but could not list its keys.', {
        detail: firstLine(result.stderr) || where,
        fix: fixFor('agent-unreachable', context.os),
      });
    case 2:
      if (!windows)
        return outcome(
          'ok',
          `The agent this session names does not answer (often after a restart). ${OWN_AGENT}`,
          { detail: [where, firstLine(result.stderr)].filter(Boolean).join(': ') },
        );
      return outcome(
        'warn',
        'The app cannot reach the SSH agent: the OpenSSH Authentication Agent service is not running.',
        {
          detail: [where, firstLine(result.stderr)].filter(Boolean).join(': '),
          fix: fixFor('agent-unreachable', context.os),
        },
      );
    default:
      return outcome('warn', 'The SSH agent gave an answer the app does not understand.', {
        detail: firstLine(result.stderr) || `exit code ${String(result.exitCode)}`,
        fix: fixFor('agent-unreachable', context.os),
      });
  }
}

import type { ConnectionVerdict } from '../../../preload/contract';
import { assertNever } from '../../lib/assert-never';

/** The verdict's headline and tone; the message and hint under it come from main. */
export function verdictHeadline(verdict: ConnectionVerdict): {
  readonly text: string;
  readonly tone: 'ok' | 'warn' | 'error';
} {
  switch (verdict.kind) {
    case 'authenticated':
      return { text: `Hi ${verdict.user ?? ''}, it works!`, tone: 'ok' };
    case 'anonymous':
      return { text: 'The Hub does not know this key yet', tone: 'warn' };
    case 'permission_denied':
      return { text: 'The Hub refused the key', tone: 'error' };
    case 'host_key_unknown':
      return { text: 'The Hub’s host key is not recorded', tone: 'error' };
    case 'host_key_changed':
      return { text: 'Warning: the Hub’s host key has changed', tone: 'error' };
    case 'timeout':
      return { text: 'No answer: SSH may be blocked on this network', tone: 'error' };
    case 'refused':
      return { text: 'The connection was refused', tone: 'error' };
    case 'dns':
      return { text: 'The Hub’s address could not be found', tone: 'error' };
    case 'ssh_missing':
      return { text: 'ssh is not installed', tone: 'error' };
    case 'cancelled':
      return { text: 'Test stopped', tone: 'warn' };
    case 'unknown':
      return { text: 'The test ended without a clear answer', tone: 'error' };
    default:
      return assertNever(verdict.kind);
  }
}

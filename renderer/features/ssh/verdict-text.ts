import type { ConnectionVerdict } from '../../../preload/contract';
import { assertNever } from '../../lib/assert-never';

/** Where the verdict sends the person next; each is a button under the verdict. */
export type VerdictAction = 'continue' | 'back-to-copy' | 'back-to-agent' | 'back-to-check' | 'test-again';

/** How a verdict reads: the headline, its tone, and the one thing to do about it. */
export interface VerdictView {
  readonly headline: string;
  readonly tone: 'ok' | 'warn' | 'error';
  readonly action: VerdictAction;
}

/**
 * The verdict's headline, tone and next step, chosen by its stable kind; the message and hint
 * under it come from main and say what happened this time.
 */
export function verdictView(verdict: ConnectionVerdict): VerdictView {
  switch (verdict.kind) {
    case 'authenticated':
      return { headline: `Hi ${verdict.user ?? 'there'} — it works`, tone: 'ok', action: 'continue' };
    case 'anonymous':
      return { headline: 'The Hub doesn’t know this key yet', tone: 'warn', action: 'back-to-copy' };
    case 'permission_denied':
      return {
        headline: 'The Hub refused: no key it accepts was offered',
        tone: 'error',
        action: 'back-to-agent',
      };
    case 'host_key_unknown':
      return {
        headline: 'This computer doesn’t know the Hub’s host key',
        tone: 'error',
        action: 'back-to-copy',
      };
    case 'host_key_changed':
      return { headline: 'Warning: the Hub’s host key has changed', tone: 'error', action: 'back-to-copy' };
    case 'timeout':
      return {
        headline: 'No answer: SSH may be blocked on this network',
        tone: 'error',
        action: 'test-again',
      };
    case 'refused':
      return { headline: 'The connection was refused', tone: 'error', action: 'test-again' };
    case 'dns':
      return { headline: 'The Hub’s address could not be found', tone: 'error', action: 'test-again' };
    case 'ssh_missing':
      return { headline: 'ssh is not installed', tone: 'error', action: 'back-to-check' };
    case 'cancelled':
      return { headline: 'Test stopped', tone: 'warn', action: 'test-again' };
    case 'unknown':
      return { headline: 'The test ended without a clear answer', tone: 'error', action: 'test-again' };
    default:
      return assertNever(verdict.kind);
  }
}

/** The button text for an action. */
export function actionLabel(action: VerdictAction): string {
  switch (action) {
    case 'continue':
      return 'Continue';
    case 'back-to-copy':
      return 'Back to “Copy to the Hub”';
    case 'back-to-agent':
      return 'Back to “Add to the agent”';
    case 'back-to-check':
      return 'Back to “Check this computer”';
    case 'test-again':
      return 'Test again';
    default:
      return assertNever(action);
  }
}

/** "id_ed25519 (SHA256:…)" from ssh's "/home/me/.ssh/id_ed25519 (SHA256:…)": the file name is what a person knows. */
export function offeredKeyName(offered: string): string {
  const match = /^(.*?)( \(SHA256:[^)]*\))?$/.exec(offered);
  const path = match?.[1] ?? offered;
  const name = path.split(/[\\/]/).pop() || path;
  return `${name}${match?.[2] ?? ''}`;
}

/** What happened and what to do, as the verdict panel shows them under the headline. */
export interface VerdictBody {
  readonly message: string;
  readonly hint: string;
}

/**
 * The verdict's text. main's words, except for "anonymous": the Hub answered but did not know the
 * key, which has two causes a person can tell apart from the keys ssh offered, each with its own fix.
 */
export function verdictBody(verdict: ConnectionVerdict, key: ChosenKey | null): VerdictBody {
  if (verdict.kind !== 'anonymous' || !key) return { message: verdict.message, hint: verdict.hint };
  const offered = verdict.offeredKeys.map(offeredKeyName);
  const chosen = offered.find((entry) => entry.split(' ')[0] === key.name);
  if (chosen) {
    return {
      message: `The Hub answered, but as “anonymous”: ssh offered ${chosen}, and no Hub account has that key yet.`,
      hint: `Add the public key on your Hub SSH keys page (back in “Copy to the Hub”), then test again. If you already did, check that the key the Hub lists has the fingerprint ${key.fingerprint ?? 'shown in “Copy to the Hub”'}.`,
    };
  }
  const others = offered.length > 0 ? `; it offered ${offered.join(', ')} instead` : '';
  return {
    message: `The Hub answered, but as “anonymous”: ssh did not offer ${key.name}, the key you chose${others}.`,
    hint: 'Go back to “Add to the agent” and add the key again, then test again.',
  };
}

/** The chosen key, as far as the verdict's text needs it. */
export interface ChosenKey {
  readonly name: string;
  readonly fingerprint: string | null;
}

/** Anonymous goes back to Copy when the chosen key was offered (it is not on the account), else to the agent. */
export function anonymousAction(verdict: ConnectionVerdict, key: ChosenKey | null): VerdictAction {
  if (!key) return 'back-to-copy';
  const offered = verdict.offeredKeys.map((entry) => offeredKeyName(entry).split(' ')[0]);
  return offered.includes(key.name) ? 'back-to-copy' : 'back-to-agent';
}

import type { KeyList } from '../../../preload/contract';
import { assertNever } from '../../lib/assert-never';

/** Files ssh itself keeps in ~/.ssh: a key must never take one of these names. */
const SSH_FILES: ReadonlySet<string> = new Set([
  'config',
  'known_hosts',
  'known_hosts.old',
  'authorized_keys',
  'authorized_keys2',
  'environment',
  'rc',
]);

/** Why a key file name cannot be used; the same rules main applies, said before the click. */
export type KeyNameProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'taken'; readonly suggestion: string };

/**
 * Checks a name for a new key against the rules and the keys already there. A taken name comes
 * with the free one the app suggests, so the fix is one click.
 */
export function keyNameProblem(name: string, list: KeyList | null): KeyNameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return { kind: 'empty' };
  if (trimmed.length > 64 || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(trimmed) || trimmed.includes('..'))
    return { kind: 'invalid' };
  const base = trimmed.endsWith('.pub') ? trimmed.slice(0, -4) : trimmed;
  const taken = SSH_FILES.has(trimmed) || (list?.keys.some((key) => key.name === base) ?? false);
  return taken ? { kind: 'taken', suggestion: list?.suggestedName ?? 'id_ed25519_hf' } : null;
}

/** The sentence under the name field for a problem. */
export function keyNameMessage(problem: KeyNameProblem, sshDir: string): string {
  switch (problem.kind) {
    case 'empty':
      return 'Give the key file a name, for example id_ed25519.';
    case 'invalid':
      return 'Use only letters, digits, dots, dashes and underscores (up to 64), starting with a letter or digit.';
    case 'taken':
      return `Your SSH folder (${sshDir}) already has a file with this name. The app never replaces a key, since whatever uses it would stop working; ${problem.suggestion} is free.`;
    default:
      return assertNever(problem);
  }
}

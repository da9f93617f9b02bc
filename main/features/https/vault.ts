import { randomUUID } from 'node:crypto';
import type { AppSession } from '../../core/session';
import type { TokenSummary } from '../../hub/token';

// Checked tokens the app holds in memory between "Check" and "Save" (or "Use for this run"): the
// renderer holds only the handle (a random UUID) and the masked form. One vault per app session,
// so every feature that takes a token by its handle reads the same one; nothing is ever written.

/** How long the app holds a checked token that was not saved: long enough to read the summary. */
export const VAULT_MS = 30 * 60 * 1000;
const VAULT_MAX = 8;

/** A checked token and what whoami said about it. */
export interface VaultEntry {
  readonly token: string;
  readonly summary: TokenSummary;
  readonly at: number;
}

const vaults = new WeakMap<AppSession, Map<string, VaultEntry>>();

/** The session's vault (made on first use; it goes with the session). */
export function vaultOf(session: AppSession): Map<string, VaultEntry> {
  let vault = vaults.get(session);
  if (!vault) {
    vault = new Map();
    vaults.set(session, vault);
  }
  return vault;
}

/** Keeps a checked token and answers its handle; old entries and an earlier copy of it go. */
export function rememberToken(session: AppSession, token: string, summary: TokenSummary): string {
  const vault = vaultOf(session);
  const now = Date.now();
  for (const [ref, entry] of vault) if (now - entry.at > VAULT_MS || entry.token === token) vault.delete(ref);
  while (vault.size >= VAULT_MAX) vault.delete(vault.keys().next().value as string);
  const ref = randomUUID();
  vault.set(ref, { token, summary, at: now });
  return ref;
}

/**
 * Why: other features (the Hub's API account) take a token the token screen checked, by its
 * handle, without the renderer ever holding it. Undefined when the handle is unknown or expired.
 */
export function checkedToken(session: AppSession, ref: string): VaultEntry | undefined {
  const entry = vaultOf(session).get(ref);
  return entry && Date.now() - entry.at <= VAULT_MS ? entry : undefined;
}

// SSH public keys registered on fake accounts: parsing a pasted key, fingerprints, and lookup by key blob.
import { createHash } from 'node:crypto';
import { utils } from 'ssh2';
import type { ParsedKey } from 'ssh2';

// The key types a person is expected to paste (seed 000 lists id_rsa.pub, id_ecdsa.pub, id_ed25519.pub).
// DSA is left out on purpose: HUB-FACTS calls it deprecated, and OpenSSH 9 no longer offers it.
const ACCEPTED_TYPES = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
] as const;

/** Why: one registered key, with what the keys page shows about it. */
export interface RegisteredKey {
  /** Normalised one-line form: `TYPE BASE64 [COMMENT]`. */
  readonly line: string;
  readonly type: string;
  readonly comment: string;
  /** The name typed in the "Key name" field (or given to addKey). */
  readonly title: string;
  /** `SHA256:...` as `ssh-keygen -lf` prints it. */
  readonly fingerprint: string;
  readonly blob: Buffer;
  readonly addedAt: string;
}

/** Why: the result of reading a pasted key, with a message a person can act on when it is refused. */
export type ParsedPublicKey =
  { ok: true; type: string; blob: Buffer; comment: string; line: string } | { ok: false; message: string };

/**
 * Why: the SHA256 fingerprint users compare with `ssh-keygen -lf`.
 * TOOLCHAIN: "The SHA256 fingerprint is unpadded base64 of sha256(key blob); it matches ssh-keygen -lf".
 */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

// The Hub's exact wording for a refused key is not documented; these follow the common
// "Key is invalid. ..." style of code hosts (GitHub's form says "Key is invalid. You must supply a key
// in OpenSSH public key format"), with the reason spelled out for the person.
const INVALID = 'Key is invalid.';

/** Why: validates what a person pasted into the "Key" box (or a test passed to addKey). */
export function parsePublicKeyLine(text: string): ParsedPublicKey {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${INVALID} The key is empty.` };
  if (/PRIVATE KEY/.test(trimmed)) {
    return {
      ok: false,
      message: `${INVALID} This is a private key: paste the public key (the .pub file) and keep the private key secret.`,
    };
  }
  if (/[\r\n]/.test(trimmed)) {
    return {
      ok: false,
      message: `${INVALID} A public key is a single line: it was split over several lines.`,
    };
  }
  const match = /^(\S+) ([A-Za-z0-9+/]+={0,2})(?: (.*))?$/.exec(trimmed);
  const [, type, base64, rawComment] = match ?? [];
  if (type === undefined || base64 === undefined || !/^(ssh|ecdsa|sk)-/.test(type)) {
    return {
      ok: false,
      message: `${INVALID} Paste the whole public key: it starts with ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa.`,
    };
  }
  if (!(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      message: `${INVALID} Unsupported key type ${type}: use ${ACCEPTED_TYPES.join(', ')}.`,
    };
  }
  const comment = (rawComment ?? '').trim();
  const parsed = utils.parseKey(trimmed);
  const key = Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
  if (key instanceof Error || key === undefined || !isParsedKey(key)) {
    return { ok: false, message: `${INVALID} The key data is damaged or incomplete.` };
  }
  if (key.isPrivateKey()) {
    return { ok: false, message: `${INVALID} This is a private key: paste the public key (the .pub file).` };
  }
  const blob = key.getPublicSSH();
  if (key.type !== type || !blob.equals(Buffer.from(base64, 'base64'))) {
    return { ok: false, message: `${INVALID} The key data does not match its type ${type}.` };
  }
  const line = comment === '' ? `${type} ${base64}` : `${type} ${base64} ${comment}`;
  return { ok: true, type, blob, comment, line };
}

function isParsedKey(value: unknown): value is ParsedKey {
  return typeof value === 'object' && value !== null && 'getPublicSSH' in value && 'isPrivateKey' in value;
}

/** Why: the single store of who owns which SSH key, shared by the SSH server and the keys page. */
export class KeyRing {
  private readonly byUser = new Map<string, RegisteredKey[]>();

  constructor(private readonly knownUsers: ReadonlySet<string>) {}

  /** Why: registers a key as the keys page does; returns a person-readable error instead of throwing. */
  tryAdd(
    user: string,
    publicKeyLine: string,
    title?: string,
  ): { ok: true; key: RegisteredKey } | { ok: false; message: string } {
    if (!this.knownUsers.has(user)) return { ok: false, message: `Unknown user ${user}.` };
    const parsed = parsePublicKeyLine(publicKeyLine);
    if (!parsed.ok) return parsed;
    // Like code hosts, one key belongs to one account: SSH identifies the user by the key alone
    // (seed 000: the greeting names the account the offered key is on). Wording after GitHub's
    // "Key is already in use"; the Hub's own text is undocumented.
    const owner = this.ownerOf(parsed.blob);
    if (owner !== undefined) {
      return {
        ok: false,
        message:
          owner === user
            ? 'Key is already in use: this key is already on your account.'
            : 'Key is already in use by another account.',
      };
    }
    const key: RegisteredKey = {
      line: parsed.line,
      type: parsed.type,
      comment: parsed.comment,
      title: (title ?? '').trim() || parsed.comment || 'Untitled key',
      fingerprint: fingerprintOf(parsed.blob),
      blob: parsed.blob,
      addedAt: new Date().toISOString(),
    };
    const list = this.byUser.get(user) ?? [];
    list.push(key);
    this.byUser.set(user, list);
    return { ok: true, key };
  }

  /** Why: the account a key blob (as sent during SSH auth) is registered to, if any. */
  ownerOf(blob: Buffer): string | undefined {
    for (const [user, keys] of this.byUser) {
      if (keys.some((key) => key.blob.equals(blob))) return user;
    }
    return undefined;
  }

  /** Why: what the keys page lists for a user. */
  keysOf(user: string): readonly RegisteredKey[] {
    return [...(this.byUser.get(user) ?? [])];
  }
}

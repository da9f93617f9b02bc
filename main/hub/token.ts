import { createHash } from 'node:crypto';

// HTTPS with an access token: reading what a person pasted, and asking the Hub what the token
// can do (main/features/https/handlers.ts wires it to the wizard).

/** Why a pasted value is not a token the app will send anywhere. */
export type TokenInputProblem =
  | 'empty'
  | 'legacy_org_token'
  | 'looks_like_password'
  | 'not_a_token'
  | 'control_characters'
  | 'url_with_token'
  | 'ssh_key';

export type TokenInput =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly problem: TokenInputProblem; readonly message: string };

/**
 * Trims what was pasted (whitespace and line breaks around it) and checks its shape without
 * sending it anywhere: Hub tokens start with hf_ (HUB-FACTS, after huggingface.js), OAuth tokens
 * from `hf auth login` in a browser with hf_oauth_ (HUB-FACTS); legacy api_org_ tokens are refused
 * by the Hub's Python client; anything else is most likely a password.
 */
export function readTokenInput(raw: string): TokenInput {
  // What people copy around a token, when the intent is plain: quotes from a JSON or .env file,
  // an `HF_TOKEN=` line, an `Authorization: Bearer` header value.
  const token = raw
    // Invisible characters that ride along with a copy from a web page or a chat.
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .replace(/^(["'`])(.*)\1$/s, '$2')
    .replace(/^(?:export\s+)?HF_TOKEN\s*=\s*/, '')
    .replace(/^Bearer\s+/i, '')
    .replace(/^(["'`])(.*)\1$/s, '$2')
    .trim();
  if (token === '') return { ok: false, problem: 'empty', message: 'Paste your access token.' };
  if (/^[a-z][a-z0-9+.-]*:\/\/\S*(?:hf|api_org)_/i.test(token)) {
    return {
      ok: false,
      problem: 'url_with_token',
      message:
        'This is a web address with a token inside it. Paste only the token, the part that starts with hf_ (and remove it from that address: it leaks from there).',
    };
  }
  if (/PRIVATE KEY-----|^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-\S+|sk-\S+) AAAA/.test(token)) {
    return {
      ok: false,
      problem: 'ssh_key',
      message:
        'This is an SSH key, not an access token. Tokens are made on the Hub’s Access Tokens page and start with hf_.',
    };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(token)) {
    return {
      ok: false,
      problem: 'control_characters',
      message: 'A token is one word: it has no spaces or line breaks inside.',
    };
  }
  if (token.startsWith('api_org_')) {
    return {
      ok: false,
      problem: 'legacy_org_token',
      message:
        'This is an old organisation token (api_org_…), which the Hub no longer accepts for Git. Create a personal access token instead.',
    };
  }
  if (!token.startsWith('hf_')) {
    return {
      ok: false,
      problem: 'looks_like_password',
      message: 'This looks like a password; the Hub needs an access token, which starts with hf_.',
    };
  }
  if (!/^hf_(?:oauth_)?[A-Za-z0-9]{20,200}$/.test(token)) {
    return {
      ok: false,
      problem: 'not_a_token',
      message: 'This is not a complete access token: it should be hf_ followed by letters and digits.',
    };
  }
  return { ok: true, token };
}

/** What a token lets its holder do, in the terms the app explains. */
export interface TokenSummary {
  readonly account: string;
  readonly fullname: string | null;
  /** The account's email when whoami gives it (fine-grained tokens' answers may not); for git's identity. */
  readonly email?: string;
  readonly orgs: readonly { readonly name: string; readonly role: string | null }[];
  readonly tokenName: string | null;
  /** `unknown` when whoami does not say (an OAuth sign-in's answer has no accessToken). */
  readonly role: 'read' | 'write' | 'fineGrained' | 'unknown';
  /**
   * `oauth` for a browser sign-in (`hf auth login`, hf_oauth_...), whose whoami answer has no
   * accessToken (HUB-FACTS), so its name and role are unknown; `access_token` otherwise.
   */
  readonly kind: 'access_token' | 'oauth';
  /** For fine-grained tokens: namespaces (or single repositories, NAME/REPO) and what the token may do in each. */
  readonly scoped: readonly { readonly namespace: string; readonly permissions: readonly string[] }[];
  readonly expiresAt: string | null;
}

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * Reads whoami-v2's answer defensively: its fields vary between token kinds and over time
 * (HUB-FACTS), fineGrained may sit under auth or auth.accessToken, and the expiry under
 * auth.expiresAt or auth.accessToken.expiration (huggingface.js AuthInfo names both). An answer
 * without accessToken is an OAuth sign-in's (HUB-FACTS), as is any answer for an hf_oauth_ token.
 */
export function summariseWhoami(body: unknown, token?: string): TokenSummary | undefined {
  const root = asRecord(body);
  const account = asString(root.name);
  if (!account) return undefined;
  const auth = asRecord(root.auth);
  const isObject = (value: unknown) => typeof value === 'object' && value !== null;
  const oauth =
    token?.startsWith('hf_oauth_') === true || (isObject(root.auth) && !isObject(auth.accessToken));
  const accessToken = asRecord(auth.accessToken);
  const fine = asRecord(accessToken.fineGrained ?? auth.fineGrained);
  const role = asString(accessToken.role);
  const scoped = Array.isArray(fine.scoped) ? fine.scoped : [];
  const email = asString(root.email);
  return {
    account,
    fullname: asString(root.fullname),
    ...(email && email.includes('@') ? { email } : {}),
    orgs: (Array.isArray(root.orgs) ? root.orgs : []).flatMap((org) => {
      const name = asString(asRecord(org).name);
      return name ? [{ name, role: asString(asRecord(org).roleInOrg) }] : [];
    }),
    tokenName: asString(accessToken.displayName),
    role: role === 'read' || role === 'write' || role === 'fineGrained' ? role : 'unknown',
    kind: oauth ? 'oauth' : 'access_token',
    scoped: scoped.flatMap((entry) => {
      const namespace = asString(asRecord(asRecord(entry).entity).name);
      const permissions = asRecord(entry).permissions;
      return namespace
        ? [
            {
              namespace,
              permissions: Array.isArray(permissions)
                ? permissions.filter((p): p is string => typeof p === 'string')
                : [],
            },
          ]
        : [];
    }),
    expiresAt:
      asString(auth.expiresAt) ?? asString(accessToken.expiration) ?? asString(accessToken.expiresAt),
  };
}

/** How asking the Hub about a token ended. */
export type TokenCheck =
  | { readonly ok: true; readonly summary: TokenSummary }
  | {
      readonly ok: false;
      readonly reason: 'unauthorized' | 'rate_limited' | 'dns' | 'offline' | 'tls' | 'unexpected';
      readonly message: string;
    };

/** Answers are cached by the token's hash: whoami-v2 is strictly rate limited (HUB-FACTS). */
const cache = new Map<string, { readonly at: number; readonly check: TokenCheck }>();
const CACHE_MS = 5 * 60 * 1000;

function networkReason(error: unknown): {
  reason: 'dns' | 'offline' | 'tls' | 'unexpected';
  message: string;
} {
  const cause = asRecord(asRecord(error).cause);
  const code = asString(cause.code) ?? asString(asRecord(error).code) ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return {
      reason: 'dns',
      message:
        "This computer couldn't find the Hub's address (no DNS answer). Check your internet connection.",
    };
  if (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'ENETUNREACH' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return {
      reason: 'offline',
      message: "The Hub couldn't be reached: this computer may be offline, or a firewall is in the way.",
    };
  }
  if (/CERT|SSL|TLS/.test(code))
    return {
      reason: 'tls',
      message:
        "The Hub's secure connection could not be verified (a proxy or the computer's clock may be at fault).",
    };
  return { reason: 'unexpected', message: 'The Hub could not be asked about this token.' };
}

/** Why: the longest the app waits for the Hub's rate limit before asking once more. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Why: how long the Hub asks the app to wait after a 429, in milliseconds, or undefined when it
 * does not say. hub-docs rate-limits.md: the IETF draft's `RateLimit: "api";r=0;t=SECONDS`
 * (huggingface_hub waits t + 1 s, HUB-FACTS); else HTTP's Retry-After, in seconds or as a date.
 */
export function rateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const t = /(?:^|[;,\s])t=(\d+)/.exec(headers.get('ratelimit') ?? '')?.[1];
  if (t !== undefined) return (Number(t) + 1) * 1000;
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function rateLimited(waitMs: number | undefined): TokenCheck {
  const minutes = waitMs === undefined ? undefined : Math.ceil(waitMs / 60_000);
  return {
    ok: false,
    reason: 'rate_limited',
    message:
      minutes === undefined
        ? 'The Hub asks the app to slow down. Wait a few minutes, then check the token again.'
        : `The Hub asks the app to slow down. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, then check the token again.`,
  };
}

/**
 * Asks {endpoint}/api/whoami-v2 what the token is (Bearer header; the token goes nowhere else).
 * A 429 is waited out once, for as long as the Hub's RateLimit `t` (or Retry-After) says, when that
 * is at most `maxWaitMs` (default 60 s); a longer wait is not hammered through: the app says how
 * long to wait instead. Never more than two requests.
 */
export async function checkToken(
  endpoint: string,
  token: string,
  options: {
    readonly fetchImpl?: typeof fetch;
    readonly maxWaitMs?: number;
    readonly now?: () => number;
    /** How the app waits (tests pass one that records the wait instead of sleeping). */
    readonly sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<TokenCheck> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxWaitMs = options.maxWaitMs ?? MAX_RATE_LIMIT_WAIT_MS;
  const key = `${endpoint}\n${createHash('sha256').update(token).digest('hex')}`;
  const cached = cache.get(key);
  if (cached && now() - cached.at < CACHE_MS) return cached.check;
  let check: TokenCheck | undefined;
  for (let attempt = 0; attempt < 2 && check === undefined; attempt += 1) {
    let response: Response;
    try {
      response = await fetchImpl(`${endpoint}/api/whoami-v2`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      return { ok: false, ...networkReason(error) };
    }
    if (response.status === 429) {
      // The Hub's own wait when it names one; one second when it does not.
      const wait = rateLimitWaitMs(response.headers, now()) ?? 1000;
      if (attempt > 0 || wait > maxWaitMs) return rateLimited(wait);
      await sleep(wait);
      continue;
    }
    if (response.status === 401) {
      check = {
        ok: false,
        reason: 'unauthorized',
        message:
          "The Hub doesn't recognise this token (revoked, expired, mistyped, or from another account).",
      };
    } else if (!response.ok) {
      return {
        ok: false,
        reason: 'unexpected',
        message: `The Hub answered ${response.status} when asked about this token.`,
      };
    } else {
      const summary = summariseWhoami(await response.json().catch(() => undefined), token);
      check = summary
        ? { ok: true, summary }
        : {
            ok: false,
            reason: 'unexpected',
            message: "The Hub's answer about this token could not be read.",
          };
    }
  }
  const final = check ?? {
    ok: false,
    reason: 'unexpected',
    message: 'The Hub could not be asked about this token.',
  };
  cache.set(key, { at: now(), check: final });
  return final;
}

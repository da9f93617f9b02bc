// The fake hub's HTTP side: whoami-v2 for tokens, the /settings/keys page where a person pastes a
// key, smart-HTTP git, the LFS batch API and the rest of the Hub's API (api.ts).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { KeyRing } from './keys';
import type { HubState, RepoRules } from './access';
import { handleGitHttp } from './git-http';
import { handleHubApi, type ApiContext } from './api';
import { LFS_MAX_BYTES, LfsServer, type LfsSettings } from './lfs';
import { fakeId } from './users';
import type { FakeOrgPolicy, FakeToken, FakeUser } from './users';

/** Why: what startHttpServer needs: the accounts, the shared key store and who is "signed in" on the web. */
export interface HttpServerOptions {
  readonly users: readonly FakeUser[];
  readonly keyRing: KeyRing;
  /** The account the web pages act as (the fake hub has no login page). */
  readonly webUser: string;
  readonly host?: string;
  /** Bare repositories served over smart HTTP, as NAME/REPO.git (and datasets/…, spaces/…). */
  readonly reposDir?: string;
  /** Every repository that exists, by exact path, with its rules; read on every request. */
  readonly repos?: ReadonlyMap<string, RepoRules>;
  /** Organizations' token policies, by organization name. */
  readonly policies?: ReadonlyMap<string, FakeOrgPolicy>;
  /**
   * whoami-v2 is strictly rate limited on the Hub (HUB-FACTS): at most `max` answers per fixed
   * window of `windowMs` (hub-docs rate-limits.md: 5-minute fixed windows), then 429. Default: 100
   * per 5 minutes (the Hub's own number for whoami-v2 is not published).
   */
  readonly whoamiLimit?: { readonly max: number; readonly windowMs: number };
  /** Uploads over this size need the multipart transfer (default 5 GB; tests set it small). */
  readonly lfsMaxBytes?: number;
  /** The Hub's API (create, list, info, Space runtime, discussions); needs reposDir. */
  readonly api?: Omit<ApiContext, 'hub'>;
}

/** Why: a running HTTP server. */
export interface RunningHttpServer {
  readonly port: number;
  /** The LFS batch API and object store. */
  readonly lfs: LfsServer | undefined;
  /** The batch API's switches (rate limit), for tests to flip while the hub runs. */
  readonly lfsSettings: LfsSettings;
  /** A short-lived write token of `user` (what git-lfs-authenticate hands out over SSH). */
  issueToken(user: FakeUser): string;
  /** How many whoami-v2 requests arrived (answered or refused), so a test can see the app's cache work. */
  whoamiCalls(): number;
  stop(): Promise<void>;
}

// A fixed creation date keeps responses reproducible when a token does not give one.
const DEFAULT_CREATED_AT = '2026-01-01T00:00:00.000Z';
const MAX_FORM_BYTES = 64 * 1024;

/** Why: starts the HTTP server on a random loopback port. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = new Map<string, { user: FakeUser; token: FakeToken }>();
  for (const user of options.users)
    for (const token of user.tokens ?? []) tokens.set(token.value, { user, token });

  let port = 0;
  const lfsSettings: LfsSettings = { maxBytes: options.lfsMaxBytes ?? LFS_MAX_BYTES, rateLimited: false };
  const hub: HubState | undefined = options.reposDir
    ? {
        reposDir: options.reposDir,
        repos: options.repos ?? new Map(),
        tokens,
        policies: options.policies ?? new Map(),
        baseUrl: () => `http://${host}:${port}`,
        ...(options.api
          ? {
              pullRequestRefs: (repo: string, user: string) =>
                options.api?.store.pullRequestRefs(repo, user) ?? [],
            }
          : {}),
      }
    : undefined;
  const api: ApiContext | undefined = hub && options.api ? { hub, ...options.api } : undefined;
  const lfs = hub ? new LfsServer(hub, lfsSettings) : undefined;
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `fake hub: ${String(error)}` });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake-hub.invalid').pathname;
    if (lfs?.handle(req, res)) return;
    if (hub && handleGitHttp(req, res, hub)) return;
    if (api && handleHubApi(req, res, api)) return;
    if (path === '/api/whoami-v2' && req.method === 'GET') return whoami(req, res);
    if (path === '/settings/keys' && req.method === 'GET') return sendKeysPage(res, 200);
    if (path === '/settings/keys' && req.method === 'POST') return addKeyFromForm(req, res);
    sendJson(res, 404, { error: 'Not found' });
  }

  const limit = options.whoamiLimit ?? { max: 100, windowMs: 300_000 };
  let whoamiCalls = 0;
  // hub-docs rate-limits.md: "All quotas are calculated over 5-minute fixed windows."
  let window = { start: 0, used: 0 };

  function whoami(req: IncomingMessage, res: ServerResponse): void {
    whoamiCalls += 1;
    const now = Date.now();
    if (now - window.start >= limit.windowMs) window = { start: now, used: 0 };
    const resetSeconds = Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000));
    // hub-docs rate-limits.md: the IETF draft's headers, `"api";r=REMAINING;t=SECONDS` and
    // `"fixed window";"api";q=QUOTA;w=WINDOW_SECONDS`, on the Hub's API answers.
    const rateHeaders = (remaining: number): Record<string, string> => ({
      RateLimit: `"api";r=${remaining};t=${resetSeconds}`,
      'RateLimit-Policy': `"fixed window";"api";q=${limit.max};w=${Math.round(limit.windowMs / 1000)}`,
    });
    if (window.used >= limit.max) {
      // The words are the Hub's api-quota refusal (HUB-FACTS, as git-lfs and huggingface_hub users
      // quote it); Retry-After as well as the draft's `t`, which huggingface_hub reads.
      const message = `We had to rate limit you, you hit the quota of ${limit.max} api requests per ${Math.round(limit.windowMs / 60_000)} minutes period. Upgrade to a PRO user or Team/Enterprise organization account (https://hf.co/pricing) to get higher limits. See https://huggingface.co/docs/hub/rate-limits`;
      res.writeHead(429, {
        'Content-Type': 'application/json; charset=utf-8',
        'Retry-After': String(resetSeconds),
        'X-Error-Message': message,
        ...rateHeaders(0),
      });
      res.end(JSON.stringify({ error: message }));
      return;
    }
    window.used += 1;
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const found = match?.[1] === undefined ? undefined : tokens.get(match[1]);
    const expired = found?.token.expiresAt !== undefined && Date.parse(found.token.expiresAt) <= Date.now();
    // HUB-FACTS: a bad token is HTTP 401 with `X-Error-Message: Invalid credentials in Authorization
    // header` (huggingface_hub utils/_http.py; "Invalid user token." is the Python client's own
    // text). What the Hub answers for an expired token is not documented; the same 401 is the
    // tolerant choice for the app. git-lfs-authenticate's credentials are not for whoami.
    if (found === undefined || expired || found.token.kind === 'ssh') {
      const message = 'Invalid credentials in Authorization header';
      res.writeHead(401, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Error-Message': message,
        ...rateHeaders(limit.max - window.used),
      });
      res.end(JSON.stringify({ error: message }));
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      ...rateHeaders(limit.max - window.used),
    });
    res.end(JSON.stringify(whoamiBody(found.user, found.token)));
  }

  function sendKeysPage(
    res: ServerResponse,
    status: number,
    form?: { title: string; key: string; error: string },
  ): void {
    const html = keysPage(options.webUser, options.keyRing, form);
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      // No external resources, no script: the page works as plain HTML forms.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'Cache-Control': 'no-store',
    });
    res.end(html);
  }

  async function addKeyFromForm(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { error: 'Expected application/x-www-form-urlencoded' });
    }
    const body = await readBody(req, MAX_FORM_BYTES);
    if (body === undefined) return sendJson(res, 413, { error: 'Form too large' });
    const fields = new URLSearchParams(body);
    const title = fields.get('title') ?? '';
    const key = fields.get('key') ?? '';
    // A pasted private key is not echoed back into the page: it should not travel further than it has.
    const echoed = /PRIVATE KEY/.test(key) ? '' : key;
    if (title.trim() === '')
      return sendKeysPage(res, 400, { title, key: echoed, error: 'Key name is required.' });
    const added = options.keyRing.tryAdd(options.webUser, key, title);
    if (!added.ok) return sendKeysPage(res, 400, { title, key: echoed, error: added.message });
    // Post/redirect/get: back to the list, which now shows the key (seed 000: "Click on Add key").
    res.writeHead(303, { Location: '/settings/keys' });
    res.end();
  }

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    lfs,
    lfsSettings,
    whoamiCalls: () => whoamiCalls,
    issueToken(user) {
      const value = `hf_ssh${randomBytes(12).toString('hex')}`;
      tokens.set(value, { user, token: { value, displayName: 'ssh-lfs', role: 'write', kind: 'ssh' } });
      return value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Why: the body of GET /api/whoami-v2 for one token.
 * HUB-FACTS: whoami-v2 shape (huggingface.js packages/hub/src/types/api/api-who-am-i.ts and lib/who-am-i.ts):
 * { type: "user", id, name, fullname, email, emailVerified, isPro, canPay, avatarUrl, periodEnd, orgs, auth }.
 */
export function whoamiBody(user: FakeUser, token: FakeToken): Record<string, unknown> {
  // HUB-FACTS: an OAuth token (hf_oauth_..., `hf auth login` in a browser) answers whoami without
  // `accessToken`. Its `auth.type` is unverified ("oauth" here); the app must not depend on it.
  if (token.kind === 'oauth') {
    const auth = { type: 'oauth', ...(token.expiresAt !== undefined ? { expiresAt: token.expiresAt } : {}) };
    return { ...userFields(user), auth };
  }
  const accessToken: Record<string, unknown> = {
    displayName: token.displayName,
    role: token.role,
    createdAt: token.createdAt ?? DEFAULT_CREATED_AT,
  };
  // Under auth.accessToken, as clients read it (`whoami()["auth"]["accessToken"]["fineGrained"]["scoped"]`
  // in huggingface_hub users' code); HUB-FACTS notes sources differ, and the app accepts both places.
  if (token.role === 'fineGrained') {
    accessToken.fineGrained = {
      canReadGatedRepos: token.fineGrained?.canReadGatedRepos ?? false,
      global: [...(token.fineGrained?.global ?? [])],
      scoped: (token.fineGrained?.scoped ?? []).map((scope) => ({
        entity: {
          _id: scope.entity._id ?? fakeId(`${scope.entity.type}:${scope.entity.name}`),
          ...scope.entity,
        },
        permissions: [...scope.permissions],
      })),
    };
  }
  const auth: Record<string, unknown> = { type: 'access_token', accessToken };
  if (token.expiresAt !== undefined) auth.expiresAt = token.expiresAt;
  return { ...userFields(user), auth };
}

/** The account's part of whoami-v2's answer, whatever the token. */
function userFields(user: FakeUser): Record<string, unknown> {
  return {
    type: 'user',
    id: fakeId(`user:${user.name}`),
    name: user.name,
    fullname: user.fullname ?? user.name,
    email: user.email ?? `${user.name}@example.com`,
    emailVerified: true,
    isPro: false,
    canPay: false,
    periodEnd: null,
    avatarUrl: `/avatars/${encodeURIComponent(user.name)}.svg`,
    orgs: (user.orgs ?? []).map((org) => ({
      type: 'org',
      id: fakeId(`org:${org.name}`),
      name: org.name,
      fullname: org.fullname ?? org.name,
      email: null,
      canPay: false,
      periodEnd: null,
      avatarUrl: `/avatars/${encodeURIComponent(org.name)}.svg`,
      roleInOrg: org.roleInOrg,
    })),
  };
}

/** Why: every user-supplied string on the page goes through here. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// The page a person reaches at {endpoint}/settings/keys (HUB-FACTS; seed 000: "enter a name for this key
// ... paste the content of your public SSH key in the area below ... Click on Add key").
function keysPage(
  webUser: string,
  keyRing: KeyRing,
  form: { title: string; key: string; error: string } | undefined,
): string {
  const keys = keyRing.keysOf(webUser);
  const rows = keys
    .map(
      (key) =>
        `<tr><td>${escapeHtml(key.title)}</td><td>${escapeHtml(key.type)}</td><td>${escapeHtml(key.comment)}</td>` +
        `<td><code>${escapeHtml(key.fingerprint)}</code></td></tr>`,
    )
    .join('\n');
  const list =
    keys.length === 0
      ? '<p id="no-keys">You have no SSH keys yet.</p>'
      : `<table>
<caption>SSH keys on this account</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Comment</th><th scope="col">Fingerprint</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  const error = form ? `<p id="key-error" role="alert">${escapeHtml(form.error)}</p>` : '';
  const described = form ? ' aria-describedby="key-error" aria-invalid="true"' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SSH keys - Fake Hub</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #888; padding: 0.3rem 0.6rem; text-align: left; }
label { display: block; margin-top: 1rem; font-weight: 600; } textarea, input { width: 100%; font-family: monospace; }
[role="alert"] { color: #a00; font-weight: 600; } button { margin-top: 1rem; padding: 0.4rem 1rem; }
</style>
</head>
<body>
<main>
<h1>SSH keys</h1>
<p>Signed in as <strong id="web-user">${escapeHtml(webUser)}</strong>.</p>
${list}
<h2>Add SSH key</h2>
${error}
<form method="post" action="/settings/keys">
<label for="key-title">Key name</label>
<input id="key-title" name="title" type="text" required autocomplete="off" value="${escapeHtml(form?.title ?? '')}"${described}>
<label for="key-value">Key</label>
<textarea id="key-value" name="key" rows="6" required spellcheck="false"${described}>${escapeHtml(form?.key ?? '')}</textarea>
<button type="submit">Add key</button>
</form>
</main>
</body>
</html>
`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

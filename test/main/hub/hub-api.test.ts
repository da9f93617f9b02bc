import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createHubRepository,
  createPullRequest,
  HubApiError,
  listAuthorRepos,
  hubRepositoryExists,
  writeAccess,
  statusFailure,
} from '../../../main/hub/hub-api';
import type { TokenSummary } from '../../../main/hub/token';

// The Hub API's failures in the contract's words: each status the Hub answers, a network that is
// not there, and inputs refused before anything is sent. Never a token in a message.

// A made-up token of the Hub's shape (hf_ and 32 letters), built so no scanner takes it for a real one.
const TOKEN = `hf_${'AbCdEfGh'.repeat(4)}`;

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('statusFailure', () => {
  const action = { what: 'create alice-lab/x', where: 'alice-lab' };

  it('401 is a token the Hub does not know', () => {
    const error = statusFailure(
      401,
      new Headers(),
      { error: 'Invalid credentials in Authorization header' },
      action,
    );
    expect(error.code).toBe('token_unknown');
    expect(error.hint).toMatch(/new token/);
  });

  it('403 names the namespace and quotes the Hub, redacted', () => {
    const error = statusFailure(
      403,
      new Headers({
        'X-Error-Message': `You don't have the rights to create a model under the namespace "alice-lab" (${TOKEN})`,
      }),
      undefined,
      action,
    );
    expect(error.code).toBe('not_allowed');
    expect(error.message).toContain('in alice-lab');
    expect(error.message).toContain("You don't have the rights");
    expect(error.message).not.toContain(TOKEN);
    expect(error.hint).toContain('ask an admin of alice-lab');
  });

  it('429 says how long to wait, from the RateLimit header (hub-docs rate-limits.md)', () => {
    const error = statusFailure(429, new Headers({ RateLimit: '"api";r=0;t=150' }), undefined, action);
    expect(error.code).toBe('rate_limited');
    expect(error.hint).toBe('Wait 3 minutes, then try again.');
    const noWait = statusFailure(429, new Headers(), undefined, action);
    expect(noWait.hint).toBe('Wait a few minutes, then try again.');
  });

  it('404, 400 and a server error each get their own code', () => {
    expect(statusFailure(404, undefined, undefined, { what: 'look up a/b', where: 'a/b' }).code).toBe(
      'not_found',
    );
    expect(statusFailure(400, undefined, { error: 'Invalid name' }, action)).toMatchObject({
      code: 'invalid_input',
      message: 'The Hub refused the request to create alice-lab/x. The Hub said: “Invalid name”',
    });
    expect(statusFailure(502, undefined, undefined, action).code).toBe('hub_error');
  });
});

describe('calls that never reach the Hub', () => {
  it('a Hub that cannot be reached is offline, in plain words', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const failure = await hubRepositoryExists(endpoint, TOKEN, 'model', 'alice/x').catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HubApiError);
    expect(failure).toMatchObject({ code: 'offline' });
    expect(String((failure as Error).message)).not.toContain(TOKEN);
  });

  it('refuses a name the Hub would refuse, and a Space without its SDK', async () => {
    const auth = { endpoint: 'http://127.0.0.1:1', token: TOKEN };
    await expect(
      createHubRepository(auth, {
        kind: 'model',
        namespace: 'alice',
        name: 'a--b',
        private: false,
        sdk: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      createHubRepository(auth, {
        kind: 'space',
        namespace: 'alice',
        name: 'demo',
        private: false,
        sdk: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('SDK') });
  });
});

describe('writeAccess', () => {
  const summary = (over: Partial<TokenSummary>): TokenSummary => ({
    account: 'alice',
    fullname: null,
    orgs: [],
    tokenName: null,
    role: 'write',
    kind: 'access_token',
    scoped: [],
    expiresAt: null,
    ...over,
  });

  it('follows the roles of hub-docs organizations-security.md and fine-grained scopes', () => {
    const orgs = [
      { name: 'lab', role: 'admin' },
      { name: 'readers', role: 'read' },
      { name: 'mine', role: 'contributor' },
    ];
    const write = summary({ orgs });
    expect(writeAccess(write, 'alice')).toBe('yes');
    expect(writeAccess(write, 'lab')).toBe('yes');
    expect(writeAccess(write, 'readers')).toBe('no');
    // A contributor writes what it created, which whoami cannot tell.
    expect(writeAccess(write, 'mine')).toBe('unknown');
    expect(writeAccess(write, 'someone-else')).toBe('no');
    expect(writeAccess(summary({ role: 'read' }), 'alice')).toBe('no');
    const fine = summary({
      role: 'fineGrained',
      orgs,
      scoped: [
        { namespace: 'alice', permissions: ['repo.content.read', 'repo.write'] },
        { namespace: 'lab', permissions: ['repo.content.read'] },
      ],
    });
    expect(writeAccess(fine, 'alice')).toBe('yes');
    expect(writeAccess(fine, 'lab')).toBe('no');
  });
});

/** A loopback server that answers every request with `answer`, and records what it was asked. */
async function server(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; seen: { url: string; auth: string; body: string }[]; close: () => Promise<void> }> {
  const seen: { url: string; auth: string; body: string }[] = [];
  const http = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

describe('over the wire', () => {
  it('a 429 from a library call says how long the Hub asks to wait (headers the library drops)', async () => {
    const hub = await server((_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json', RateLimit: '"api";r=0;t=90' });
      res.end(JSON.stringify({ error: 'You have been rate-limited' }));
    });
    try {
      const failure = await listAuthorRepos({ endpoint: hub.url, token: TOKEN }, 'alice', {
        limit: 10,
      }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'rate_limited', hint: 'Wait 2 minutes, then try again.' });
      // The token went in the Authorization header only.
      expect(hub.seen.every((request) => request.auth === `Bearer ${TOKEN}`)).toBe(true);
      expect(hub.seen.some((request) => request.url.includes(TOKEN))).toBe(false);
    } finally {
      await hub.close();
    }
  });

  it('opens a pull request as huggingface_hub create_discussion does, and reads its number', async () => {
    const hub = await server((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ num: 7, pullRequest: true, url: 'ignored' }));
    });
    try {
      const pr = await createPullRequest({ endpoint: hub.url, token: TOKEN }, 'dataset', 'alice/data', {
        title: '  Fix the card  ',
        description: '',
      });
      expect(pr).toEqual({ num: 7, title: 'Fix the card', author: null, status: 'draft', createdAt: null });
      expect(hub.seen).toHaveLength(1);
      expect(hub.seen[0]?.url).toBe('/api/datasets/alice/data/discussions');
      expect(JSON.parse(hub.seen[0]?.body ?? '{}')).toEqual({
        title: 'Fix the card',
        description: 'Pull request opened with HF Git Desktop.',
        pullRequest: true,
      });
      expect(hub.seen[0]?.body).not.toContain(TOKEN);
    } finally {
      await hub.close();
    }
  });
});

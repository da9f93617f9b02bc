import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createHubRepository,
  HubApiError,
  hubRepositoryExists,
  writeAccess,
  statusFailure,
} from '../../../main/hub/hub-api';
import type { TokenSummary } from '../../../main/hub/token';

// The Hub API's failures in the contract's words: each status the Hub answers, a network that is
// not there, and inputs refused before anything is sent. Never a token in a message.

const TOKEN = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345';

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

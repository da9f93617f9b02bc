import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkToken,
  MAX_RATE_LIMIT_WAIT_MS,
  rateLimitWaitMs,
  readTokenInput,
  summariseWhoami,
} from '../../../main/hub/token';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  ERIN_OAUTH_TOKEN,
  startFakeHub,
  type FakeHub,
} from '../../fake-hub';

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(async () => {
  await hub.stop();
});

describe('readTokenInput', () => {
  it('trims what was pasted around the token', () => {
    expect(readTokenInput(`  ${ALICE_WRITE_TOKEN}\r\n`)).toEqual({ ok: true, token: ALICE_WRITE_TOKEN });
  });

  it('accepts an OAuth token, what `hf auth login` gets in a browser (HUB-FACTS: hf_oauth_...)', () => {
    expect(readTokenInput(` ${ERIN_OAUTH_TOKEN}\n`)).toEqual({ ok: true, token: ERIN_OAUTH_TOKEN });
    expect(readTokenInput('hf_oauth_short')).toMatchObject({ ok: false, problem: 'not_a_token' });
    expect(readTokenInput('hf_oauth__abcdefghijklmnopqrstuvwxyz')).toMatchObject({ ok: false });
  });

  it.each([
    ['quotes from a JSON or .env file', `"${ALICE_WRITE_TOKEN}"`],
    ['single quotes', `'${ALICE_WRITE_TOKEN}'`],
    ['an HF_TOKEN= line', `HF_TOKEN=${ALICE_WRITE_TOKEN}`],
    ['an export line with quotes', `export HF_TOKEN="${ALICE_WRITE_TOKEN}"\n`],
    ['a Bearer header value', `Bearer ${ALICE_WRITE_TOKEN}`],
    ['a zero-width space from a web page', `\u200b${ALICE_WRITE_TOKEN}\u200b`],
  ])('takes the token out of %s', (_label, pasted) => {
    expect(readTokenInput(pasted)).toEqual({ ok: true, token: ALICE_WRITE_TOKEN });
  });

  const bad: ReadonlyArray<readonly [string, string]> = [
    ['', 'empty'],
    ['   \n\t', 'empty'],
    ['hunter2', 'looks_like_password'],
    ['correct horse battery staple', 'control_characters'],
    ['P@ssw0rd!', 'looks_like_password'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'looks_like_password'],
    ['api_org_abcdefghijklmnopqrstuvwxyz', 'legacy_org_token'],
    ['hf_', 'not_a_token'],
    ['hf_short', 'not_a_token'],
    ['hf_abc-def-ghi-jkl-mno-pqr-stu', 'not_a_token'],
    ['hf_abcdefghijklmnopqrstuvwxyz/../../x', 'not_a_token'],
    [`hf_${'a'.repeat(201)}`, 'not_a_token'],
    ['hf_abcdefghij\nklmnopqrstuvwxyz', 'control_characters'],
    ['hf_abcdefghij\rklmnopqrstuvwxyz', 'control_characters'],
    ['hf_abcdefghij\u0000klmnopqrstuvwxyz', 'control_characters'],
    ['hf_abcdefghij klmnopqrstuvwxyz', 'control_characters'],
    ['Bearer hf_abc def', 'control_characters'],
    ['https://user:hf_abcdefghijklmnopqrstuvwxyz@huggingface.co/x', 'url_with_token'],
    ['http://127.0.0.1/?token=hf_abcdefghijklmnopqrstuvwxyz', 'url_with_token'],
    [
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----',
      'ssh_key',
    ],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA alice@laptop', 'ssh_key'],
    ['hf_abcdefghijklmnopqrstuvwxyz\u00a0x', 'control_characters'],
    ['"hf_abcdefghijklmnopqrstuvwxyz', 'looks_like_password'],
    ['HF_ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'looks_like_password'],
    ['hf_ÄÖÜabcdefghijklmnopqrstuvwxyz', 'not_a_token'],
    ['hf_abcdefghijklmnopqrstuvwxyz;rm', 'not_a_token'],
  ];
  for (const [input, problem] of bad) {
    it(`refuses ${JSON.stringify(input).slice(0, 50)} as ${problem}, without echoing it`, () => {
      const result = readTokenInput(input);
      expect(result).toMatchObject({ ok: false, problem });
      if (!result.ok && input.trim().length > 3) expect(result.message).not.toContain(input.trim());
    });
  }
});

describe('checkToken against the fake hub', () => {
  it('summarises a write token: account, orgs, token name and role', async () => {
    const check = await checkToken(hub.httpUrl, ALICE_WRITE_TOKEN);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.summary).toMatchObject({ account: 'alice', role: 'write' });
  });

  it('says a read token is read-only', async () => {
    const check = await checkToken(hub.httpUrl, BOB_READ_TOKEN);
    expect(check).toMatchObject({ ok: true, summary: { account: 'bob', role: 'read' } });
  });

  it('explains a token the Hub does not know (401)', async () => {
    const check = await checkToken(hub.httpUrl, 'hf_NotAToken0000000000000');
    expect(check).toMatchObject({ ok: false, reason: 'unauthorized' });
  });

  it('tells a refused connection and a name that does not resolve apart', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    expect(await checkToken(`http://127.0.0.1:${closed}`, ALICE_WRITE_TOKEN)).toMatchObject({
      reason: 'offline',
    });
    expect(await checkToken('http://nonexistent.invalid', ALICE_WRITE_TOKEN)).toMatchObject({
      reason: 'dns',
    });
  });

  it('reads an OAuth sign-in (hf_oauth_...): no accessToken, so no name or role, but its expiry', async () => {
    const check = await checkToken(hub.httpUrl, ERIN_OAUTH_TOKEN);
    expect(check).toEqual({
      ok: true,
      summary: {
        account: 'erin',
        fullname: 'Erin Example',
        email: 'erin@example.com',
        orgs: [],
        tokenName: null,
        role: 'unknown',
        kind: 'oauth',
        scoped: [],
        expiresAt: '2999-01-01T00:00:00.000Z',
      },
    });
  });
});

/** A whoami-v2 that answers each request with the next of `answers` (status and headers). */
async function scripted(
  answers: readonly { readonly status: number; readonly headers?: Record<string, string> }[],
): Promise<{ readonly url: string; readonly calls: () => number; readonly close: () => void }> {
  let calls = 0;
  const server = createServer((_req, res) => {
    const answer = answers[Math.min(calls, answers.length - 1)]!;
    calls += 1;
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(
      answer.status === 200
        ? JSON.stringify({ name: 'carol', auth: { accessToken: { role: 'write' } } })
        : '{}',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    close: () => server.close(),
  };
}

describe('checkToken and the Hub’s rate limit (hub-docs rate-limits.md)', () => {
  let tokens = 0;
  // A fresh token each time: answers are cached by token.
  const nextToken = () => `hf_RateLimitedToken${String((tokens += 1)).padStart(8, '0')}`;

  it.each([
    [
      'the RateLimit header’s t, plus one second as huggingface_hub waits',
      { RateLimit: '"api";r=0;t=3' },
      4000,
    ],
    ['Retry-After in seconds', { 'Retry-After': '7' }, 7000],
    ['t over Retry-After when both are sent', { RateLimit: '"api";r=0;t=2', 'Retry-After': '9' }, 3000],
    ['one second when the Hub names no wait', {}, 1000],
  ])('waits %s, once, then answers', async (_label, headers, expected) => {
    const hub429 = await scripted([{ status: 429, headers }, { status: 200 }]);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    try {
      const token = nextToken();
      expect(await checkToken(hub429.url, token, { sleep })).toMatchObject({
        ok: true,
        summary: { account: 'carol' },
      });
      expect(waits).toEqual([expected]);
      // Cached: no third request.
      expect(await checkToken(hub429.url, token, { sleep })).toMatchObject({ ok: true });
      expect(hub429.calls()).toBe(2);
    } finally {
      hub429.close();
    }
  });

  it('gives up after the second 429, never hammering', async () => {
    const hub429 = await scripted([{ status: 429, headers: { RateLimit: '"api";r=0;t=1' } }]);
    const waits: number[] = [];
    try {
      const check = await checkToken(hub429.url, nextToken(), { sleep: async (ms) => void waits.push(ms) });
      expect(check).toMatchObject({ ok: false, reason: 'rate_limited' });
      expect(waits).toEqual([2000]);
      expect(hub429.calls()).toBe(2);
    } finally {
      hub429.close();
    }
  });

  it('does not wait out more than 60 s: it says how long to wait instead', async () => {
    const hub429 = await scripted([
      { status: 429, headers: { RateLimit: '"api";r=0;t=250' } },
      { status: 200 },
    ]);
    const waits: number[] = [];
    try {
      const check = await checkToken(hub429.url, nextToken(), { sleep: async (ms) => void waits.push(ms) });
      expect(check).toEqual({
        ok: false,
        reason: 'rate_limited',
        message: 'The Hub asks the app to slow down. Wait 5 minutes, then check the token again.',
      });
      expect(waits).toEqual([]);
      expect(hub429.calls()).toBe(1);
    } finally {
      hub429.close();
    }
  });

  it('reads Retry-After as an HTTP date too', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(rateLimitWaitMs(new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(
      30_000,
    );
    expect(rateLimitWaitMs(new Headers({ 'Retry-After': 'soon' }), now)).toBeUndefined();
    expect(rateLimitWaitMs(new Headers({ RateLimit: '"api";r=5' }), now)).toBeUndefined();
    expect(MAX_RATE_LIMIT_WAIT_MS).toBe(60_000);
  });

  it('against the fake hub: waits out its fixed window once, then answers', async () => {
    const limited = await startFakeHub({ whoamiLimit: { max: 1, windowMs: 1000 } });
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    try {
      expect(await checkToken(limited.httpUrl, ALICE_WRITE_TOKEN, { sleep })).toMatchObject({ ok: true });
      expect(await checkToken(limited.httpUrl, BOB_READ_TOKEN, { sleep })).toMatchObject({
        ok: true,
        summary: { account: 'bob' },
      });
      expect(waits).toEqual([2000]);
      expect(limited.whoamiCalls()).toBe(3);
    } finally {
      await limited.stop();
    }
  });
});

describe('summariseWhoami', () => {
  it('reads fine-grained scopes under auth or under auth.accessToken, and survives odd shapes', () => {
    const scoped = [
      {
        entity: { _id: '1', type: 'user', name: 'alice' },
        permissions: ['repo.content.read', 'repo.write', 7],
      },
    ];
    for (const auth of [
      { accessToken: { role: 'fineGrained', fineGrained: { scoped } } },
      { accessToken: { role: 'fineGrained' }, fineGrained: { scoped }, expiresAt: '2027-01-01T00:00:00Z' },
    ]) {
      const summary = summariseWhoami({
        name: 'alice',
        orgs: [{ name: 'acme', roleInOrg: 'read' }, 'junk'],
        auth,
      });
      expect(summary?.role).toBe('fineGrained');
      expect(summary?.scoped).toEqual([
        { namespace: 'alice', permissions: ['repo.content.read', 'repo.write'] },
      ]);
      expect(summary?.orgs).toEqual([{ name: 'acme', role: 'read' }]);
    }
    for (const odd of [null, 42, 'x', [], {}, { name: 5 }]) expect(summariseWhoami(odd)).toBeUndefined();
  });

  it('reads the expiry from auth.expiresAt or auth.accessToken.expiration (huggingface.js AuthInfo)', () => {
    const at = (auth: unknown) => summariseWhoami({ name: 'alice', auth })?.expiresAt;
    expect(at({ accessToken: { role: 'write' }, expiresAt: '2027-01-01T00:00:00Z' })).toBe(
      '2027-01-01T00:00:00Z',
    );
    expect(at({ accessToken: { role: 'write', expiration: '2028-01-01T00:00:00Z' } })).toBe(
      '2028-01-01T00:00:00Z',
    );
    expect(at({ accessToken: { role: 'write' } })).toBeNull();
  });

  it('takes an answer without accessToken, or any answer for an hf_oauth_ token, as an OAuth sign-in', () => {
    expect(summariseWhoami({ name: 'erin', auth: { type: 'oauth' } })).toMatchObject({
      kind: 'oauth',
      role: 'unknown',
      tokenName: null,
    });
    expect(summariseWhoami({ name: 'erin', auth: { accessToken: { role: 'write' } } })?.kind).toBe(
      'access_token',
    );
    // An answer with no auth at all says nothing about the sign-in.
    expect(summariseWhoami({ name: 'erin' })?.kind).toBe('access_token');
    expect(
      summariseWhoami(
        { name: 'erin', auth: { accessToken: { role: 'write' } } },
        'hf_oauth_abcdefghijklmnopqrstu',
      )?.kind,
    ).toBe('oauth');
  });
});

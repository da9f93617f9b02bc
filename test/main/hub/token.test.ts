import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken, readTokenInput, summariseWhoami } from '../../../main/hub/token';
import { ALICE_WRITE_TOKEN, BOB_READ_TOKEN, startFakeHub, type FakeHub } from '../../fake-hub';

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

  it('waits once on 429 as the Hub asks, never hammers, and caches a good answer', async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, { 'Retry-After': '1' }).end();
      } else {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ name: 'carol', auth: { accessToken: { role: 'write' } } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = 'hf_RateLimitedToken00000000';
    expect(await checkToken(url, token, { maxWaitMs: 50 })).toMatchObject({
      ok: true,
      summary: { account: 'carol' },
    });
    expect(await checkToken(url, token, { maxWaitMs: 50 })).toMatchObject({ ok: true });
    expect(calls).toBe(2);
    server.close();
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
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../../../main/features/https/credentials';
import type { HttpsReport } from '../../../../main/features/https/report';
import { ALICE_WRITE_TOKEN, BOB_READ_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';
import { runDoctor } from '../../../support/doctor';

// `npm run doctor`'s HTTPS section against the fake hub: the helper, the saved token's role from
// whoami, and never the token itself, in text or JSON.

let hub: FakeHub;
let home: string;
beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(async () => {
  await hub.stop();
});

async function doctorWith(token: string | undefined, json: boolean) {
  home = mkdtempSync(join(tmpdir(), 'hfgd-doctor-https-'));
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  if (token) await approveToken(home, { endpoint: hub.httpUrl, username: 'someone' }, token);
  const result = await runDoctor(json ? ['--json'] : [], {
    PATH: process.env.PATH,
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: '127.0.0.1:1',
  });
  rmSync(home, { recursive: true, force: true });
  return result;
}

describe('npm run doctor: HTTPS', () => {
  it('reports the saved token’s role and the plain-text helper, masked, in text', async () => {
    const result = await doctorWith(BOB_READ_TOKEN, false);
    expect(result.stdout).toContain('HTTPS with an access token');
    expect(result.stdout).toContain(
      `✓ Token hf_…${BOB_READ_TOKEN.slice(-4)} saved for someone: a read token (can clone, cannot push) of bob ("bob-read").`,
    );
    expect(result.stdout).toContain('"store" keeps tokens in plain text on disk.');
    expect(`${result.stdout}${result.stderr}`).not.toContain(BOB_READ_TOKEN);
  });

  it('gives the same facts as JSON, without the token', async () => {
    const result = await doctorWith(ALICE_WRITE_TOKEN, true);
    const https = (JSON.parse(result.stdout) as { https: HttpsReport }).https;
    expect(https).toMatchObject({
      host: new URL(hub.httpUrl).host,
      helpers: [{ name: 'store', storage: 'plaintext', scope: 'global' }],
      hfTokenVariable: false,
      token: { saved: true, username: 'someone', check: { ok: true, account: 'alice', role: 'write' } },
    });
    expect(result.stdout).not.toContain(ALICE_WRITE_TOKEN);
  });

  it('says a saved token that the Hub refuses, and a saved password, do not work', async () => {
    const revoked = await doctorWith('hf_RevokedDoctorToken000000', false);
    expect(revoked.stdout).toContain('✗ The token saved for someone does not work:');
    expect(revoked.stdout).not.toContain('hf_RevokedDoctorToken000000');
    const password = await doctorWith('hunter2', false);
    expect(password.stdout).toContain('Git has a password saved for the Hub, not a token');
    expect(password.stdout).not.toContain('hunter2');
  });

  it('says when nothing is saved', async () => {
    const result = await doctorWith(undefined, false);
    expect(result.stdout).toMatch(/! No token saved for 127\.0\.0\.1:\d+/);
  });
});

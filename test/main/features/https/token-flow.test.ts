import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../../../main/features/https/credentials';
import type { FailureKind } from '../../../../preload/contract';
import {
  ALICE_WRITE_TOKEN,
  BOB_EXPIRED_TOKEN,
  BOB_READ_TOKEN,
  CAROL_FINE_TOKEN,
  DAVE_WRITE_TOKEN,
  startFakeHub,
  type FakeHub,
} from '../../../fake-hub';
import { httpsWorld, type HttpsWorld } from './hub-fixture';
import { POSIX_MODES } from '../../../support/platform';

// The token route end to end under Node: the handlers the wizard calls, real git and its store
// helper in a temp HOME, and the fake hub's whoami-v2 and smart-HTTP git (git http-backend).

let hub: FakeHub;
const worlds: HttpsWorld[] = [];
const world = (gitconfig?: string): HttpsWorld => {
  const made = httpsWorld(hub, gitconfig);
  worlds.push(made);
  return made;
};

beforeAll(async () => {
  hub = await startFakeHub();
  for (const path of [
    'alice/tiny-model',
    'bob/notes',
    'carol/own-model',
    'alice-lab/shared-model',
    'datasets/alice/tiny-data',
  ])
    hub.createRepo(path);
  hub.createRepo('alice/gated-model', { gated: true });
});
afterEach(() => {
  while (worlds.length > 0) worlds.pop()?.dispose();
});
afterAll(async () => {
  await hub.stop();
});

/** Checks the token through the app and saves it (plain-text consent: this machine has no keychain). */
async function saveToken(w: HttpsWorld, token: string): Promise<void> {
  const checked = await w.call('checkToken', { token });
  if (!checked.ok) throw new Error(checked.error.message);
  const stored = await w.call('storeToken', { ref: checked.value.ref, allowPlaintext: true });
  if (!stored.ok) throw new Error(stored.error.message);
}

async function pushKind(w: HttpsWorld, work: string, dryRun = false): Promise<FailureKind> {
  const result = await w.call('tryPush', { path: work, remote: 'origin', dryRun });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.kind;
}

describe('checking a token', () => {
  it('reports a write token in plain facts, with only the masked token in the reply', async () => {
    const w = world();
    const result = await w.call('checkToken', { token: `  ${ALICE_WRITE_TOKEN}\n` });
    expect(result).toMatchObject({
      ok: true,
      value: {
        account: 'alice',
        role: 'write',
        tokenName: 'alice-write',
        masked: `hf_…${ALICE_WRITE_TOKEN.slice(-4)}`,
        orgs: [{ name: 'alice-lab', role: 'admin' }],
        expiresAt: null,
      },
    });
    expect(JSON.stringify(result)).not.toContain(ALICE_WRITE_TOKEN);
  });

  it('reports a fine-grained token namespace by namespace', async () => {
    const result = await world().call('checkToken', { token: CAROL_FINE_TOKEN });
    expect(result.ok && result.value.scoped).toEqual([
      { namespace: 'carol', permissions: ['repo.content.read', 'repo.write'] },
      { namespace: 'alice-lab', permissions: ['repo.content.read'] },
    ]);
  });

  it.each([
    ['an unknown token', 'hf_NobodyHasThisTokenAtAll00', /doesn't recognise/],
    ['an expired token', BOB_EXPIRED_TOKEN, /expired/],
  ])('refuses %s with the Hub’s reason', async (_label, token, message) => {
    const result = await world().call('checkToken', { token });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'token_unknown', message: expect.stringMatching(message) },
    });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it.each([
    ['a password', 'correct horse battery', 'token_invalid'],
    ['a legacy org token', 'api_org_abcdefghijklmnopqrstuvwxyz', 'token_invalid'],
    ['nothing', '   ', 'token_invalid'],
  ])('refuses %s before asking the Hub', async (_label, token, code) => {
    const before = hub.whoamiCalls();
    const result = await world().call('checkToken', { token });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(hub.whoamiCalls()).toBe(before);
  });

  it('asks the Hub once for the same token (whoami-v2 is rate limited)', async () => {
    const w = world();
    await w.call('checkToken', { token: DAVE_WRITE_TOKEN });
    const before = hub.whoamiCalls();
    await w.call('checkToken', { token: DAVE_WRITE_TOKEN });
    expect(hub.whoamiCalls()).toBe(before);
  });
});

describe('rate limit', () => {
  it('waits for the Hub’s Retry-After on 429, then answers (the give-up path is in token.test.ts)', async () => {
    const limited = await startFakeHub({ whoamiLimit: { max: 1, windowMs: 1200 } });
    try {
      const w = httpsWorld(limited);
      worlds.push(w);
      expect((await w.call('checkToken', { token: ALICE_WRITE_TOKEN })).ok).toBe(true);
      const started = Date.now();
      const second = await w.call('checkToken', { token: BOB_READ_TOKEN });
      expect(second).toMatchObject({ ok: true, value: { account: 'bob', role: 'read' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(limited.whoamiCalls()).toBe(3);
      // A second check in a fresh window: answered again without the caller doing anything.
      expect((await w.call('checkToken', { token: DAVE_WRITE_TOKEN })).ok).toBe(true);
      expect(limited.whoamiCalls()).toBeLessThanOrEqual(5);
    } finally {
      await limited.stop();
    }
  });
});

describe('saving the token for git', () => {
  it('asks before plain text: nothing is written without consent', async () => {
    const w = world('[user]\n\tname = Alice\n');
    const checked = await w.call('checkToken', { token: ALICE_WRITE_TOKEN });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const setup = await w.call('credentialSetup', null);
    expect(setup).toMatchObject({ ok: true, value: { secure: null, configured: [], storedUser: null } });
    const refused = await w.call('storeToken', { ref: checked.value.ref, allowPlaintext: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'plaintext_consent_needed' } });
    expect(readFileSync(join(w.home, '.gitconfig'), 'utf8')).toBe('[user]\n\tname = Alice\n');
    expect(existsSync(join(w.home, '.git-credentials'))).toBe(false);
  });

  it('with consent, scopes `store` to the Hub, keeps the rest of .gitconfig, and a push needs no prompt', async () => {
    const w = world('[user]\n\tname = Alice\n# my comment\n[alias]\n\tst = status\n');
    const checked = await w.call('checkToken', { token: ALICE_WRITE_TOKEN });
    if (!checked.ok) throw new Error('check failed');
    const stored = await w.call('storeToken', { ref: checked.value.ref, allowPlaintext: true });
    expect(stored).toMatchObject({
      ok: true,
      value: { username: 'alice', helper: 'store', storage: 'plaintext', configuredNow: true },
    });
    const config = readFileSync(join(w.home, '.gitconfig'), 'utf8');
    expect(config).toContain('[user]\n\tname = Alice\n# my comment\n[alias]\n\tst = status\n');
    expect(config).toContain(`[credential "${hub.httpUrl}"]\n\thelper = store\n`);
    if (POSIX_MODES) expect(statSync(join(w.home, '.git-credentials')).mode & 0o077).toBe(0); // Windows: ACLs
    // The handle is spent: the app holds the token no longer.
    expect(await w.call('storeToken', { ref: checked.value.ref, allowPlaintext: true })).toMatchObject({
      ok: false,
      error: { code: 'token_not_checked' },
    });
    const work = await w.cloneWithCommit(`${hub.httpUrl}/alice/tiny-model`, 'tiny');
    const pushed = await w.git(work, ['push', '--quiet', 'origin', 'HEAD:main']);
    expect(pushed).toEqual({ status: 0, out: '' });
    expect(
      (await w.call('credentialSetup', null)).ok && (await w.call('credentialSetup', null)),
    ).toMatchObject({
      value: { storedUser: 'alice', configured: [{ name: 'store', storage: 'plaintext', scope: 'hub' }] },
    });
  });

  it('says so when git cannot write its config (here ~/.gitconfig is a folder), and saves nothing', async () => {
    const w = world();
    rmSync(join(w.home, '.gitconfig'));
    mkdirSync(join(w.home, '.gitconfig'));
    const checked = await w.call('checkToken', { token: ALICE_WRITE_TOKEN });
    if (!checked.ok) throw new Error('check failed');
    const result = await w.call('storeToken', { ref: checked.value.ref, allowPlaintext: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'credential_helper_failed' } });
    expect(existsSync(join(w.home, '.git-credentials'))).toBe(false);
  });

  it('says so when the helper takes the token but does not keep it', async () => {
    const w = world('[credential]\n\thelper = "!f() { cat >/dev/null; }; f"\n');
    const checked = await w.call('checkToken', { token: ALICE_WRITE_TOKEN });
    if (!checked.ok) throw new Error('check failed');
    const result = await w.call('storeToken', { ref: checked.value.ref, allowPlaintext: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'credential_helper_failed' } });
    expect(JSON.stringify(result)).not.toContain(ALICE_WRITE_TOKEN);
  });

  it('refuses a handle it never gave out', async () => {
    const result = await world().call('storeToken', { ref: crypto.randomUUID(), allowPlaintext: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'token_not_checked' } });
  });

  it('forgets the token: git credential reject empties the helper for the Hub only', async () => {
    const w = world();
    await saveToken(w, ALICE_WRITE_TOKEN);
    // Another host's line in the same file, as a user of `store` elsewhere would have it.
    appendFileSync(join(w.home, '.git-credentials'), 'https://me:ghp_other@github.com\n');
    expect(await w.call('forgetToken', null)).toEqual({ ok: true, value: { forgotten: true } });
    expect(readFileSync(join(w.home, '.git-credentials'), 'utf8')).toBe('https://me:ghp_other@github.com\n');
    expect(await w.call('forgetToken', null)).toEqual({ ok: true, value: { forgotten: false } });
  });
});

describe('diagnosing "Authentication failed" with real git', () => {
  it('ok: a write token pushes (dry run first, then for real)', async () => {
    const w = world();
    await saveToken(w, ALICE_WRITE_TOKEN);
    const work = await w.cloneWithCommit(`${hub.httpUrl}/datasets/alice/tiny-data`, 'data');
    expect(await pushKind(w, work, true)).toBe('ok');
    expect(await pushKind(w, work)).toBe('ok');
  });

  it('waits while a merge is in the middle: no push, so conflict markers cannot reach the Hub', async () => {
    const w = world();
    await saveToken(w, ALICE_WRITE_TOKEN);
    const work = await w.cloneWithCommit(`${hub.httpUrl}/datasets/alice/tiny-data`, 'merging');
    const commitEdit = async (text: string) => {
      writeFileSync(join(work, 'clash.txt'), text);
      expect((await w.git(work, ['add', 'clash.txt'])).status).toBe(0);
      expect((await w.git(work, ['commit', '--quiet', '-m', text.trim()])).status).toBe(0);
    };
    await commitEdit('base\n');
    expect((await w.git(work, ['checkout', '--quiet', '-b', 'side'])).status).toBe(0);
    await commitEdit('side\n');
    expect((await w.git(work, ['checkout', '--quiet', '-'])).status).toBe(0);
    await commitEdit('mine\n');
    expect((await w.git(work, ['merge', 'side'])).status).not.toBe(0);
    expect(readFileSync(join(work, 'clash.txt'), 'utf8')).toContain('<<<<<<<');
    const refused = await w.call('tryPush', { path: work, remote: 'origin', dryRun: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'operation_in_progress' } });
    // Once the merge is settled, the push goes.
    writeFileSync(join(work, 'clash.txt'), 'both\n');
    expect((await w.git(work, ['commit', '--quiet', '-am', 'settled'])).status).toBe(0);
    expect(await pushKind(w, work)).toBe('ok');
  });

  it('password_refused: a password saved in the helper', async () => {
    const w = world('[credential]\n\thelper = store\n');
    await approveToken(w.home, { endpoint: hub.httpUrl, username: 'alice' }, 'hunter2-password');
    const work = await w.cloneWithCommit(`${hub.httpUrl}/alice/tiny-model`, 'pw');
    const result = await w.call('tryPush', { path: work, remote: 'origin', dryRun: false });
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'password_refused', action: 'forget_and_reenter' },
    });
    expect(result.ok && result.value.output).toContain(
      'Password authentication in git is no longer supported',
    );
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('stale_credential: a revoked token still in the helper', async () => {
    const w = world('[credential]\n\thelper = store\n');
    await approveToken(w.home, { endpoint: hub.httpUrl, username: 'alice' }, 'hf_RevokedLongAgoToken00000');
    const work = await w.cloneWithCommit(`${hub.httpUrl}/alice/tiny-model`, 'stale');
    expect(await pushKind(w, work)).toBe('token_invalid');
  });

  it('no_credential: nothing saved, so git wanted to prompt', async () => {
    const w = world();
    const work = await w.cloneWithCommit(`${hub.httpUrl}/alice/tiny-model`, 'none');
    expect(await pushKind(w, work)).toBe('no_credential');
  });

  it('read_token: a read token pushing', async () => {
    const w = world();
    await saveToken(w, BOB_READ_TOKEN);
    const work = await w.cloneWithCommit(`${hub.httpUrl}/bob/notes`, 'notes');
    // The dry run signs in fine (the Hub refuses the ref update only on a real push), and is
    // still told, from whoami, that the push will be refused.
    expect(await pushKind(w, work, true)).toBe('read_token');
    const result = await w.call('tryPush', { path: work, remote: 'origin', dryRun: false });
    expect(result).toMatchObject({ ok: true, value: { kind: 'read_token', action: 'new_write_token' } });
    expect(result.ok && result.value.fix).toContain(`${hub.httpUrl}/settings/tokens/new?tokenType=write`);
  });

  it('fine_grained_no_write: a fine-grained token without write on that namespace; with it, ok', async () => {
    const w = world();
    await saveToken(w, CAROL_FINE_TOKEN);
    const shared = await w.cloneWithCommit(`${hub.httpUrl}/alice-lab/shared-model`, 'shared');
    expect(await pushKind(w, shared)).toBe('fine_grained_no_write');
    const own = await w.cloneWithCommit(`${hub.httpUrl}/carol/own-model`, 'own');
    expect(await pushKind(w, own)).toBe('ok');
  });

  it('org_role_too_low: a write token of a "read" member of the org', async () => {
    const w = world();
    await saveToken(w, DAVE_WRITE_TOKEN);
    const work = await w.cloneWithCommit(`${hub.httpUrl}/alice-lab/shared-model`, 'org');
    expect(await pushKind(w, work, true)).toBe('org_role_too_low');
    const result = await w.call('tryPush', { path: work, remote: 'origin', dryRun: false });
    expect(result).toMatchObject({ ok: true, value: { kind: 'org_role_too_low' } });
    expect(result.ok && result.value.message).toContain('“read”');
  });

  it('no_write_access: someone else’s namespace', async () => {
    const w = world();
    await saveToken(w, ALICE_WRITE_TOKEN);
    const work = await w.cloneWithCommit(`${hub.httpUrl}/bob/notes`, 'bobs');
    expect(await pushKind(w, work)).toBe('no_write_access');
  });

  it('gated: a gated repo the account was not let into', async () => {
    const w = world();
    await saveToken(w, DAVE_WRITE_TOKEN);
    const work = join(w.home, 'gated');
    await w.git(w.home, ['init', '--quiet', '--initial-branch=main', work]);
    await w.git(work, ['remote', 'add', 'origin', `${hub.httpUrl}/alice/gated-model`]);
    await w.git(work, ['commit', '--quiet', '--allow-empty', '-m', 'x']);
    const result = await w.call('tryPush', { path: work, remote: 'origin', dryRun: true });
    expect(result).toMatchObject({ ok: true, value: { kind: 'gated' } });
  });

  it('wrong_username: the URL names another user than the saved token; cleaning the URL fixes it', async () => {
    const w = world();
    await saveToken(w, ALICE_WRITE_TOKEN);
    const work = await w.cloneWithCommit(`${hub.httpUrl}/alice/tiny-model`, 'user');
    const host = new URL(hub.httpUrl).host;
    await w.git(work, ['remote', 'set-url', 'origin', `http://bob@${host}/alice/tiny-model`]);
    const result = await w.call('tryPush', { path: work, remote: 'origin', dryRun: true });
    expect(result).toMatchObject({ ok: true, value: { kind: 'wrong_username', action: 'fix_username' } });
    const cleaned = await w.call('cleanRemote', { path: work, remote: 'origin' });
    expect(cleaned.ok && cleaned.value.remotes[0]).toMatchObject({
      shown: `${hub.httpUrl}/alice/tiny-model`,
    });
    expect(await pushKind(w, work)).toBe('ok');
  });
});

describe('credential hygiene', () => {
  it('finds a token pasted into a remote URL, shows it masked, and rewrites it once the token is saved', async () => {
    const w = world();
    const host = new URL(hub.httpUrl).host;
    const leaky = `http://alice:${ALICE_WRITE_TOKEN}@${host}/alice/tiny-model`;
    const work = join(w.home, 'leaky');
    expect((await w.git(w.home, ['clone', '--quiet', leaky, work])).status).toBe(0);
    const found = await w.call('checkRepo', { path: work });
    expect(found).toMatchObject({
      ok: true,
      value: {
        storedUser: null,
        remotes: [
          { name: 'origin', kind: 'hub-https', repo: 'alice/tiny-model', hasSecret: true, username: 'alice' },
        ],
      },
    });
    expect(JSON.stringify(found)).not.toContain(ALICE_WRITE_TOKEN);
    expect(found.ok && found.value.remotes[0]?.shown).toBe(`http://alice:***@${host}/alice/tiny-model`);
    // Not before the token is in a helper: the clean URL would leave git without credentials.
    expect(await w.call('cleanRemote', { path: work, remote: 'origin' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    await saveToken(w, ALICE_WRITE_TOKEN);
    const cleaned = await w.call('cleanRemote', { path: work, remote: 'origin' });
    expect(cleaned).toMatchObject({
      ok: true,
      value: {
        storedUser: 'alice',
        remotes: [
          {
            hasSecret: false,
            shown: `${hub.httpUrl}/alice/tiny-model`,
            prediction: { canPush: true },
          },
        ],
      },
    });
    expect(readFileSync(join(work, '.git', 'config'), 'utf8')).not.toContain(ALICE_WRITE_TOKEN);
  });

  it('predicts, before any push, where the saved token can push', async () => {
    const w = world();
    await saveToken(w, DAVE_WRITE_TOKEN);
    const work = join(w.home, 'multi');
    await w.git(w.home, ['init', '--quiet', work]);
    await w.git(work, ['remote', 'add', 'mine', `${hub.httpUrl}/dave/model`]);
    await w.git(work, ['remote', 'add', 'lab', `${hub.httpUrl}/alice-lab/shared-model`]);
    await w.git(work, ['remote', 'add', 'ssh', 'git@hf.co:alice/tiny-model']);
    await w.git(work, ['remote', 'add', 'gh', 'https://github.com/x/y']);
    const result = await w.call('checkRepo', { path: work });
    if (!result.ok) throw new Error(result.error.message);
    const byName = new Map(result.value.remotes.map((remote) => [remote.name, remote]));
    expect(byName.get('mine')?.prediction?.canPush).toBe(true);
    expect(byName.get('lab')?.prediction).toMatchObject({ canPush: false });
    expect(byName.get('ssh')).toMatchObject({ kind: 'hub-ssh', repo: 'alice/tiny-model' });
    expect(byName.get('ssh')?.prediction).toBeUndefined();
    expect(byName.get('gh')).toMatchObject({ kind: 'other' });
    expect(await w.call('tryPush', { path: work, remote: 'ssh', dryRun: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it.each([
    ['a relative path', 'my-model'],
    ['a missing folder', '/nonexistent/hfgd/repo'],
    ['a file', '/etc/hostname'],
    ['a folder that is not a repository', '/'],
    ['an option', '--upload-pack=touch /tmp/pwned'],
  ])('refuses %s as a repository', async (_label, path) => {
    const result = await world().call('checkRepo', { path });
    expect(result).toMatchObject({ ok: false, error: { code: 'repo_unusable' } });
  });

  it.each([
    ['an option', '--mirror'],
    ['a refspec trick', 'origin:refs/heads/x'],
    ['an empty name', ''],
  ])('refuses %s as a remote name before git runs', async (_label, remote) => {
    const result = await world().call('tryPush', { path: '/', remote, dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

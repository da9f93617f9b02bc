import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  CAROL_FINE_TOKEN,
  DAVE_WRITE_TOKEN,
  startFakeHub,
  type FakeHub,
} from '../../../fake-hub';
import { hubWorld, type HubWorld } from './hub-world';

// The account for the Hub's API against the fake hub's whoami-v2: where the token comes from
// (HF_TOKEN, then one given for this run, then git's), the namespaces it may create in, the SSH
// check, and the refusal of every API action without a token. The token never reaches a result.

let hub: FakeHub;
const worlds: HubWorld[] = [];
const world = (env?: NodeJS.ProcessEnv): HubWorld => {
  const made = hubWorld(hub, env);
  worlds.push(made);
  return made;
};
const TOKENS = [ALICE_WRITE_TOKEN, BOB_READ_TOKEN, CAROL_FINE_TOKEN, DAVE_WRITE_TOKEN];
const noToken = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const token of TOKENS) expect(text).not.toContain(token);
};

beforeAll(async () => {
  hub = await startFakeHub();
});
afterEach(() => {
  while (worlds.length > 0) worlds.pop()?.dispose();
});
afterAll(async () => {
  await hub.stop();
});

describe('hubAccount', () => {
  it('has no source and no namespaces without any token', async () => {
    const w = world();
    const account = await w.call('hubAccount', null);
    expect(account).toEqual({
      ok: true,
      value: {
        source: null,
        user: null,
        masked: null,
        role: null,
        namespaces: [],
        sshUser: null,
        mismatch: null,
      },
    });
  });

  it('takes the token saved for git, then one given for this run, then HF_TOKEN over both', async () => {
    const w = world();
    await w.saveForGit('alice', ALICE_WRITE_TOKEN);
    const fromGit = await w.call('hubAccount', null);
    expect(fromGit.ok && fromGit.value).toMatchObject({ source: 'git', user: 'alice', role: 'write' });
    expect(fromGit.ok && fromGit.value.masked).toBe(`hf_…${ALICE_WRITE_TOKEN.slice(-4)}`);

    const used = await w.call('useApiToken', { ref: await w.checkedRef(BOB_READ_TOKEN), save: false });
    expect(used.ok && used.value).toMatchObject({ source: 'session', user: 'bob', role: 'read' });

    const withEnv = world({ HF_TOKEN: `${CAROL_FINE_TOKEN}\n` });
    await withEnv.saveForGit('alice', ALICE_WRITE_TOKEN);
    await withEnv.call('useApiToken', { ref: await withEnv.checkedRef(BOB_READ_TOKEN), save: false });
    const fromEnv = await withEnv.call('hubAccount', null);
    expect(fromEnv.ok && fromEnv.value).toMatchObject({ source: 'env', user: 'carol', role: 'fineGrained' });
    noToken([fromGit, used, fromEnv]);
  });

  it('names the namespaces the token may create in, and why not where it may not', async () => {
    const alice = world({ HF_TOKEN: ALICE_WRITE_TOKEN });
    const a = await alice.call('hubAccount', null);
    expect(a.ok && a.value.namespaces).toEqual([
      { name: 'alice', kind: 'user', canCreate: true, why: null },
      { name: 'alice-lab', kind: 'org', canCreate: true, why: null },
    ]);
    const dave = world({ HF_TOKEN: DAVE_WRITE_TOKEN });
    const d = await dave.call('hubAccount', null);
    expect(d.ok && d.value.namespaces).toEqual([
      { name: 'dave', kind: 'user', canCreate: true, why: null },
      {
        name: 'alice-lab',
        kind: 'org',
        canCreate: false,
        why: 'Your role in alice-lab is “read”, which cannot create repositories there.',
      },
    ]);
    const bob = world({ HF_TOKEN: BOB_READ_TOKEN });
    const b = await bob.call('hubAccount', null);
    expect(b.ok && b.value.namespaces).toEqual([
      {
        name: 'bob',
        kind: 'user',
        canCreate: false,
        why: 'This is a read token: it cannot create repositories.',
      },
    ]);
    const carol = world({ HF_TOKEN: CAROL_FINE_TOKEN });
    const c = await carol.call('hubAccount', null);
    expect(c.ok && c.value.namespaces.map((n) => [n.name, n.canCreate])).toEqual([
      ['carol', true],
      ['alice-lab', false],
    ]);
  });

  it('says plainly when the SSH key and the token are different people', async () => {
    const w = world({ HF_TOKEN: ALICE_WRITE_TOKEN });
    // bob's key, set up as the SSH screens do, and the real ssh -T greeting through the handler.
    const key = await w.call('generateKey', { name: 'id_ed25519', comment: 'bob@test', passphrase: null });
    if (!key.ok) throw new Error(key.error.message);
    hub.addKey('bob', key.value.publicKey ?? '');
    expect((await w.call('pinHostKeys', { replaceMismatched: false })).ok).toBe(true);
    expect((await w.call('configureSsh', { name: 'id_ed25519' })).ok).toBe(true);
    const greeting = await w.call('testConnection', { runId: 'ssh-1' });
    expect(greeting.ok && greeting.value).toMatchObject({ kind: 'authenticated', user: 'bob' });
    const account = await w.call('hubAccount', null);
    expect(account.ok && account.value.sshUser).toBe('bob');
    expect(account.ok && account.value.mismatch).toMatch(
      /^Your SSH key signs in as bob, but the access token is alice’s: pushes over SSH go to bob’s account/,
    );
    w.context.session.sshGreetingUser = 'alice';
    const same = await w.call('hubAccount', null);
    expect(same.ok && same.value.mismatch).toBeNull();
  });
});

describe('useApiToken', () => {
  it('refuses a handle the app does not hold', async () => {
    const w = world();
    const used = await w.call('useApiToken', { ref: '00000000-0000-4000-8000-000000000000', save: false });
    expect(used.ok).toBe(false);
    expect(!used.ok && used.error.code).toBe('token_not_checked');
  });

  it('keeps the token for this run when saving it for git needs plain-text consent, and says so', async () => {
    const w = world();
    const used = await w.call('useApiToken', { ref: await w.checkedRef(ALICE_WRITE_TOKEN), save: true });
    expect(!used.ok && used.error.code).toBe('plaintext_consent_needed');
    expect(!used.ok && used.error.message).toMatch(
      /^The app uses this token for now, but it was not saved for Git/,
    );
    const account = await w.call('hubAccount', null);
    expect(account.ok && account.value).toMatchObject({ source: 'session', user: 'alice' });
    noToken([used, account]);
  });

  it('saves it for git too, the token screen’s way, where git keeps it without plain text', async () => {
    const w = world();
    // git's cache helper keeps credentials in memory (no plain-text consent needed); its daemon
    // lives in this HOME and is stopped at the end.
    writeFileSync(join(w.home, '.gitconfig'), '[credential]\n\thelper = cache --timeout=120\n');
    try {
      const used = await w.call('useApiToken', { ref: await w.checkedRef(ALICE_WRITE_TOKEN), save: true });
      expect(used.ok && used.value).toMatchObject({ source: 'session', user: 'alice' });
      const setup = await w.call('credentialSetup', null);
      expect(setup.ok && setup.value.storedUser).toBe('alice');
      noToken([used, setup]);
    } finally {
      await w.git(w.home, ['credential-cache', 'exit']);
    }
  });
});

describe('API actions without a token', () => {
  it('each answers api_token_needed with its own reason', async () => {
    const w = world();
    const created = await w.call('createHubRepo', {
      kind: 'model',
      namespace: 'alice',
      name: 'x',
      private: false,
      sdk: null,
    });
    expect(!created.ok && created.error).toEqual({
      code: 'api_token_needed',
      message: 'Creating a repository uses the Hub’s API, which SSH keys cannot call.',
      hint: 'Give the app an access token (a write token for creating and pull requests).',
    });
    const listed = await w.call('listHubRepos', { search: null, refresh: false });
    expect(!listed.ok && listed.error.code).toBe('api_token_needed');
    expect(!listed.ok && listed.error.message).toMatch(/^Listing your repositories/);
    const opened = await w.call('openPullRequest', {
      runId: 'r1',
      path: w.home,
      title: 'Fix',
      description: '',
    });
    expect(!opened.ok && opened.error.code).toBe('api_token_needed');
    const prs = await w.call('listPullRequests', { path: w.home });
    expect(!prs.ok && prs.error.code).toBe('api_token_needed');
  });
});

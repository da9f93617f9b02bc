import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { explainFailure } from '../../main/git/failures';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  DAVE_WRITE_TOKEN,
  startFakeHub,
  type FakeHub,
  type FakeRepo,
  type FakeUser,
} from '.';
import { gitWorld, type GitWorld } from './git-world';

// Real git over smart HTTP against the fake hub (git http-backend behind it); credentials come
// from git's store helper, filled over stdin by approveToken, as the app will do it. Each answer
// is the Hub's (HUB-FACTS), and the app's failure table reads it as the Hub's would be read.

let hub: FakeHub;
let repo: FakeRepo;
const worlds: GitWorld[] = [];
const world = async (credential?: { user: string; token: string }): Promise<GitWorld> => {
  const made = await gitWorld(hub, credential);
  worlds.push(made);
  return made;
};

beforeAll(async () => {
  hub = await startFakeHub();
  repo = hub.createRepo('alice/tiny-model');
  hub.createRepo('alice/private-model', { private: true });
  hub.createRepo('alice/gated-weights', { gated: true, authorized: ['bob'] });
  hub.createRepo('datasets/alice/gated-data', { gated: true });
});
afterEach(() => {
  while (worlds.length > 0) worlds.pop()?.dispose();
});
afterAll(async () => {
  await hub.stop();
});

const context = (operation: 'clone' | 'push', code: number | null, repoPath?: string) =>
  ({
    operation,
    endpoint: hub.httpUrl,
    transport: 'https',
    flags: { exitCode: code },
    ...(repoPath ? { repo: repoPath } : {}),
  }) as const;

describe('smart HTTP git on the fake hub', () => {
  it('clones without an account and pushes with a write token from the credential helper', async () => {
    const w = await world({ user: 'alice', token: ALICE_WRITE_TOKEN });
    const work = await w.cloneWithCommit('alice/tiny-model', 'work');
    const push = await w.git(work, ['push', '--quiet', 'origin', 'HEAD:main']);
    expect(push.out).toBe('');
    expect(push.status).toBe(0);
    expect(
      spawnSync('git', ['--git-dir', repo.gitDir, 'log', '--oneline', 'main'], { encoding: 'utf8' }).stdout,
    ).toContain('add');
  });

  it('refuses a password with the Hub’s words', async () => {
    const anonymous = await world();
    const work = await anonymous.cloneWithCommit('alice/tiny-model', 'work');
    const w = await world({ user: 'alice', token: 'correct horse' });
    const push = await w.git(work, ['push', 'origin', 'HEAD:main']);
    expect(push.status).not.toBe(0);
    expect(push.out).toContain(
      'remote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation',
    );
    expect(push.out).toContain('fatal: Authentication failed for');
    expect(explainFailure(push.out, context('push', push.status)).kind).toBe('password_refused');
  });

  it('refuses an unknown token, and a read token pushing, with the Hub’s framing', async () => {
    let w = await world({ user: 'alice', token: 'hf_NoSuchTokenAnywhere00' });
    let work = await w.cloneWithCommit('alice/tiny-model', 'work');
    const unknown = await w.git(work, ['push', 'origin', 'HEAD:main']);
    expect(unknown.out).toContain('remote: Invalid username or password.');
    expect(unknown.out).toContain('fatal: Authentication failed for');
    w = await world({ user: 'bob', token: BOB_READ_TOKEN });
    work = await w.cloneWithCommit('alice/tiny-model', 'work');
    const push = await w.git(work, ['push', 'origin', 'HEAD:main']);
    expect(push.status).not.toBe(0);
    // huggingface_hub#937, as the Hub prints it.
    expect(push.out).toMatch(
      /remote: -{58}\s*\nremote: Your push was rejected for the following reasons:\s*\nremote: DENIED update refs\/heads\/main: forbidden\s*\nremote: -{58}/,
    );
    expect(push.out).toContain('(pre-receive hook declined)');
  });
});

describe('private and missing repositories (HUB-FACTS, huggingface_hub _http.py)', () => {
  it('asks for a username without credentials, for a missing repository and a private one alike', async () => {
    const w = await world();
    for (const path of ['alice/nope', 'alice/private-model']) {
      const clone = await w.git(w.home, ['clone', `${hub.httpUrl}/${path}`, join(w.home, path)]);
      expect(clone.status).not.toBe(0);
      expect(clone.out).toMatch(/could not read Username for '[^']+': terminal prompts disabled/);
      expect(explainFailure(clone.out, context('clone', clone.status)).kind).toBe('no_credential');
    }
    const answer = await fetch(`${hub.httpUrl}/alice/private-model.git/info/refs?service=git-upload-pack`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(answer.headers.get('x-error-code')).toBe('RepoNotFound');
  });

  it('says "Repository not found" to a token that cannot see it, exactly as for one that does not exist', async () => {
    const w = await world({ user: 'bob', token: BOB_READ_TOKEN });
    const outputs: string[] = [];
    // Names are case-sensitive: Alice/Private-Model is not alice/private-model.
    for (const path of ['alice/private-model', 'alice/nothing-here', 'Alice/Private-Model']) {
      const clone = await w.git(w.home, ['clone', `${hub.httpUrl}/${path}`, join(w.home, 'x')]);
      expect(clone.status).not.toBe(0);
      expect(clone.out).toContain('remote: Repository not found');
      expect(explainFailure(clone.out, context('clone', clone.status, path)).kind).toBe(
        'not_found_or_private',
      );
      outputs.push(clone.out.replace(path, 'PATH'));
    }
    expect(new Set(outputs).size).toBe(1);
  });

  it('lets the owner clone and push its private repository', async () => {
    const w = await world({ user: 'alice', token: ALICE_WRITE_TOKEN });
    const work = await w.cloneWithCommit('alice/private-model', 'private');
    const push = await w.git(work, ['push', '--quiet', 'origin', 'HEAD:main']);
    expect(push.status, push.out).toBe(0);
  });
});

describe('gated repositories (HUB-FACTS)', () => {
  it('without credentials: a 401 asking to log in, X-Error-Code GatedRepo; git asks for a username', async () => {
    const w = await world();
    const anonymous = await w.git(w.home, ['clone', `${hub.httpUrl}/alice/gated-weights`, join(w.home, 'a')]);
    expect(anonymous.status).not.toBe(0);
    expect(anonymous.out).toMatch(/could not read Username|terminal prompts disabled/);
    const answer = await fetch(
      `${hub.httpUrl}/datasets/alice/gated-data.git/info/refs?service=git-upload-pack`,
    );
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-error-code')).toBe('GatedRepo');
    expect(await answer.text()).toBe(
      'Access to dataset alice/gated-data is restricted. You must have access to it and be authenticated to access it. Please log in.\n',
    );
  });

  it('refuses an account not on the list with the Hub’s words; the owner and the authorized get in', async () => {
    for (const [name, token, allowed] of [
      ['dave', DAVE_WRITE_TOKEN, false],
      ['bob', BOB_READ_TOKEN, true],
      ['alice', ALICE_WRITE_TOKEN, true],
    ] as const) {
      const w = await world({ user: name, token });
      const clone = await w.git(w.home, ['clone', `${hub.httpUrl}/alice/gated-weights`, join(w.home, 'c')]);
      expect(clone.status === 0, `${name}: ${clone.out}`).toBe(allowed);
      if (!allowed) {
        expect(clone.out).toContain(
          `remote: Access to model alice/gated-weights is restricted and you are not in the authorized list. Visit ${hub.httpUrl}/alice/gated-weights to ask for access.`,
        );
        expect(
          explainFailure(clone.out, context('clone', clone.status, 'alice/gated-weights')),
        ).toMatchObject({
          kind: 'gated',
          action: 'request_access',
        });
      }
    }
  });

  it('needs canReadGatedRepos on a fine-grained token, even for an account let in', async () => {
    const fine = (value: string, canReadGatedRepos: boolean) => ({
      value,
      displayName: value,
      role: 'fineGrained' as const,
      fineGrained: { canReadGatedRepos, scoped: [] },
    });
    const users: FakeUser[] = [
      { name: 'alice' },
      {
        name: 'gina',
        tokens: [fine('hf_GinaNoGatedReads000000000', false), fine('hf_GinaGatedReads0000000000', true)],
      },
    ];
    const gatedHub = await startFakeHub({ users });
    try {
      gatedHub.createRepo('alice/gated', { gated: true, authorized: ['gina'] });
      for (const [token, allowed] of [
        ['hf_GinaNoGatedReads000000000', false],
        ['hf_GinaGatedReads0000000000', true],
      ] as const) {
        const w = await gitWorld(gatedHub, { user: 'gina', token });
        worlds.push(w);
        const clone = await w.git(w.home, ['clone', `${gatedHub.httpUrl}/alice/gated`, join(w.home, 'c')]);
        expect(clone.status === 0, clone.out).toBe(allowed);
        if (!allowed) expect(clone.out).toContain('is restricted and you are not in the authorized list');
      }
    } finally {
      await gatedHub.stop();
    }
  });
});

describe('whoami-v2 rate limit', () => {
  it('answers 429 with Retry-After and the RateLimit headers past the limit, and counts every request', async () => {
    const limited = await startFakeHub({ whoamiLimit: { max: 2, windowMs: 60_000 } });
    try {
      const ask = () =>
        fetch(`${limited.httpUrl}/api/whoami-v2`, {
          headers: { Authorization: `Bearer ${ALICE_WRITE_TOKEN}` },
        });
      expect((await ask()).status).toBe(200);
      expect((await ask()).status).toBe(200);
      const third = await ask();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
      expect(third.headers.get('ratelimit')).toMatch(/^"api";r=0;t=(?:59|60)$/);
      expect(third.headers.get('ratelimit-policy')).toBe('"fixed window";"api";q=2;w=60');
      expect(limited.whoamiCalls()).toBe(3);
    } finally {
      await limited.stop();
    }
  });
});

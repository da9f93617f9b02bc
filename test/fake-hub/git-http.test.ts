import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  DAVE_WRITE_TOKEN,
  startFakeHub,
  type FakeHub,
  type FakeRepo,
} from '.';

// Real git over smart HTTP against the fake hub (git http-backend behind it); credentials come
// from git's store helper, filled over stdin by approveToken, as the app will do it.

let hub: FakeHub;
let home: string;
let repo: FakeRepo;

beforeAll(async () => {
  hub = await startFakeHub();
  repo = hub.createRepo('alice/tiny-model');
});
afterAll(async () => {
  await hub.stop();
});

// Asynchronous on purpose: the fake hub runs in this process, so a synchronous git would wait
// for a server that can never answer.
async function git(cwd: string, args: readonly string[]): Promise<{ status: number | null; out: string }> {
  const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 20_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

async function freshClone(user?: { name: string; token: string }): Promise<string> {
  home = mkdtempSync(join(tmpdir(), 'hfgd-githttp-'));
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  if (user) await approveToken(home, { endpoint: hub.httpUrl, username: user.name }, user.token);
  const work = join(home, 'work');
  expect((await git(home, ['clone', '--quiet', repo.url, work])).status).toBe(0);
  writeFileSync(join(work, `file-${Math.random().toString(36).slice(2)}.txt`), 'weights\n');
  await git(work, ['add', '-A']);
  await git(work, ['commit', '--quiet', '-m', 'add']);
  return work;
}

describe('smart HTTP git on the fake hub', () => {
  it('clones without an account and pushes with a write token from the credential helper', async () => {
    const work = await freshClone({ name: 'alice', token: ALICE_WRITE_TOKEN });
    const push = await git(work, ['push', '--quiet', 'origin', 'HEAD:main']);
    expect(push.out).toBe('');
    expect(push.status).toBe(0);
    expect(
      spawnSync('git', ['--git-dir', repo.gitDir, 'log', '--oneline', 'main'], { encoding: 'utf8' }).stdout,
    ).toContain('add');
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses a password with the Hub’s words', async () => {
    const work = await freshClone({ name: 'alice', token: 'correct horse' });
    const push = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(push.status).not.toBe(0);
    expect(push.out).toContain(
      'remote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead.',
    );
    expect(push.out).toContain('fatal: Authentication failed for');
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses an unknown token, and a read token pushing', async () => {
    let work = await freshClone({ name: 'alice', token: 'hf_NoSuchTokenAnywhere00' });
    const unknown = (await git(work, ['push', 'origin', 'HEAD:main'])).out;
    expect(unknown).toContain('remote: Invalid username or password.');
    expect(unknown).toContain('fatal: Authentication failed for');
    rmSync(home, { recursive: true, force: true });
    work = await freshClone({ name: 'bob', token: BOB_READ_TOKEN });
    const push = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(push.status).not.toBe(0);
    expect(push.out).toContain('remote: DENIED update refs/heads/main: forbidden');
    rmSync(home, { recursive: true, force: true });
  });

  it('says a repository that does not exist is not found', async () => {
    home = mkdtempSync(join(tmpdir(), 'hfgd-githttp-'));
    const clone = await git(home, ['clone', `${hub.httpUrl}/alice/nope`, join(home, 'x')]);
    expect(clone.status).not.toBe(0);
    expect(clone.out).toMatch(/not found/i);
    rmSync(home, { recursive: true, force: true });
  });

  it('guards a gated repo: anonymous must sign in, others get the Hub’s gated message, the owner and the authorized get in', async () => {
    const gated = hub.createRepo('alice/gated-weights', { gated: true, authorized: ['bob'] });
    home = mkdtempSync(join(tmpdir(), 'hfgd-githttp-'));
    const anonymous = await git(home, ['clone', gated.url, join(home, 'a')]);
    // Anonymous gets a 401 first, as for a private repo: git asks for credentials (here it cannot).
    expect(anonymous.status).not.toBe(0);
    expect(anonymous.out).toMatch(/could not read Username|terminal prompts disabled/);
    rmSync(home, { recursive: true, force: true });
    for (const [name, token, allowed] of [
      ['dave', DAVE_WRITE_TOKEN, false],
      ['bob', BOB_READ_TOKEN, true],
      ['alice', ALICE_WRITE_TOKEN, true],
    ] as const) {
      home = mkdtempSync(join(tmpdir(), 'hfgd-githttp-'));
      writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
      await approveToken(home, { endpoint: hub.httpUrl, username: name }, token);
      const clone = await git(home, ['clone', gated.url, join(home, 'c')]);
      expect(clone.status === 0, `${name}: ${clone.out}`).toBe(allowed);
      if (!allowed)
        expect(clone.out).toContain(
          'remote: Access denied: repository is gated and you are not in the authorized list.',
        );
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('whoami-v2 rate limit', () => {
  it('answers 429 with Retry-After past the limit, and counts every request', async () => {
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
      expect(limited.whoamiCalls()).toBe(3);
    } finally {
      await limited.stop();
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approveToken,
  CredentialValueError,
  rejectToken,
  storedUser,
} from '../../../../main/features/https/credentials';

// Real git, real `store` helper, in a temp HOME: the same path git itself takes when it pushes.
let home: string;
const TOKEN = 'hf_CredentialTestToken000000';
const HUB = 'https://huggingface.co';

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd-cred-'));
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const stored = (): string => readFileSync(join(home, '.git-credentials'), 'utf8');

describe('git credential helpers', () => {
  it('stores the token for the Hub host only, readable back by git, with the account as username', async () => {
    expect((await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN)).ok).toBe(true);
    expect(stored()).toBe(`https://alice:${TOKEN}@huggingface.co\n`);
    expect(await storedUser(home, HUB)).toBe('alice');
    expect(await storedUser(home, 'https://hf.co')).toBeUndefined();
    expect(await storedUser(home, 'http://huggingface.co')).toBeUndefined();
  });

  it('keeps the port of a loopback endpoint, so a test hub never receives the real Hub token', async () => {
    await approveToken(home, { endpoint: 'http://127.0.0.1:8123', username: 'alice' }, TOKEN);
    expect(await storedUser(home, 'http://127.0.0.1:8123')).toBe('alice');
    expect(await storedUser(home, 'http://127.0.0.1:8124')).toBeUndefined();
  });

  it('overwrites the token for the same user, and forgets it on reject', async () => {
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN);
    await approveToken(home, { endpoint: HUB, username: 'alice' }, `${TOKEN}new`);
    expect(stored()).toBe(`https://alice:${TOKEN}new@huggingface.co\n`);
    expect((await rejectToken(home, { endpoint: HUB, username: 'alice' })).ok).toBe(true);
    expect(stored()).toBe('');
    expect(await storedUser(home, HUB)).toBeUndefined();
  });

  it('keeps other hosts untouched', async () => {
    writeFileSync(join(home, '.git-credentials'), 'https://bob:ghp_x@github.com\n');
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN);
    await rejectToken(home, { endpoint: HUB, username: 'alice' });
    expect(stored()).toBe('https://bob:ghp_x@github.com\n');
  });

  for (const [field, target, token] of [
    ['username (LF)', { endpoint: HUB, username: 'alice\nhost=evil.example' }, TOKEN],
    ['username (CR)', { endpoint: HUB, username: 'alice\rx' }, TOKEN],
    ['username (NUL)', { endpoint: HUB, username: 'alice\u0000' }, TOKEN],
    ['password (LF)', { endpoint: HUB, username: 'alice' }, `${TOKEN}\nhost=evil.example`],
    ['password (CR)', { endpoint: HUB, username: 'alice' }, `${TOKEN}\r`],
    ['password (NUL)', { endpoint: HUB, username: 'alice' }, `${TOKEN}\u0000`],
    ['empty username', { endpoint: HUB, username: '' }, TOKEN],
  ] as const) {
    it(`refuses a ${field} before git runs`, async () => {
      await expect(approveToken(home, target, token)).rejects.toBeInstanceOf(CredentialValueError);
      expect(() => stored()).toThrow();
    });
  }

  it('reports a helper that fails, with no token in what it reports', async () => {
    writeFileSync(
      join(home, '.gitconfig'),
      '[credential]\n\thelper = "!f() { echo broken helper >&2; exit 1; }; f"\n',
    );
    const outcome = await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN);
    expect(outcome.details).not.toContain(TOKEN);
    expect(await storedUser(home, HUB)).toBeUndefined();
  });
});

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approveToken,
  readStoredToken,
  rejectToken,
  storedUser,
} from '../../../../main/features/https/credentials';
import {
  configureHubHelper,
  configuredHelpers,
  helpersFromConfig,
  planHelpers,
  storageOf,
  urlMatches,
} from '../../../../main/features/https/helpers';
import { POSIX_MODES } from '../../../support/platform';

// Credential helpers in the spirit of git's own t0303 helper tests: real git, real `store`, and
// a stand-in Git Credential Manager (a script named git-credential-manager on PATH, which is
// exactly how git finds the real one) that records what git hands it.

const HUB = 'https://huggingface.co';
const TOKEN = 'hf_HelperCaseToken0000000000';
let home: string;
let bin: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd-helpers-'));
  bin = join(home, 'bin');
  mkdirSync(bin);
  env = { PATH: `${bin}:${process.env.PATH}` };
  writeFileSync(join(home, '.gitconfig'), '');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const useStore = (extra = '') =>
  writeFileSync(join(home, '.gitconfig'), `[credential]\n\thelper = store\n${extra}`);
const storeFile = (): string => readFileSync(join(home, '.git-credentials'), 'utf8');

/** A fake manager: `store`/`erase` append the request to a log; `get` answers from the last store. */
function installFakeManager(): string {
  const log = join(home, 'manager.log');
  const script = join(bin, 'git-credential-manager');
  writeFileSync(
    script,
    `#!/bin/sh
input=$(cat)
printf '%s\\n%s\\n--\\n' "$1" "$input" >> '${log}'
if [ "$1" = get ] && [ -f '${log}.last' ]; then cat '${log}.last'; fi
if [ "$1" = store ]; then printf '%s\\n' "$input" | grep -E '^(username|password)=' > '${log}.last'; fi
if [ "$1" = erase ]; then rm -f '${log}.last'; fi
`,
  );
  chmodSync(script, 0o755);
  return log;
}

describe('what kind of store a helper is', () => {
  it.each([
    ['osxkeychain', 'keychain'],
    ['manager', 'keychain'],
    ['manager-core', 'keychain'],
    ['wincred', 'keychain'],
    ['libsecret', 'keychain'],
    ['/usr/lib/git-core/git-credential-libsecret', 'keychain'],
    ['cache --timeout=3600', 'memory'],
    ['store', 'plaintext'],
    ['store --file ~/.my-credentials', 'plaintext'],
    ['!f() { echo password=x; }; f', 'unknown'],
  ])('%s is %s', (name, storage) => {
    expect(storageOf(name)).toBe(storage);
  });
});

describe('which config keys apply to the Hub (git urlmatch)', () => {
  it.each([
    ['https://huggingface.co', HUB, true],
    ['https://huggingface.co/', HUB, true],
    ['https://hf.co', HUB, false],
    ['http://huggingface.co', HUB, false],
    ['https://huggingface.co:8443', HUB, false],
    ['https://huggingface.co/alice', HUB, false],
    ['https://huggingface.co', 'https://huggingface.co/mirror', true],
    ['huggingface.co', HUB, false],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123', true],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8124', false],
  ])('credential.%s.helper for %s: %s', (pattern, endpoint, expected) => {
    expect(urlMatches(pattern, endpoint)).toBe(expected);
  });

  it('reads helpers in order, scoped and global, and an empty value resets the list', () => {
    const output = [
      'system\tcredential.helper manager',
      'global\tcredential.helper',
      'global\tcredential.https://github.com.helper osxkeychain',
      'global\tcredential.helper cache --timeout=60',
      'global\tcredential.https://huggingface.co.helper store',
      'global\tcredential.https://huggingface.co.username alice',
    ].join('\n');
    expect(helpersFromConfig(output, HUB)).toEqual([
      { name: 'cache --timeout=60', storage: 'memory', scope: 'global', origin: 'global' },
      { name: 'store', storage: 'plaintext', scope: 'hub', origin: 'global' },
    ]);
  });

  it('reads them from git itself, config scopes included', async () => {
    writeFileSync(
      join(home, '.gitconfig'),
      '[credential]\n\thelper = cache\n[credential "https://huggingface.co"]\n\thelper = store\n[credential "https://hf.co"]\n\thelper = osxkeychain\n',
    );
    expect((await configuredHelpers(home, HUB, env)).map((helper) => [helper.name, helper.scope])).toEqual([
      ['cache', 'global'],
      ['store', 'hub'],
    ]);
  });
});

describe('choosing and configuring a helper', () => {
  it('finds no secure helper on a machine without one, and offers plain text only as a fallback', async () => {
    const plan = await planHelpers(home, HUB, { PATH: '/usr/bin:/bin' }, 'linux');
    expect(plan.secure).toBeUndefined();
    expect(plan.plaintextPath).toBe(join(home, '.git-credentials'));
    expect(plan.advice).toMatch(/Git Credential Manager|libsecret/);
  });

  it('finds an installed Git Credential Manager and scopes it to the Hub, keeping the config file', async () => {
    const log = installFakeManager();
    writeFileSync(join(home, '.gitconfig'), '# mine\n[user]\n\tname = A\n');
    const plan = await planHelpers(home, HUB, env, 'linux');
    expect(plan.secure).toEqual({ name: 'manager', configured: false });
    expect((await configureHubHelper(home, HUB, 'manager', env)).ok).toBe(true);
    expect(readFileSync(join(home, '.gitconfig'), 'utf8')).toBe(
      '# mine\n[user]\n\tname = A\n[credential "https://huggingface.co"]\n\thelper = manager\n',
    );
    expect((await planHelpers(home, HUB, env, 'linux')).secure).toEqual({
      name: 'manager',
      configured: true,
    });
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    await approveToken(home, { endpoint: 'https://github.com', username: 'me' }, 'ghp_x', env);
    const seen = readFileSync(log, 'utf8');
    expect(seen).toContain(`store\nprotocol=https\nhost=huggingface.co\nusername=alice\npassword=${TOKEN}`);
    // Scoped to the Hub: another host's credential never reaches the Hub's helper.
    expect(seen).not.toContain('github.com');
    expect(await readStoredToken(home, HUB, env)).toEqual({ username: 'alice', token: TOKEN });
    await rejectToken(home, { endpoint: HUB }, env);
    expect(readFileSync(log, 'utf8')).toContain('erase\nprotocol=https\nhost=huggingface.co\n');
    expect(await storedUser(home, HUB, env)).toBeUndefined();
  });

  it('names the helper per OS: osxkeychain on macOS', async () => {
    const script = join(bin, 'git-credential-osxkeychain');
    writeFileSync(script, '#!/bin/sh\nexit 0\n');
    chmodSync(script, 0o755);
    expect((await planHelpers(home, HUB, env, 'darwin')).secure).toEqual({
      name: 'osxkeychain',
      configured: false,
    });
    expect((await planHelpers(home, HUB, env, 'linux')).secure).toBeUndefined();
  });

  it('prefers a secure helper the user already configured over installing another', async () => {
    installFakeManager();
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = libsecret\n');
    expect((await planHelpers(home, HUB, env, 'linux')).secure).toEqual({
      name: 'libsecret',
      configured: true,
    });
  });
});

describe('credential cases with the store helper (after git t0303)', () => {
  it('matches the host exactly: huggingface.co and hf.co are different hosts', async () => {
    useStore();
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    expect(await storedUser(home, 'https://hf.co', env)).toBeUndefined();
    expect(await storedUser(home, 'https://www.huggingface.co', env)).toBeUndefined();
    expect(await storedUser(home, HUB, env)).toBe('alice');
  });

  it('lets a URL’s username pick among two saved accounts', async () => {
    useStore();
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    await approveToken(home, { endpoint: HUB, username: 'bob' }, `${TOKEN}b`, env);
    expect(await readStoredToken(home, HUB, env, 'bob')).toEqual({ username: 'bob', token: `${TOKEN}b` });
    expect(await readStoredToken(home, HUB, env, 'alice')).toEqual({ username: 'alice', token: TOKEN });
    expect(await readStoredToken(home, HUB, env, 'carol')).toBeUndefined();
  });

  it('erases one account’s line with a username, every account’s without', async () => {
    useStore();
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    await approveToken(home, { endpoint: HUB, username: 'bob' }, `${TOKEN}b`, env);
    await rejectToken(home, { endpoint: HUB, username: 'alice' }, env);
    expect(storeFile()).toBe(`https://bob:${TOKEN}b@huggingface.co\n`);
    await rejectToken(home, { endpoint: HUB }, env);
    expect(storeFile()).toBe('');
  });

  it('ignores the path of the endpoint unless useHttpPath is set, as git does', async () => {
    useStore();
    await approveToken(home, { endpoint: `${HUB}/alice/model`, username: 'alice' }, TOKEN, env);
    expect(await storedUser(home, HUB, env)).toBe('alice');
  });

  it.skipIf(!POSIX_MODES)('writes the store file readable by the user only (POSIX modes)', async () => {
    useStore();
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    const { statSync } = await import('node:fs');
    expect(statSync(join(home, '.git-credentials')).mode & 0o077).toBe(0);
  });

  it('honours `store --file`, wherever the user keeps it', async () => {
    const file = join(home, 'elsewhere', 'creds');
    mkdirSync(join(home, 'elsewhere'));
    writeFileSync(join(home, '.gitconfig'), `[credential]\n\thelper = store --file ${file}\n`);
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    expect(readFileSync(file, 'utf8')).toBe(`https://alice:${TOKEN}@huggingface.co\n`);
    expect(existsSync(join(home, '.git-credentials'))).toBe(false);
  });

  it('asks every helper in order and stores in each, as git does', async () => {
    const log = installFakeManager();
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n\thelper = manager\n');
    await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env);
    expect(storeFile()).toContain('alice');
    expect(readFileSync(log, 'utf8')).toContain('store\n');
  });

  it('finds nothing, and prompts for nothing, when no helper is configured', async () => {
    expect(await readStoredToken(home, HUB, env)).toBeUndefined();
    expect((await approveToken(home, { endpoint: HUB, username: 'alice' }, TOKEN, env)).ok).toBe(true);
    expect(await readStoredToken(home, HUB, env)).toBeUndefined();
  });
});

import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { HUB_HOST_KEYS } from '../../../../main/core/hub-host-keys';
import { checkHostKeys, hostFieldMatches, pinHostKeys } from '../../../../main/features/ssh/known-hosts';
import { listKeys } from '../../../../main/features/ssh/list-keys';
import { configureSsh } from '../../../../main/features/ssh/ssh-config';
import { POSIX_MODES } from '../../../support/platform';

// The user's files are theirs: known_hosts and ~/.ssh/config are changed only where needed,
// with a byte-exact backup, and every other byte kept. Uses the Hub's real pinned keys (seed 001).

let home: string;
let settings: Settings;
const ssh = () => join(home, '.ssh');
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd files ø-'));
  settings = resolveSettings({ HFGD_HOME: home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const backups = () => readdirSync(ssh()).filter((name) => name.includes('.hfgd-backup-'));

describe('known_hosts', () => {
  it('creates ~/.ssh 0700 and writes the three published keys for hf.co, never DSA; twice equals once', async () => {
    const first = await pinHostKeys(settings, false);
    if (POSIX_MODES) expect(statSync(ssh()).mode & 0o777).toBe(0o700); // Windows: ACLs
    const text = readFileSync(join(ssh(), 'known_hosts'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toEqual(HUB_HOST_KEYS.map((key) => `hf.co ${key}`));
    expect(text).not.toContain('ssh-dss');
    expect(first.pinned.map((key) => key.fingerprint)).toEqual([
      'SHA256:dVjzGIdV7d6cwKIeZiCoRMa2gMvSKfGZAvHf4gMiMao',
      'SHA256:aBG5R7IomF4BSsx/h6tNAUVLhEkkaNGB8Sluyh/Q/qY',
      'SHA256:uqjYymysBGCXXiMVebB8L8RIuWbPSKGBxQQNhcT5a3Q',
    ]);
    await pinHostKeys(settings, false);
    expect(readFileSync(join(ssh(), 'known_hosts'), 'utf8')).toBe(text);
    expect(backups()).toEqual([]);
  });

  it('counts hashed entries (ssh-keygen -H) as present, and changes nothing', async () => {
    mkdirSync(ssh(), { mode: 0o700 });
    const file = join(ssh(), 'known_hosts');
    writeFileSync(file, HUB_HOST_KEYS.map((key) => `hf.co ${key}`).join('\n') + '\n');
    expect(spawnSync('ssh-keygen', ['-H', '-f', file]).status).toBe(0);
    rmSync(`${file}.old`);
    const hashed = readFileSync(file);
    expect(hashed.toString()).toMatch(/^\|1\|/);
    expect((await checkHostKeys(settings)).pinned.every((key) => key.present)).toBe(true);
    await pinHostKeys(settings, false);
    expect(readFileSync(file).equals(hashed)).toBe(true);
  });

  it('keeps CRLF and other hosts, adds a missing final newline, and backs up the exact bytes', async () => {
    mkdirSync(ssh(), { mode: 0o700 });
    const file = join(ssh(), 'known_hosts');
    const original = Buffer.from(
      `github.com ${HUB_HOST_KEYS[0]}\r\n# note\r\nexample.org ${HUB_HOST_KEYS[2]}`,
    );
    writeFileSync(file, original, { mode: 0o640 });
    const result = await pinHostKeys(settings, false);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`${original.toString()}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').filter((line) => line.startsWith('hf.co '))).toHaveLength(3);
    if (POSIX_MODES) expect(statSync(file).mode & 0o777).toBe(0o640); // Windows: ACLs
    expect(readFileSync(result.backupPath ?? '').equals(original)).toBe(true);
  });

  it('refuses a mismatching hf.co entry without consent; with consent removes only that line', async () => {
    mkdirSync(ssh(), { mode: 0o700 });
    const file = join(ssh(), 'known_hosts');
    const impostor = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2Ej2rYcE3mdWVp0hWf2K2P3vQFw6x1XyG8wq7m6Bz9';
    const original = `other.host ${HUB_HOST_KEYS[1]}\nhf.co ${impostor}\n`;
    writeFileSync(file, original);
    await expect(pinHostKeys(settings, false)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(backups()).toEqual([]);
    const replaced = await pinHostKeys(settings, true);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(impostor);
    expect(text.startsWith(`other.host ${HUB_HOST_KEYS[1]}\n`)).toBe(true);
    expect(readFileSync(replaced.backupPath ?? '', 'utf8')).toBe(original);
    expect(replaced.mismatches).toEqual([]);
  });

  it('matches hashed host fields only for the right host', () => {
    const salt = Buffer.from('0123456789abcdef0123');
    const hash = createHmac('sha1', salt).update('hf.co').digest('base64');
    expect(hostFieldMatches(`|1|${salt.toString('base64')}|${hash}`, 'hf.co')).toBe(true);
    expect(hostFieldMatches(`|1|${salt.toString('base64')}|${hash}`, 'huggingface.co')).toBe(false);
    expect(hostFieldMatches('github.com,hf.co', 'hf.co')).toBe(true);
    expect(hostFieldMatches('xhf.co', 'hf.co')).toBe(false);
  });

  it('reports ~/.ssh being a file, and leaves it alone', async () => {
    writeFileSync(ssh(), 'not a folder');
    await expect(pinHostKeys(settings, false)).rejects.toThrow('is a file');
    await expect(configureSsh(settings, 'id_ed25519', 'linux')).rejects.toThrow('is a file');
    await expect(listKeys(home)).rejects.toThrow('is a file');
    expect(readFileSync(ssh(), 'utf8')).toBe('not a folder');
  });
});

describe('ssh config', () => {
  it('adds the Hub block before other hosts, keeps comments and hosts, 0600, twice equals once', async () => {
    mkdirSync(ssh(), { mode: 0o700 });
    const file = join(ssh(), 'config');
    const original =
      '# mine\nInclude ~/.ssh/work.conf\n\nHost github.com\n  User git   \n  Port 22 # inline, spaced\n  # keep me\n\nHost *\n  ServerAliveInterval 60';
    writeFileSync(file, original, { mode: 0o644 });
    const first = await configureSsh(settings, 'id_ed25519', 'linux');
    const text = readFileSync(file, 'utf8');
    expect(first.changed).toBe(true);
    expect(text).toContain('Include ~/.ssh/work.conf');
    expect(text).toContain('  # keep me');
    expect(text.indexOf('Host hf.co')).toBeLessThan(text.indexOf('Host github.com'));
    expect(text).toContain(`IdentityFile "${join(home, '.ssh', 'id_ed25519')}"`);
    expect(text).not.toContain('UseKeychain');
    // Everything from the first Host on is the user's, byte for byte (its missing final newline too).
    expect(text.endsWith(original.slice(original.indexOf('Host github.com')))).toBe(true);
    if (POSIX_MODES) expect(statSync(file).mode & 0o777).toBe(0o600); // Windows: ACLs
    expect(readFileSync(first.backupPath ?? '', 'utf8')).toBe(original);
    const second = await configureSsh(settings, 'id_ed25519', 'linux');
    expect(second.changed).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(backups()).toHaveLength(1);
  });

  it('updates an existing hf.co block in place, keeps CRLF, and adds UseKeychain only on macOS', async () => {
    mkdirSync(ssh(), { mode: 0o700 });
    const file = join(ssh(), 'config');
    writeFileSync(file, 'Host hf.co\r\n  IdentityFile ~/.ssh/old\r\n  ForwardAgent no\r\n');
    await configureSsh(settings, 'id_new', 'darwin');
    const text = readFileSync(file, 'utf8');
    expect(text.match(/Host hf\.co/g)).toHaveLength(1);
    expect(text).not.toContain('~/.ssh/old');
    expect(text).toContain('ForwardAgent no');
    expect(text).toContain('IgnoreUnknown UseKeychain');
    expect(text).toContain('UseKeychain yes');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('creates ~/.ssh and the config when neither exists', async () => {
    const result = await configureSsh(settings, 'id_ed25519', 'linux');
    expect(existsSync(result.configPath)).toBe(true);
    if (POSIX_MODES) expect(statSync(ssh()).mode & 0o777).toBe(0o700); // Windows: ACLs
    expect(result.block.split('\n')[0]).toBe('Host hf.co');
  });
});

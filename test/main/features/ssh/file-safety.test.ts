import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HUB_HOST_KEYS } from '../../../../main/core/hub-host-keys';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { pinHostKeys } from '../../../../main/features/ssh/known-hosts';
import { configureSsh } from '../../../../main/features/ssh/ssh-config';

// Issue 16, items 7 and 12: the user's SSH files are edited where they really live (a dotfile
// manager's symlink stays a symlink) and byte for byte (a latin-1 byte is not "repaired").

let home: string;
let dotfiles: string;
let settings: Settings;
const ssh = () => join(home, '.ssh');
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd safety ø-'));
  dotfiles = join(home, 'dotfiles', 'ssh');
  mkdirSync(dotfiles, { recursive: true });
  mkdirSync(ssh(), { mode: 0o700 });
  settings = resolveSettings({ HFGD_HOME: home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** The key lines ssh-keygen -F finds for hf.co in a known_hosts file: OpenSSH's own reading. */
function knownTo(file: string): string[] {
  const found = spawnSync('ssh-keygen', ['-F', 'hf.co', '-f', file], { encoding: 'latin1' });
  return found.stdout.split('\n').filter((line) => line.startsWith('hf.co '));
}

describe('symlinked ~/.ssh files (stow, home-manager)', () => {
  it('edits the target of a symlinked config, keeps the link and the target mode', async () => {
    const target = join(dotfiles, 'config');
    writeFileSync(target, 'Host github.com\n  User git\n', { mode: 0o640 });
    symlinkSync('../dotfiles/ssh/config', join(ssh(), 'config'));
    const result = await configureSsh(settings, 'id_ed25519', 'linux');
    expect(result.changed).toBe(true);
    expect(lstatSync(join(ssh(), 'config')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(ssh(), 'config'))).toBe('../dotfiles/ssh/config');
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('Host hf.co');
    expect(text.endsWith('Host github.com\n  User git\n')).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    // No temp file is left beside the target, and the backup holds the old bytes.
    expect(readdirSync(dotfiles)).toEqual(['config']);
    expect(readFileSync(result.backupPath ?? '', 'utf8')).toBe('Host github.com\n  User git\n');
    // And OpenSSH, reading the link, sees the app's block.
    const effective = spawnSync('ssh', ['-G', '-F', join(ssh(), 'config'), 'hf.co'], { encoding: 'utf8' });
    expect(effective.stdout).toContain(`identityfile ${join(ssh(), 'id_ed25519')}\n`);
    expect(effective.stdout).toContain('user git\n');
  });

  it('edits the target of a symlinked known_hosts, keeps the link and the target mode', async () => {
    const target = join(dotfiles, 'known_hosts');
    writeFileSync(target, `github.com ${HUB_HOST_KEYS[0]}\n`, { mode: 0o644 });
    symlinkSync(target, join(ssh(), 'known_hosts'));
    await pinHostKeys(settings, false);
    expect(lstatSync(join(ssh(), 'known_hosts')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(ssh(), 'known_hosts'))).toBe(target);
    const lines = readFileSync(target, 'utf8').split('\n').filter(Boolean);
    expect(lines).toEqual([`github.com ${HUB_HOST_KEYS[0]}`, ...HUB_HOST_KEYS.map((key) => `hf.co ${key}`)]);
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(readdirSync(dotfiles)).toEqual(['known_hosts']);
    expect(knownTo(join(ssh(), 'known_hosts'))).toHaveLength(3);
  });

  it('follows a chain of links, and a dangling link gets its target created', async () => {
    const target = join(dotfiles, 'config');
    symlinkSync(target, join(dotfiles, 'config-link'));
    symlinkSync(join(dotfiles, 'config-link'), join(ssh(), 'config'));
    await configureSsh(settings, 'id_ed25519', 'linux');
    expect(lstatSync(join(ssh(), 'config')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dotfiles, 'config-link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^Host hf\.co\n/);
  });
});

describe('known_hosts bytes', () => {
  it('keeps a latin-1 byte in a comment line when pinning', async () => {
    const file = join(ssh(), 'known_hosts');
    const original = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from(` server\ngithub.com ${HUB_HOST_KEYS[0]}\n`),
    ]);
    writeFileSync(file, original);
    const result = await pinHostKeys(settings, false);
    const after = readFileSync(file);
    expect(after.subarray(0, original.length).equals(original)).toBe(true);
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    expect(after.subarray(original.length).toString('latin1')).toBe(
      HUB_HOST_KEYS.map((key) => `hf.co ${key}\n`).join(''),
    );
    expect(readFileSync(result.backupPath ?? '').equals(original)).toBe(true);
    expect(knownTo(file)).toHaveLength(3);
  });
});

describe('backups and temp files', () => {
  afterEach(() => vi.useRealTimers());
  const backups = () => readdirSync(ssh()).filter((name) => name.includes('.hfgd-backup-'));
  const padding = (n: number): string =>
    Array.from(
      { length: 3 * 1024 * 24 },
      (_, line) => `# ${n} padding line ${line} ${'x'.repeat(20)}\n`,
    ).join('');

  it('ten changes of a 3 MB config leave the original and the last three backups', async () => {
    const file = join(ssh(), 'config');
    const original = `Host github.com\n  User git\n${padding(0)}`;
    expect(original.length).toBeGreaterThan(3 * 1024 * 1024);
    writeFileSync(file, original, { mode: 0o600 });
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.parse('2026-11-22T09:00:00Z');
    for (let day = 1; day <= 10; day += 1) {
      vi.setSystemTime(start + day * 24 * 3600 * 1000);
      const result = await configureSsh(settings, `id_day${day}`, 'linux');
      expect(result.changed).toBe(true);
    }
    const kept = backups().sort();
    expect(kept).toHaveLength(4);
    expect(readFileSync(join(ssh(), kept[0]!), 'utf8')).toBe(original);
    expect(readFileSync(join(ssh(), kept[3]!), 'utf8')).toContain('id_day9');
    expect(readdirSync(ssh()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('ten changes on one day make one backup', async () => {
    writeFileSync(join(ssh(), 'config'), 'Host github.com\n  User git\n');
    for (let n = 1; n <= 10; n += 1) await configureSsh(settings, `id_${n}`, 'linux');
    expect(backups()).toHaveLength(1);
  });

  it.runIf(process.getuid?.() === 0)(
    'a refused write (chattr +i) leaves no backup, each time it is tried, for both files',
    async () => {
      const config = join(ssh(), 'config');
      const known = join(ssh(), 'known_hosts');
      writeFileSync(config, 'Host github.com\n  User git\n');
      writeFileSync(known, `github.com ${HUB_HOST_KEYS[0]}\n`);
      expect(spawnSync('chattr', ['+i', config, known]).status).toBe(0);
      try {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          await expect(configureSsh(settings, 'id_ed25519', 'linux')).rejects.toThrow();
          await expect(pinHostKeys(settings, false)).rejects.toThrow();
        }
        expect(readdirSync(ssh()).sort()).toEqual(['config', 'known_hosts']);
      } finally {
        spawnSync('chattr', ['-i', config, known]);
      }
    },
  );
});

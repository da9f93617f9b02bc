import { spawn, spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  atomicWrite,
  backupFile,
  listBackups,
  pruneBackups,
  replaceWithBackup,
} from '../../../main/core/atomic-write';
import { removeStaleTempFiles } from '../../../main/core/stale-files';
import { POSIX_MODES } from '../../support/platform';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfgd-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// chattr +i and a tmpfs mount need root (TOOLCHAIN.md: how read-only and disk-full are made here).
const isRoot = process.getuid?.() === 0;
const DAY = 24 * 60 * 60 * 1000;

describe('atomicWrite', () => {
  it('replaces a file with the given mode and leaves no temp file behind', async () => {
    const file = join(dir, 'config');
    writeFileSync(file, 'old');
    await atomicWrite(file, 'new', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('new');
    if (POSIX_MODES) expect(statSync(file).mode & 0o777).toBe(0o600); // Windows: ACLs, not modes
    expect(readdirSync(dir)).toEqual(['config']);
  });

  it('leaves the original untouched when the target cannot be replaced', async () => {
    const target = join(dir, 'folder');
    writeFileSync(join(dir, 'keep'), 'keep');
    await expect(atomicWrite(join(target, 'x'), 'data')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['keep']);
  });

  it('writes through a relative symlink and keeps the link', async () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'file'), 'old');
    symlinkSync('real/file', join(dir, 'link'));
    await atomicWrite(join(dir, 'link'), 'new');
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link'))).toBe('real/file');
    expect(readFileSync(join(dir, 'real', 'file'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'real'))).toEqual(['file']);
  });

  it('refuses a symlink loop instead of spinning', async () => {
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    await expect(atomicWrite(join(dir, 'a'), 'x')).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it.runIf(isRoot)('on a full disk removes its temp file and keeps the original', async () => {
    const mount = join(dir, 'small');
    mkdirSync(mount);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status).toBe(0);
    try {
      const file = join(mount, 'config');
      writeFileSync(file, 'original');
      await expect(atomicWrite(file, Buffer.alloc(2 * 1024 * 1024, 0x41))).rejects.toMatchObject({
        code: 'ENOSPC',
      });
      expect(readdirSync(mount)).toEqual(['config']);
      expect(readFileSync(file, 'utf8')).toBe('original');
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});

describe('backupFile', () => {
  it('copies the bytes exactly and never overwrites an earlier backup', async () => {
    const file = join(dir, 'known_hosts');
    const bytes = Buffer.from('hf.co ssh-ed25519 AAAA\r\nno final newline');
    writeFileSync(file, bytes);
    const now = new Date('2026-11-22T10:00:00Z');
    const first = await backupFile(file, now);
    const second = await backupFile(file, now);
    expect(first).not.toBe(second);
    expect(readFileSync(first).equals(bytes)).toBe(true);
    expect(readFileSync(second).equals(bytes)).toBe(true);
    expect((await listBackups(file)).map((backup) => backup.path)).toEqual([first, second]);
  });
});

describe('replaceWithBackup', () => {
  const start = Date.parse('2026-11-22T09:00:00Z');

  it('backs up at most once a day, the first copy holding what came before that day', async () => {
    const file = join(dir, 'config');
    writeFileSync(file, 'v0');
    const first = await replaceWithBackup(file, 'v1', 0o600, new Date(start));
    const second = await replaceWithBackup(file, 'v2', 0o600, new Date(start + 3_600_000));
    expect(second).toBeUndefined();
    expect(readFileSync(first ?? '', 'utf8')).toBe('v0');
    const nextDay = await replaceWithBackup(file, 'v3', 0o600, new Date(start + DAY));
    expect(readFileSync(nextDay ?? '', 'utf8')).toBe('v2');
    expect(await listBackups(file)).toHaveLength(2);
  });

  it('makes no backup for a file that did not exist', async () => {
    const file = join(dir, 'known_hosts');
    expect(await replaceWithBackup(file, 'new', 0o644, new Date(start))).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['known_hosts']);
  });

  it('keeps the oldest backup and the newest three: ten days of changes to a 3 MB file', async () => {
    const file = join(dir, 'config');
    const big = (n: number): Buffer => Buffer.alloc(3 * 1024 * 1024, 0x30 + n);
    writeFileSync(file, big(0));
    for (let n = 1; n <= 10; n += 1) await replaceWithBackup(file, big(n), 0o600, new Date(start + n * DAY));
    const kept = await listBackups(file);
    expect(kept).toHaveLength(4);
    // The oldest is the file as it was before the app first changed it; then days 8, 9 and 10.
    expect(kept.map((backup) => readFileSync(backup.path)[0])).toEqual([0x30, 0x37, 0x38, 0x39]);
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('prunes the pile an earlier version left', async () => {
    const file = join(dir, 'known_hosts');
    writeFileSync(file, 'now');
    for (let n = 0; n < 8; n += 1)
      writeFileSync(`${file}.hfgd-backup-2026-11-2${n}T10-00-00-000Z`, String(n));
    writeFileSync(`${file}.hfgd-backup-not-a-stamp`, 'mine');
    const removed = await pruneBackups(file);
    expect(removed).toHaveLength(4);
    const left = (await listBackups(file)).map((backup) => readFileSync(backup.path, 'utf8'));
    expect(left).toEqual(['0', '5', '6', '7']);
    expect(readFileSync(`${file}.hfgd-backup-not-a-stamp`, 'utf8')).toBe('mine');
  });

  it.runIf(isRoot)(
    'a write the file system refuses (chattr +i) leaves no new backup and no temp',
    async () => {
      const file = join(dir, 'config');
      writeFileSync(file, 'locked');
      expect(spawnSync('chattr', ['+i', file]).status).toBe(0);
      try {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          await expect(replaceWithBackup(file, 'new', 0o600, new Date(start))).rejects.toMatchObject({
            code: 'EPERM',
          });
        }
        expect(readdirSync(dir)).toEqual(['config']);
      } finally {
        spawnSync('chattr', ['-i', file]);
      }
      expect(readFileSync(file, 'utf8')).toBe('locked');
    },
  );

  it.runIf(isRoot)('a full disk leaves no half backup and no temp file', async () => {
    const mount = join(dir, 'small');
    mkdirSync(mount);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount]).status).toBe(0);
    try {
      const file = join(mount, 'config');
      const original = Buffer.alloc(3 * 1024 * 1024, 0x61);
      writeFileSync(file, original);
      // The backup fits (6 of 8 MB), the new 3 MB version does not.
      await expect(replaceWithBackup(file, Buffer.alloc(3 * 1024 * 1024, 0x62), 0o600)).rejects.toMatchObject(
        {
          code: 'ENOSPC',
        },
      );
      expect(readdirSync(mount)).toEqual(['config']);
      expect(readFileSync(file).equals(original)).toBe(true);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});

describe('removeStaleTempFiles', () => {
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid ?? 0;
    await new Promise((resolve) => child.once('exit', resolve));
    return pid;
  }

  it('removes what a killed writer left, keeps a live writer’s temp and every other file', async () => {
    const dead = await deadPid();
    const stale = join(dir, `.config.hfgd-${dead}-0123456789ab.tmp`);
    const mine = join(dir, `.config.hfgd-${process.pid}-0123456789ab.tmp`);
    const legacyOld = join(dir, '.recent.json.abcdef012345.tmp');
    const legacyNew = join(dir, '.progress.json.abcdef012345.tmp');
    const user = join(dir, '.notes.tmp');
    for (const path of [stale, mine, legacyOld, legacyNew, user, join(dir, 'config')])
      writeFileSync(path, 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(legacyOld, hourAgo, hourAgo);
    const removed = await removeStaleTempFiles(dir, { legacy: true });
    expect(removed).toEqual(expect.arrayContaining([stale, legacyOld]));
    expect(removed).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'config',
        '.notes.tmp',
        '.progress.json.abcdef012345.tmp',
        `.config.hfgd-${process.pid}-0123456789ab.tmp`,
      ].sort(),
    );
  });

  it('leaves pid-less names alone unless asked, and a missing folder is nothing to clean', async () => {
    const legacy = join(dir, '.config.abcdef012345.tmp');
    writeFileSync(legacy, 'x');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(legacy, old, old);
    expect(await removeStaleTempFiles(dir)).toEqual([]);
    expect(await removeStaleTempFiles(join(dir, 'missing'), { legacy: true })).toEqual([]);
  });
});

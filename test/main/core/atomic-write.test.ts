import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, backupFile } from '../../../main/core/atomic-write';
import { POSIX_MODES } from '../../support/platform';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfgd-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
  });
});

import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanUpSshLeftovers } from '../../../../main/features/ssh';
import { waitFor } from './process-state';

// Issue 16, item 9: what a kill -9 leaves (full-size temp files beside the files the app writes)
// and the backups earlier versions piled up are gone after the next start.

const ROOT = join(__dirname, '..', '..', '..', '..');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd launch ø-'));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid ?? 0;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

describe('cleanUpSshLeftovers', () => {
  it('removes a killed write’s temp files in ~/.ssh and beside a symlink’s target, and prunes backups', async () => {
    const dead = await deadPid();
    const ssh = join(home, '.ssh');
    const dotfiles = join(home, 'dotfiles');
    mkdirSync(dotfiles);
    writeFileSync(join(dotfiles, 'config'), 'Host *\n');
    symlinkSync(join(dotfiles, 'config'), join(ssh, 'config'));
    const big = Buffer.alloc(3 * 1024 * 1024, 0x23);
    const stale = [
      join(ssh, `.known_hosts.hfgd-${dead}-00112233aabb.tmp`),
      join(ssh, '.config.00112233aabb.tmp'),
      join(dotfiles, `.config.hfgd-${dead}-00112233aabb.tmp`),
    ];
    for (const path of stale) writeFileSync(path, big);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(stale[1]!, old, old);
    writeFileSync(join(ssh, 'known_hosts'), '');
    for (let day = 10; day < 20; day += 1)
      writeFileSync(join(ssh, `known_hosts.hfgd-backup-2026-11-${day}T10-00-00-000Z`), big);

    const cleaned = await cleanUpSshLeftovers(home, home);
    expect([...cleaned.tempFiles].sort()).toEqual([...stale].sort());
    for (const path of stale) expect(existsSync(path)).toBe(false);
    expect(readdirSync(dotfiles)).toEqual(['config']);
    expect(cleaned.backups).toHaveLength(6);
    expect(
      readdirSync(ssh)
        .filter((name) => name.includes('hfgd-backup'))
        .sort(),
    ).toEqual([
      'known_hosts.hfgd-backup-2026-11-10T10-00-00-000Z',
      'known_hosts.hfgd-backup-2026-11-17T10-00-00-000Z',
      'known_hosts.hfgd-backup-2026-11-18T10-00-00-000Z',
      'known_hosts.hfgd-backup-2026-11-19T10-00-00-000Z',
    ]);
  });

  it('is quiet about a home without ~/.ssh', async () => {
    rmSync(join(home, '.ssh'), { recursive: true });
    expect(await cleanUpSshLeftovers(home, home)).toEqual({ tempFiles: [], backups: [], agentFolders: [] });
  });
});

describe('at start', () => {
  it('browser mode removes the stale temp files planted in ~/.ssh and the data folder', async () => {
    const dead = await deadPid();
    const data = join(home, 'data');
    mkdirSync(data);
    const planted = [
      join(home, '.ssh', `.config.hfgd-${dead}-0123456789ab.tmp`),
      join(data, `.recent.json.hfgd-${dead}-0123456789ab.tmp`),
    ];
    for (const path of planted) writeFileSync(path, 'half a file');
    const keep = join(data, 'recent.json');
    writeFileSync(keep, '[]\n');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'main', 'entry', 'web.ts'), '--no-open'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: home, HFGD_HOME: home, HFGD_DATA_DIR: data, TMPDIR: home },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      expect(await waitFor(() => output.includes('running in browser mode'), 20_000), output).toBeDefined();
      expect(await waitFor(() => planted.every((path) => !existsSync(path)), 5000)).toBeDefined();
      expect(existsSync(keep)).toBe(true);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

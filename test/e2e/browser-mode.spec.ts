import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Browser mode's life cycle, run as the user runs it (the built out/main/web.js).

const ROOT = join(__dirname, '..', '..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

test('exits when its parent goes away', async () => {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-orphan-'));
  try {
    // A shell starts it in the background, prints its pid, and exits: the server is orphaned.
    const shell = spawnSync(
      'sh',
      ['-c', `node out/main/web.js --no-open >/dev/null 2>&1 & echo $!; sleep 1`],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HFGD_HOME: home },
        encoding: 'utf8',
      },
    );
    const pid = Number(shell.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntil(() => !alive(pid), 5000)).toBe(true);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('stops cleanly on SIGTERM and refuses to start with a bad setting, naming it', async () => {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-signal-'));
  try {
    const child = spawn(process.execPath, ['out/main/web.js', '--no-open'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HFGD_HOME: home },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil(() => /^http:\/\/127\.0\.0\.1:\d+\/\?token=/m.test(output), 10_000);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const bad = spawnSync(process.execPath, ['out/main/web.js', '--no-open'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HFGD_HOME: home, HF_ENDPOINT: 'ftp://huggingface.co' },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('HF_ENDPOINT must start with https://');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('npm start says in one sentence that Electron is unavailable, then serves browser mode', async () => {
  const electronDir = dirname(createRequire(__filename).resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  const installed =
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  test.skip(installed, 'The Electron runtime is installed here: npm start opens the desktop app instead.');
  const home = mkdtempSync(join(tmpdir(), 'hfgd-start-'));
  const child = spawn(process.execPath, ['build/start.mjs', '--no-open'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HFGD_HOME: home },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    expect(await waitUntil(() => /^http:\/\/127\.0\.0\.1:\d+\/\?token=/m.test(output), 90_000)).toBe(true);
    const lines = output.trim().split('\n');
    expect(lines[0]).toBe(
      'The Electron runtime could not be downloaded on this machine, so HF Git Desktop is opening in browser mode instead.',
    );
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  }
});

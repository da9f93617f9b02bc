import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The desktop shell itself. It needs the Electron runtime, which cannot be downloaded on the
// build machines; there this test is reported as skipped with the reason, never as passed.

/** The installed runtime, if any; it never triggers Electron's lazy download. */
function electronBinary(): string | undefined {
  const packageDir = dirname(createRequire(__filename).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test('the Electron window opens the wizard with a secure, working bridge', async () => {
  test.skip(
    binary === undefined,
    'Electron runtime unavailable on this machine: the desktop shell was NOT tested',
  );
  const home = mkdtempSync(join(tmpdir(), 'hfgd-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [join(__dirname, '..', '..')],
    env: { PATH: process.env.PATH ?? '', HFGD_HOME: home, DISPLAY: process.env.DISPLAY ?? '' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('HF Git Desktop');
    // Isolated and sandboxed: the page sees the bridge and nothing of Node.
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys(window.hfGit ?? {}).sort(),
    }));
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['checkMachine', 'getAppInfo', 'onMachineCheckItem', 'openExternal'],
    });
    const result = await page.evaluate(() => window.hfGit!.checkMachine(null));
    expect(result.ok).toBe(true);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});

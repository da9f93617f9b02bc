import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Both workflows pass GitHub's own parser (test/ci/workflows.ts), and the check can fail: broken
// copies are refused with the parser's own words. The parser runs under tsx in a child process
// (validate-workflows.ts says why).

const ROOT = join(__dirname, '..', '..');
const TSX = createRequire(__filename).resolve('tsx/cli');
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'].map((file) =>
  join(ROOT, file),
);
const temp = mkdtempSync(join(tmpdir(), 'hfgd-workflows-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function validate(...files: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, join(ROOT, 'test', 'ci', 'validate-workflows.ts'), ...files],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** A copy of `file` with one change, which must be there to make. */
/** A workflow's text with LF line ends, however git checked it out. */
const read = (file: string): string => readFileSync(file, 'utf8').replace(/\r\n/g, '\n');

function brokenCopy(file: string, from: string | RegExp, to: string): string {
  const text = read(file);
  const broken = text.replace(from, to);
  expect(broken, `the change to ${file} applies`).not.toBe(text);
  const copy = join(temp, `${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(copy, broken);
  return copy;
}

describe('the GitHub workflows', () => {
  it('both parse without an error', async () => {
    const result = await validate(...WORKFLOWS);
    expect(result.output).toContain('ci.yml: valid');
    expect(result.output).toContain('release.yml: valid');
    expect(result.code, result.output).toBe(0);
  });

  it.each([
    [
      'a misspelt key',
      0,
      '    runs-on: ${{ matrix.os }}',
      '    runs-onn: ${{ matrix.os }}',
      /Unexpected value 'runs-onn'/,
    ],
    ['an unclosed expression', 0, '${{ matrix.os }}', '${{ matrix.os }', /expression is not closed/],
    [
      'secrets in an if: (GitHub refuses that context there)',
      1,
      "if: runner.os == 'Windows' && env.HAS_WINDOWS_CERTIFICATE == 'true'",
      "if: secrets.WINDOWS_CERTIFICATE_P12 != ''",
      /Unrecognized named-value: 'secrets'/,
    ],
    [
      'its only job needing a missing one',
      0,
      '    runs-on: ${{ matrix.os }}',
      '    needs: nope\n    runs-on: ${{ matrix.os }}',
      /at least one job with no dependencies/,
    ],
  ] as const)('refuses a copy with %s', async (_label, which, from, to, expected) => {
    const result = await validate(brokenCopy(WORKFLOWS[which]!, from, to));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(expected);
  });

  it('CI runs on the three desktops, every one reporting, with the E2E and the Electron window', () => {
    const ci = read(WORKFLOWS[0]!);
    expect(ci).toContain('os: [ubuntu-latest, windows-latest, macos-latest]');
    expect(ci).toContain('fail-fast: false');
    for (const step of ['npm ci', 'npm run lint', 'npm run typecheck', 'npm run test:unit'])
      expect(ci).toContain(step);
    expect(ci).toContain('npx playwright test --project=browser-mode');
    expect(ci).toContain('xvfb-run -a npx playwright test --project=electron');
  });

  it('a release builds installers on each OS from a version tag, signing only with secrets', () => {
    const release = read(WORKFLOWS[1]!);
    expect(release).toMatch(/tags: \['v\*\.\*\.\*'\]/);
    expect(release).toContain('os: [ubuntu-latest, windows-latest, macos-latest]');
    expect(release).toContain('npm run dist -- --publish never');
    expect(release).toContain('actions/upload-artifact@v4');
    // Each step that reads a certificate runs only when its secret exists.
    for (const secret of ['MAC_CERTIFICATE_P12', 'WINDOWS_CERTIFICATE_P12', 'APPLE_API_KEY_P8'])
      expect(release).toContain(`\${{ secrets.${secret} != '' }}`);
    expect(release).toMatch(/if: runner\.os == 'macOS' && env\.HAS_MAC_CERTIFICATE == 'true'\n/);
    expect(release).toMatch(/if: runner\.os == 'Windows' && env\.HAS_WINDOWS_CERTIFICATE == 'true'\n/);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, APP_ENTRY, resolveAppRequest } from '../../../main/electron/app-protocol';

// app:// serves the built renderer and nothing else. A real folder with a secret next to it:
// every refused request would otherwise have reached that file.

let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'hfgd-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(base, 'secret.txt'), 'hf_NotForThePage');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppRequest', () => {
  it.each([
    [APP_ENTRY, 'index.html', 'text/html; charset=utf-8'],
    ['app://hf-git-desktop/', 'index.html', 'text/html; charset=utf-8'],
    ['app://hf-git-desktop/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    [
      'app://hf-git-desktop/assets/index-abc.js?v=1#x',
      'assets/index-abc.js',
      'text/javascript; charset=utf-8',
    ],
  ])('serves %s', (url, file, type) => {
    const resolved = resolveAppRequest(url, root);
    expect(resolved).toEqual({ ok: true, path: join(root, file), type });
    if (resolved.ok) expect(readFileSync(resolved.path).length).toBeGreaterThan(0);
  });

  it.each([
    ['literal ..', 'app://hf-git-desktop/../secret.txt'],
    ['.. after a folder', 'app://hf-git-desktop/assets/../../secret.txt'],
    ['encoded dots', 'app://hf-git-desktop/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', 'app://hf-git-desktop/%2E%2e/secret.txt'],
    ['half-encoded dots', 'app://hf-git-desktop/.%2e/secret.txt'],
    ['double-encoded dots', 'app://hf-git-desktop/%252e%252e/secret.txt'],
    ['an encoded slash', 'app://hf-git-desktop/..%2fsecret.txt'],
    ['an encoded backslash', 'app://hf-git-desktop/..%5csecret.txt'],
    ['a backslash', 'app://hf-git-desktop/..\\secret.txt'],
    ['a NUL', 'app://hf-git-desktop/index.html%00.js'],
    ['an absolute path', 'app://hf-git-desktop//etc/passwd'],
    ['a sibling folder with the same prefix', 'app://hf-git-desktop/../renderer-evil/x.js'],
    ['another host', 'app://evil.example/index.html'],
    ['credentials', 'app://user:pass@hf-git-desktop/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https look-alike', 'https://hf-git-desktop/index.html'],
    ['a Windows drive', 'app://hf-git-desktop/C:/Windows/win.ini'],
    ['bad percent-encoding', 'app://hf-git-desktop/%E0%A4%A'],
    ['a file type it does not serve', 'app://hf-git-desktop/assets/../index.html.bak'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    const resolved = resolveAppRequest(url, root);
    expect(resolved.ok, JSON.stringify(resolved)).toBe(false);
  });

  it('sends a CSP with default-src self and no unsafe-eval, like index.html', () => {
    expect(APP_CSP).toMatch(/^default-src 'self';/);
    expect(APP_CSP).not.toMatch(/unsafe-eval|unsafe-inline/);
    const html = readFileSync(join(__dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toMatch(/^default-src 'self';/);
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
});

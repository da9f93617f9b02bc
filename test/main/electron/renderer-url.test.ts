import { describe, expect, it } from 'vitest';
import { APP_ENTRY } from '../../../main/electron/app-protocol';
import { rendererUrl } from '../../../main/electron/renderer-url';

describe('rendererUrl', () => {
  it('a packaged app loads its own page, whatever ELECTRON_RENDERER_URL says', () => {
    // app.isPackaged (Electron's app API) is true in a packaged build: the variable is ignored.
    expect(rendererUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe(APP_ENTRY);
    expect(rendererUrl(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(APP_ENTRY);
    expect(rendererUrl(true, {})).toBe(APP_ENTRY);
  });

  it('in development, loads electron-vite’s dev server on loopback', () => {
    for (const url of ['http://localhost:5173/', 'http://127.0.0.1:5173/', 'http://[::1]:5173/'])
      expect(rendererUrl(false, { ELECTRON_RENDERER_URL: url })).toBe(url);
    expect(rendererUrl(false, {})).toBe(APP_ENTRY);
  });

  it('in development too, refuses anything but http on loopback', () => {
    for (const url of [
      'https://evil.example/',
      'http://192.0.2.1:5173/',
      'file:///tmp/x.html',
      'not a url',
      '',
    ])
      expect(rendererUrl(false, { ELECTRON_RENDERER_URL: url }), url).toBe(APP_ENTRY);
  });
});

import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from '../../../main/electron/trusted-sender';
import { buildWebPreferences } from '../../../main/electron/web-preferences';

// These run under plain Node: the functions only build values, so no Electron runtime is needed.
describe('buildWebPreferences', () => {
  it('isolates and sandboxes the page and keeps Node out of it', () => {
    const preferences = buildWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isTrustedSenderUrl', () => {
  const app = 'file:///opt/HF%20Git%20Desktop/out/renderer/index.html';
  it('trusts the app page, with or without a hash', () => {
    expect(isTrustedSenderUrl(app, app)).toBe(true);
    expect(isTrustedSenderUrl(`${app}#check`, app)).toBe(true);
  });
  for (const url of [
    undefined,
    '',
    'file:///tmp/evil.html',
    'https://huggingface.co/',
    'file:///opt/HF%20Git%20Desktop/out/renderer/index.html/../../evil.html',
    'about:blank',
    'not a url',
  ]) {
    it(`does not trust ${String(url)}`, () => {
      expect(isTrustedSenderUrl(url, app)).toBe(false);
    });
  }
});

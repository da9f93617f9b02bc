import { describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../support/chromium';

describe('chromiumLaunch', () => {
  it('uses Debian’s Chromium on Linux unless told otherwise', () => {
    expect(chromiumLaunch({}, 'linux').executablePath).toBe('/usr/bin/chromium');
    expect(chromiumLaunch({ CHROMIUM_PATH: '/opt/c/chrome' }, 'linux').executablePath).toBe('/opt/c/chrome');
  });

  it('on Windows and macOS uses Playwright’s own build, or the runner’s Chrome when asked', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(chromiumLaunch({}, platform)).not.toHaveProperty('executablePath');
      expect(chromiumLaunch({ HFGD_CHROMIUM: 'chrome' }, platform)).toMatchObject({ channel: 'chrome' });
    }
    expect(chromiumLaunch({ HFGD_CHROMIUM: 'playwright' }, 'linux')).not.toHaveProperty('executablePath');
    expect(chromiumLaunch({ HFGD_CHROMIUM: 'C:\\c\\chrome.exe' }, 'win32').executablePath).toBe(
      'C:\\c\\chrome.exe',
    );
  });

  it('always passes the flags that keep it off the network and out of the GPU', () => {
    for (const options of [
      chromiumLaunch({}, 'linux'),
      chromiumLaunch({ HFGD_CHROMIUM: 'chrome' }, 'darwin'),
    ])
      expect(options.args).toEqual(
        expect.arrayContaining(['--disable-background-networking', '--disable-gpu']),
      );
  });
});

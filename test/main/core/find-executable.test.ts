import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable } from '../../../main/core/find-executable';
import { tempFolders, writeScript } from '../features/machine-check/helpers';
import { POSIX_PATH } from '../../support/platform';

const temp = tempFolders();
afterEach(temp.cleanup);

describe('findExecutable', () => {
  it.skipIf(!POSIX_PATH)('returns the first executable on PATH, in PATH order (POSIX PATH)', async () => {
    const first = temp.make();
    const second = temp.make();
    writeScript(second, 'tool', 'exit 0');
    const winner = writeScript(first, 'tool', 'exit 0');
    expect(await findExecutable('tool', { PATH: `${first}:${second}` }, 'linux')).toBe(winner);
    expect(await findExecutable('tool', { PATH: `${second}:${first}` }, 'linux')).toBe(join(second, 'tool'));
  });

  it.skipIf(!POSIX_PATH)(
    'skips files that are not executable, folders, and relative or empty PATH entries (POSIX exec bits)',
    async () => {
      const plain = temp.make();
      writeFileSync(join(plain, 'tool'), 'not a program');
      chmodSync(join(plain, 'tool'), 0o644);
      const folders = temp.make();
      mkdirSync(join(folders, 'tool'));
      expect(
        await findExecutable('tool', { PATH: `${plain}::${folders}:relative/bin:.` }, 'linux'),
      ).toBeUndefined();
    },
  );

  it('finds nothing without a PATH', async () => {
    expect(await findExecutable('sh', {}, 'linux')).toBeUndefined();
    expect(await findExecutable('sh', { PATH: '' }, 'linux')).toBeUndefined();
  });

  it('finds this machine’s git from the real PATH', async () => {
    expect(await findExecutable('git', process.env)).toMatch(/[\\/]git(\.exe)?$/i);
  });

  it('on Windows, tries each PATHEXT extension and reads Path in any case', async () => {
    const bin = temp.make();
    writeFileSync(join(bin, 'git.exe'), '');
    writeFileSync(join(bin, 'git-lfs.cmd'), '');
    writeFileSync(join(bin, 'ssh'), '');
    const env = { Path: `"${bin}"`, PATHEXT: '.COM;.EXE;.BAT;.CMD' };
    expect(await findExecutable('git', env, 'win32')).toBe(join(bin, 'git.exe'));
    expect(await findExecutable('git.exe', env, 'win32')).toBe(join(bin, 'git.exe'));
    expect(await findExecutable('git-lfs', env, 'win32')).toBe(join(bin, 'git-lfs.cmd'));
    // Without an extension from PATHEXT, a bare name is not a program on Windows.
    expect(await findExecutable('ssh', env, 'win32')).toBeUndefined();
    expect(await findExecutable('git-lfs', { PATH: bin, PATHEXT: '.EXE' }, 'win32')).toBeUndefined();
  });
});

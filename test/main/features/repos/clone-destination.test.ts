import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDestination, CloneError } from '../../../../main/features/repos/clone';

// Where a clone may go: a new or empty folder; the default folder (~/HuggingFace) is made on a
// first clone, one missing level only; a deeper missing path, a file or a folder with files is
// refused in words.

const roots: string[] = [];
const root = () => {
  const made = mkdtempSync(join(tmpdir(), 'hfgd-dest-'));
  roots.push(made);
  return made;
};
afterEach(() => {
  while (roots.length > 0) rmSync(roots.pop() as string, { recursive: true, force: true });
});

describe('checkDestination', () => {
  it('makes a missing parent folder one level up (the default ~/HuggingFace on a first clone)', async () => {
    const home = root();
    expect(await checkDestination(join(home, 'HuggingFace', 'my-model'))).toBe('absent');
    expect(existsSync(join(home, 'HuggingFace'))).toBe(true);
    expect(existsSync(join(home, 'HuggingFace', 'my-model'))).toBe(false);
  });

  it('refuses a path two missing levels deep, a file, and a folder with files', async () => {
    const home = root();
    await expect(checkDestination(join(home, 'typo', 'deeper', 'x'))).rejects.toThrow(/does not exist/);
    expect(existsSync(join(home, 'typo'))).toBe(false);
    writeFileSync(join(home, 'file'), 'x');
    await expect(checkDestination(join(home, 'file'))).rejects.toBeInstanceOf(CloneError);
    mkdirSync(join(home, 'full'));
    writeFileSync(join(home, 'full', 'mine.txt'), 'keep');
    await expect(checkDestination(join(home, 'full'))).rejects.toThrow(/already has files/);
    expect(await checkDestination(join(home, 'new'))).toBe('absent');
  });
});

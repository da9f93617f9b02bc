import { chmod, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** ~/.ssh is there but cannot be used (a file where the folder should be). */
export class SshDirError extends Error {}

/**
 * Makes sure ~/.ssh exists as a folder only its owner can open (0700, as ssh expects), creating
 * it if needed; an existing folder's mode is left as the user set it. Returns its path.
 */
export async function ensureSshDir(home: string): Promise<string> {
  const sshDir = join(home, '.ssh');
  try {
    if (!(await stat(sshDir)).isDirectory()) throw new SshDirError(`${sshDir} is a file, not a folder.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(sshDir, { recursive: true, mode: 0o700 });
    await chmod(sshDir, 0o700);
  }
  return sshDir;
}

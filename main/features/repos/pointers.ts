import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitContext } from '../../git/core';
import { gitContext } from '../../git/environment';
import { gitListing, parsePointer, POINTER_HEADER } from '../../git/objects';

// After a clone without Git LFS (or with smudging skipped), large files
// are left as ~130-byte pointer stubs, and libraries then fail with "You seem to have cloned a
// repository without having git-lfs installed" (HUB-FACTS). This finds them in the work tree.

/** Pointers are about 130 bytes; parsePointer reads at most 1024. */
const POINTER_MAX = 1024;

export interface PointerFile {
  readonly path: string;
  readonly oid: string;
  /** The size of the real file the pointer stands for. */
  readonly size: number;
}

/**
 * The tracked paths .gitattributes sends through LFS (`ls-files` with the attr pathspec magic, one
 * process): where pointers can be, and which listed changes are LFS files.
 */
export async function lfsTrackedPaths(context: GitContext, repoPath: string): Promise<string[]> {
  const listed = await gitListing(context, ['ls-files', '-z', '--cached', '--', ':(attr:filter=lfs)'], {
    cwd: repoPath,
  });
  return listed.stdout.split('\u0000').filter(Boolean);
}

/**
 * Work-tree files that are still LFS pointers (read from disk, so it works without git-lfs).
 * Only LFS paths the size of a pointer are opened; `tracked` is lfsTrackedPaths when the caller
 * has it already.
 */
export async function findPointerFiles(
  home: string,
  repoPath: string,
  env: NodeJS.ProcessEnv,
  tracked?: readonly string[],
): Promise<PointerFile[]> {
  const paths = tracked ?? (await lfsTrackedPaths(gitContext({ home }, env), repoPath));
  const found: PointerFile[] = [];
  const header = Buffer.from(POINTER_HEADER);
  // One lstat each; only regular files the size of a pointer are opened and read.
  const small = await Promise.all(
    paths.map((path) =>
      lstat(join(repoPath, path)).then(
        (info) => info.isFile() && info.size >= header.length && info.size <= POINTER_MAX,
        () => false, // deleted in the work tree
      ),
    ),
  );
  for (const [index, path] of paths.entries()) {
    if (!small[index]) continue;
    let handle;
    try {
      handle = await open(join(repoPath, path), 'r');
    } catch {
      continue; // gone since, or not readable
    }
    try {
      const { size } = await handle.stat();
      if (size > POINTER_MAX) continue;
      const buffer = Buffer.alloc(size);
      await handle.read(buffer, 0, size, 0);
      const pointer = parsePointer(buffer.toString('utf8'));
      if (pointer) found.push({ path, ...pointer });
    } finally {
      await handle.close();
    }
  }
  return found;
}

import { createHash } from 'node:crypto';
import { git, type GitContext } from './core';

// The bytes of one blob, read with `git cat-file`: its size, its content when small (a picture
// shown inline, a pointer), or its sha256 streamed chunk by chunk, never held whole (the oid an
// LFS pointer to these bytes would name).

/** Each object's size in bytes, keyed by oid (missing objects are left out): one batch call. */
export async function blobSizes(
  context: GitContext,
  repoPath: string,
  oids: readonly string[],
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const out = await git(context, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], {
    cwd: repoPath,
    input: `${oids.join('\n')}\n`,
    timeoutMs: 30_000,
  });
  for (const line of out.stdout.split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob') sizes.set(oid, Number(size));
  }
  return sizes;
}

/** The blob's bytes. Only for blobs the caller knows are small (the run's output is kept in memory). */
export async function readBlob(context: GitContext, repoPath: string, oid: string): Promise<Buffer> {
  const out = await git(context, ['cat-file', 'blob', oid], {
    cwd: repoPath,
    stdoutEncoding: 'latin1',
    timeoutMs: 60_000,
  });
  return Buffer.from(out.stdout, 'latin1');
}

/**
 * The sha256 of a blob of any size, hashed as git streams it: latin1 keeps each byte one
 * character, and the run keeps almost none of its output (maxOutputBytes 1).
 */
export async function hashBlob(context: GitContext, repoPath: string, oid: string): Promise<string> {
  const hash = createHash('sha256');
  await git(context, ['cat-file', 'blob', oid], {
    cwd: repoPath,
    stdoutEncoding: 'latin1',
    maxOutputBytes: 1,
    timeoutMs: 10 * 60_000,
    onOutput: (stream, text) => {
      if (stream === 'stdout') hash.update(Buffer.from(text, 'latin1'));
    },
  });
  return hash.digest('hex');
}

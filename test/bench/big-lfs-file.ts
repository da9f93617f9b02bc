import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

// What the large-file benchmarks share: a big random file written once, straight into a clone's
// LFS store with its pointer in the work tree (so the disk holds one copy here, not two), and the
// memory of processes read from /proc (Linux).

/** Writes `bytes` random bytes in 8 MiB blocks, each block different, hashing as it goes; the sha256. */
function writeRandomFile(path: string, bytes: number): string {
  const block = randomBytes(8 * 1024 * 1024);
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  try {
    for (let at = 0, index = 0; at < bytes; index += 1) {
      block.writeUInt32LE(index, 0);
      const length = Math.min(block.length, bytes - at);
      const view = block.subarray(0, length);
      writeSync(fd, view);
      hash.update(view);
      at += length;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Why: a file of `bytes` as git-lfs would have stored it in the clone `work` (.git/lfs/objects),
 * and its pointer at `name` in the work tree, ready to `git add`; the oid.
 */
export function placeLfsObject(work: string, name: string, bytes: number): string {
  const staging = join(work, '.git', 'lfs', 'objects', 'tmp');
  mkdirSync(staging, { recursive: true });
  const oid = writeRandomFile(join(staging, 'big'), bytes);
  const stored = join(work, '.git', 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4));
  mkdirSync(stored, { recursive: true });
  renameSync(join(staging, 'big'), join(stored, oid));
  writeFileSync(
    join(work, name),
    `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${bytes}\n`,
  );
  return oid;
}

/** Why: where placeLfsObject put the object's bytes. */
export const lfsObjectFile = (work: string, oid: string): string =>
  join(work, '.git', 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4), oid);

/** Why: the largest of `field` (VmRSS now, VmHWM the peak so far) in MB over processes whose command line holds `needle`. */
export function memoryOf(needle: string, field: 'VmRSS' | 'VmHWM'): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) continue;
      const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return peak;
}

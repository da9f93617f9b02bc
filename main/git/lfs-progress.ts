import { constants } from 'node:fs';
import { access, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A GIT_LFS_PROGRESS file for one run, read as git-lfs appends to it (every 100 ms and once at
 * the end), each complete line handed to `onLine`. `stop()` reads the rest and removes the file.
 */
export async function watchLfsProgress(
  onLine: (line: string) => void,
): Promise<{ readonly file: string; stop(): Promise<void> }> {
  // git-lfs appends a line to this file for every chunk it moves; on Linux a memory-backed
  // folder keeps that from costing a disk write each time (measured: a 100 MB clone 1.5x -> ~1.1x).
  const base =
    process.platform === 'linux' &&
    (await access('/dev/shm', constants.W_OK).then(
      () => true,
      () => false,
    ))
      ? '/dev/shm'
      : tmpdir();
  const dir = await mkdtemp(join(base, 'hfgd-lfs-progress-'));
  const file = join(dir, 'progress');
  let offset = 0;
  let partial = '';
  let reading: Promise<void> = Promise.resolve();
  const read = async (): Promise<void> => {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch {
      return; // git-lfs has not written anything yet
    }
    try {
      const { size } = await handle.stat();
      if (size <= offset) return;
      const buffer = Buffer.alloc(size - offset);
      await handle.read(buffer, 0, buffer.length, offset);
      offset = size;
      const lines = (partial + buffer.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line) onLine(line);
    } finally {
      await handle.close();
    }
  };
  const timer = setInterval(() => {
    reading = reading.then(read);
  }, 100);
  return {
    file,
    async stop() {
      clearInterval(timer);
      await reading;
      await read();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A GIT_LFS_PROGRESS file for one run, read as git-lfs appends to it (every 100 ms and once at
 * the end), each complete line handed to `onLine`. `stop()` reads the rest and removes the file.
 */
export async function watchLfsProgress(
  onLine: (line: string) => void,
): Promise<{ readonly file: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'hfgd-lfs-progress-'));
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

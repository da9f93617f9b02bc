import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdtemp, open, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../core/run';

/**
 * Hands a passphrase to ssh-add or ssh-keygen without a terminal, and without putting it on a
 * command line, in an environment, or in a file: SSH_ASKPASS names a tiny script that reads a
 * FIFO (named pipe) in a private temp folder; the app writes the secret into the pipe once,
 * when the script opens it, then removes the pipe, so a second prompt gets nothing and the
 * program gives up instead of asking again.
 */
export async function withAskpass<T>(
  secret: string,
  use: (env: NodeJS.ProcessEnv) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hfgd-askpass-'));
  const fifo = join(dir, `pipe-${randomBytes(6).toString('hex')}`);
  const script = join(dir, 'askpass');
  let done = false;
  try {
    const made = await run('mkfifo', ['-m', '600', fifo], {
      env: { PATH: process.env.PATH },
      timeoutMs: 5000,
    });
    if (made.exitCode !== 0) throw new Error(`mkfifo failed: ${made.stderr.trim()}`);
    await writeFile(script, `#!/bin/sh\nexec cat '${fifo.replace(/'/g, `'\\''`)}'\n`, { mode: 0o700 });
    const feeding = feed(fifo, secret, () => done);
    try {
      return await use({
        SSH_ASKPASS: script,
        SSH_ASKPASS_REQUIRE: 'force',
        DISPLAY: process.env.DISPLAY ?? ':0',
      });
    } finally {
      done = true;
      await feeding;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Waits (without blocking a thread) for the script to open the pipe, writes the secret once,
 * then unlinks the pipe. Opening a FIFO for writing with O_NONBLOCK fails with ENXIO until a
 * reader is there, so it is retried every few milliseconds until the caller is done.
 */
async function feed(fifo: string, secret: string, finished: () => boolean): Promise<void> {
  while (!finished()) {
    try {
      const handle = await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        await unlink(fifo);
        await handle.write(`${secret}\n`);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENXIO' && code !== 'EAGAIN') return;
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  }
}

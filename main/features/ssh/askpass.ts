import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdtemp, open, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../core/run';
import {
  ASKPASS_PIPE_VARIABLE,
  askpassPipeName,
  askpassPlan,
  currentAskpassHost,
  NO_ASKPASS_ENV,
  type AskpassHost,
} from './askpass-plan';
import { ASKPASS_READER_SCRIPT } from './askpass-reader';

/** Where withAskpass runs: injected by tests, the real process otherwise. */
export interface AskpassOptions {
  readonly platform?: NodeJS.Platform;
  readonly host?: AskpassHost;
}

/**
 * Hands a passphrase to ssh-add or ssh-keygen without a terminal, and without putting it on a
 * command line, in an environment, or in a file (askpassPlan chooses how). Without a passphrase
 * there is no askpass at all. On Linux and macOS SSH_ASKPASS names a tiny script that reads a
 * FIFO in a private temp folder; the app writes the secret into the pipe once, when the script
 * opens it, then removes the pipe, so a second prompt gets nothing and the program gives up
 * instead of asking again. On Windows a real executable reads a one-shot named pipe instead.
 */
export async function withAskpass<T>(
  secret: string | null,
  use: (env: NodeJS.ProcessEnv) => Promise<T>,
  options: AskpassOptions = {},
): Promise<T> {
  const platform = options.platform ?? process.platform;
  const host = options.host ?? currentAskpassHost();
  if (secret === null) return use({ ...NO_ASKPASS_ENV });
  if (platform === 'win32') return withPipeAskpass(secret, use, host);
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

/**
 * Serves the secret once on `path` (a Windows named pipe or, in tests, a Unix socket): the first
 * connection gets it and the server stops listening at once, so a second prompt finds no pipe.
 */
export function servePassphraseOnce(path: string, secret: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ allowHalfOpen: false }, (socket) => {
      server.close();
      socket.on('error', () => undefined);
      socket.end(`${secret}\n`);
    });
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}

/** Windows: the askpass plan's executable, reading a one-shot named pipe the app serves. */
async function withPipeAskpass<T>(
  secret: string,
  use: (env: NodeJS.ProcessEnv) => Promise<T>,
  host: AskpassHost,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hfgd-askpass-'));
  try {
    const reader = join(dir, 'askpass-reader.mjs');
    const plan = askpassPlan('win32', true, host, pathToFileURL(reader).href);
    if (plan.kind !== 'named_pipe') throw new Error(`unexpected askpass plan ${plan.kind}`);
    if (plan.reader === 'node_script') await writeFile(reader, ASKPASS_READER_SCRIPT, { mode: 0o600 });
    const pipe = askpassPipeName(randomBytes(12).toString('hex'));
    const server = await servePassphraseOnce(pipe, secret);
    try {
      return await use({ ...plan.env, [ASKPASS_PIPE_VARIABLE]: pipe });
    } finally {
      server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

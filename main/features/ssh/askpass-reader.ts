import { connect } from 'node:net';
import { ASKPASS_PIPE_VARIABLE } from './askpass-plan';

/** The askpass pipe named in the environment, when this process was started as the askpass. */
export function askpassPipeOf(env: NodeJS.ProcessEnv): string | undefined {
  const pipe = env[ASKPASS_PIPE_VARIABLE];
  return pipe !== undefined && pipe !== '' ? pipe : undefined;
}

/**
 * The askpass itself: connects to the app's one-shot pipe (a Windows named pipe, or a Unix socket
 * path: node's net takes both), copies what it sends to stdout, where ssh-add reads the answer
 * (readpass.c reads the child's stdout up to the first newline), and resolves with the exit code:
 * 0 when an answer came, 1 otherwise, so ssh-add treats a failure as no passphrase.
 */
export function answerAskpass(pipe: string, out: NodeJS.WritableStream, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(pipe);
    const timer = setTimeout(() => socket.destroy(new Error('askpass pipe timed out')), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(1);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      const answer = Buffer.concat(chunks);
      if (answer.length === 0) return resolve(1);
      out.write(answer, () => resolve(0));
    });
  });
}

/**
 * The same reader as a standalone ES module, for `node --import` in development and browser mode
 * (askpassPlan): written to the askpass's private folder at run time, so nothing needs bundling.
 */
export const ASKPASS_READER_SCRIPT = `import { connect } from 'node:net';
const pipe = process.env.${ASKPASS_PIPE_VARIABLE};
const code = await new Promise((resolve) => {
  if (!pipe) return resolve(1);
  const chunks = [];
  const socket = connect(pipe);
  const timer = setTimeout(() => socket.destroy(new Error('timed out')), 10000);
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('error', () => { clearTimeout(timer); resolve(1); });
  socket.on('end', () => {
    clearTimeout(timer);
    const answer = Buffer.concat(chunks);
    if (answer.length === 0) return resolve(1);
    process.stdout.write(answer, () => resolve(0));
  });
});
process.exit(code);
`;

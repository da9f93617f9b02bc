// The agent's loop (git-lfs docs/custom-transfers.md): answer init, then each upload in turn with
// progress and one complete, until terminate. An error for one object is that object's `complete`
// with an error; only a broken conversation ends the process with a non-zero code.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createPools } from './http';
import { parseRequest, replyLine, type AgentReply } from './protocol';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { PART_CONCURRENCY, uploadObject } from './upload';

/** Why: what a test may change; the app runs the defaults. */
export interface AgentOptions {
  readonly retry?: RetryPolicy;
  readonly concurrency?: number;
}

/**
 * Why: speaks the protocol on `input`/`output` until git-lfs says terminate; resolves to the exit
 * code. `log` is stderr, which git-lfs copies into its trace (GIT_TRACE=1).
 */
export async function runAgent(
  input: Readable,
  output: Writable,
  log: (line: string) => void,
  options: AgentOptions = {},
): Promise<number> {
  const write = (reply: AgentReply) => output.write(replyLine(reply));
  const concurrency = options.concurrency ?? PART_CONCURRENCY;
  const pools = createPools(concurrency);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let initialized = false;
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const request = parseRequest(line);
      if (!request) {
        log(`hfgd-lfs-multipart: not a message git-lfs sends: ${line.slice(0, 200)}`);
        return 1;
      }
      switch (request.event) {
        case 'init':
          // Upload only, as huggingface_hub's agent (cli/lfs.py: "Wrong lfs init operation").
          if (request.operation !== 'upload') {
            write({
              error: { code: 32, message: 'The multipart transfer only uploads; downloads use basic.' },
            });
            return 1;
          }
          initialized = true;
          write({});
          break;
        case 'upload': {
          if (!initialized) return 1;
          // A first progress line at once: git-lfs starts its other workers only after one
          // (huggingface_hub cli/lfs.py: "Otherwise they're delayed until first progress event").
          write({ event: 'progress', oid: request.oid, bytesSoFar: 0, bytesSinceLast: 0 });
          const error = await uploadObject(request, {
            pools,
            retry: options.retry ?? DEFAULT_RETRY,
            concurrency,
            onProgress: (bytesSoFar, bytesSinceLast) =>
              write({ event: 'progress', oid: request.oid, bytesSoFar, bytesSinceLast }),
            log,
          });
          write(
            error ? { event: 'complete', oid: request.oid, error } : { event: 'complete', oid: request.oid },
          );
          break;
        }
        case 'download':
          write({
            event: 'complete',
            oid: request.oid,
            error: { code: 32, message: 'The multipart transfer only uploads; downloads use basic.' },
          });
          break;
        case 'terminate':
          return 0;
      }
    }
    // stdin closed without terminate: git-lfs went away.
    return 0;
  } finally {
    lines.close();
    pools.http.destroy();
    pools.https.destroy();
  }
}

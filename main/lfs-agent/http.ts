// The agent's HTTP calls, with Node's own http/https: a PUT whose body streams from a byte range of
// the file (never a whole part in memory), and a small JSON POST.
import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

/** Why: what a call answered: the status, the ETag if any, and the start of the body for an error. */
export interface HttpAnswer {
  readonly status: number;
  readonly etag: string | undefined;
  readonly body: string;
}

/** Why: one keep-alive pool per protocol, sized by the caller's concurrency. */
export interface Pools {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

/** Why: connections reused across parts, as a requests session does in huggingface_hub. */
export function createPools(sockets: number): Pools {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: sockets }),
    https: new https.Agent({ keepAlive: true, maxSockets: sockets }),
  };
}

const BODY_KEPT = 2048;
const TIMEOUT_MS = 120_000;

function send(
  pools: Pools,
  method: string,
  url: string,
  headers: Readonly<Record<string, string | number>>,
  write: (request: http.ClientRequest) => void,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') {
      reject(new Error(`not an http(s) URL: ${target.protocol}`));
      return;
    }
    const request = (secure ? https : http).request(
      target,
      { method, headers, agent: secure ? pools.https : pools.http, timeout: TIMEOUT_MS },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          if (body.length < BODY_KEPT) body += text.slice(0, BODY_KEPT - body.length);
        });
        response.on('end', () => {
          const etag = response.headers.etag;
          resolve({
            status: response.statusCode ?? 0,
            etag: typeof etag === 'string' ? etag : undefined,
            body,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('the Hub did not answer in time')));
    request.on('error', reject);
    write(request);
  });
}

/**
 * Why: PUTs bytes [start, end) of `file` to `url`, streamed from disk; `onBytes` hears each block
 * as it is handed to the socket, for progress.
 */
export function putRange(
  pools: Pools,
  url: string,
  headers: Readonly<Record<string, string>>,
  file: string,
  start: number,
  end: number,
  onBytes: (count: number) => void,
): Promise<HttpAnswer> {
  return send(pools, 'PUT', url, { ...headers, 'Content-Length': end - start }, (request) => {
    if (end <= start) {
      request.end();
      return;
    }
    const source = createReadStream(file, { start, end: end - 1, highWaterMark: 256 * 1024 });
    source.on('data', (block) => onBytes(block.length));
    source.on('error', (error) => request.destroy(error));
    source.pipe(request);
  });
}

/** Why: the completion call: a JSON body as the Hub's LFS API takes it (huggingface_hub LFS_HEADERS). */
export function postJson(pools: Pools, url: string, body: unknown): Promise<HttpAnswer> {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  return send(
    pools,
    'POST',
    url,
    {
      Accept: 'application/vnd.git-lfs+json',
      'Content-Type': 'application/vnd.git-lfs+json',
      'Content-Length': text.length,
    },
    (request) => request.end(text),
  );
}

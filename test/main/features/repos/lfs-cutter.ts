import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback proxy in front of the fake hub that can drop the connection in the middle of an
// LFS download, the way a Wi-Fi blip or a restarted router does. It forwards every request, and
// rewrites the LFS batch answers so git-lfs fetches the objects through it too (the fake hub's
// hrefs name its own port). The fake hub itself is not changed.

/**
 * What happens to an LFS object download once `cutAfterBytes` bytes have gone through: nothing
 * (`pass`), the connection is reset (`cut`), or it stays open with no more data (`stall`).
 */
export type LineMode = 'pass' | 'cut' | 'stall';

/** The proxy a test points the app at instead of the fake hub. */
export interface LfsCutter {
  /** `http://127.0.0.1:PORT`, the value for HF_ENDPOINT. */
  readonly url: string;
  mode: LineMode;
  /** How many object downloads were cut or stalled so far. */
  readonly cuts: () => number;
  readonly stop: () => Promise<void>;
}

/** Why: lets a test drop an LFS download mid-way without a hook in the fake hub. */
export async function startLfsCutter(hubUrl: string, cutAfterBytes = 64 * 1024): Promise<LfsCutter> {
  const hub = new URL(hubUrl);
  let cuts = 0;
  let url = '';
  const state: { mode: LineMode } = { mode: 'pass' };

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request(
      {
        host: hub.hostname,
        port: hub.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: hub.host },
      },
      (answer) => {
        const type = String(answer.headers['content-type'] ?? '');
        const isObject = req.method === 'GET' && (req.url ?? '').startsWith('/lfs-objects/');
        if (type.includes('git-lfs+json')) {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(hubUrl).join(url));
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(body);
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        const mode = state.mode;
        if (!(isObject && mode !== 'pass' && answer.statusCode === 200)) {
          answer.pipe(res);
          return;
        }
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (res.destroyed || sent >= cutAfterBytes) return;
          res.write(chunk.subarray(0, cutAfterBytes - sent));
          sent += chunk.length;
          if (sent < cutAfterBytes) return;
          cuts += 1;
          answer.destroy();
          // Past the headers and some bytes the line goes dead: a reset, not a clean end; or,
          // stalled, it stays open and silent until the client gives up.
          if (mode === 'cut') res.socket?.resetAndDestroy();
        });
        answer.on('end', () => res.end());
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get mode() {
      return state.mode;
    },
    set mode(value: LineMode) {
      state.mode = value;
    },
    cuts: () => cuts,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

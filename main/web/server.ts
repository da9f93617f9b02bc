import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventName, Events } from '../../preload/contract';
import { dispatch, MAX_PAYLOAD_BYTES, type HandlerContext, type HandlerTable } from '../ipc/dispatch';
import { fail } from '../ipc/result';
import type { AppSession } from '../core/session';
import type { Settings } from '../core/settings';

/**
 * Browser mode: the second transport of the one contract. It serves the built renderer and the
 * same handlers over loopback HTTP + WebSocket so the real UI runs against the real services in
 * any browser. It is reachable only from this machine and only with the launch token: a web page
 * on another origin cannot guess the token, and DNS rebinding fails the Host check.
 */
export interface WebServerOptions {
  readonly settings: Settings;
  readonly table: HandlerTable;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  readonly openExternal: (url: string) => Promise<void>;
  readonly session: AppSession;
  /** The app's environment, handed to every handler (the entry's process.env). */
  readonly env: NodeJS.ProcessEnv;
  /** Unread answers one socket may hold before it is dropped (default MAX_BUFFERED_BYTES). */
  readonly maxBufferedBytes?: number;
}

export interface WebServer {
  /** The one URL to open: it carries the token once, then a cookie does. */
  readonly url: string;
  readonly port: number;
  readonly close: () => Promise<void>;
}

const SESSION_COOKIE = 'hfgd_session';

/**
 * Answers and events a page has not read yet, per socket, before the server stops writing to it:
 * a tab that hangs (or a client that never reads) must not grow the app's memory without bound.
 * One message larger than this still goes out to a page that keeps up (a 3 MB repository state).
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** The close codes the server sends (RFC 6455 section 7.4.1), each with the reason it gives. */
export const CLOSE_REASONS: Readonly<Record<number, string>> = {
  1002: 'That was not a valid WebSocket frame.',
  1003: 'The app takes JSON requests only.',
  1007: 'That message was not valid UTF-8.',
  1008: 'The page was not reading the app’s answers.',
  1009: `Messages to the app are at most ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB.`,
  1011: 'The app could not answer that request.',
};

/**
 * ws closes a socket that sent a bad frame with a bare code (its receiver calls close(code));
 * this subclass, ws's documented `WebSocket` option, adds the reason, so a page can say why.
 */
class ReasonedSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code, data ?? (code === undefined ? undefined : CLOSE_REASONS[code]));
  }
}

/** The same policy the Electron window gets from index.html, sent as a header too. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function deny(response: ServerResponse, status: number, text: string): void {
  securityHeaders(response);
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** Starts the server on 127.0.0.1 and a random port. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const sockets = new Set<WebSocket>();
  let origin = '';
  let expectedHost = '';

  const authorised = (request: IncomingMessage, url: URL): boolean =>
    sameSecret(url.searchParams.get('token') ?? undefined, token) ||
    sameSecret(cookieValue(request.headers.cookie, SESSION_COOKIE), token);

  // Files under assets/ carry a hash of their content in their names (Vite's build), so one name
  // always means the same bytes: each is read once and then served from memory, and a first screen
  // waits on no disk round trips (four thread-pool hops per file with readFile). index.html has a
  // fixed name and is read every time, so a rebuilt renderer shows on the next reload.
  const assets = new Map<string, Promise<Buffer>>();
  const read = (file: string, relative: string): Promise<Buffer> => {
    if (!relative.startsWith('assets/')) return readFile(file);
    const known = assets.get(file);
    if (known) return known;
    const reading = readFile(file);
    assets.set(file, reading);
    reading.catch(() => assets.delete(file));
    return reading;
  };

  const serveFile = async (response: ServerResponse, pathname: string): Promise<void> => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(options.rendererDir + sep) || relative.includes('\0')) {
      deny(response, 404, 'Not found');
      return;
    }
    let body: Buffer;
    try {
      body = await read(file, relative);
    } catch {
      deny(response, 404, 'Not found');
      return;
    }
    securityHeaders(response);
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  };

  const server = createServer((request, response) => {
    if (request.headers.host !== expectedHost) {
      deny(response, 421, 'Wrong host');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (!authorised(request, url)) {
      deny(response, 403, 'Forbidden: open the address the app printed when it started.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      deny(response, 405, 'Method not allowed');
      return;
    }
    if (url.searchParams.has('token')) {
      // Trade the token in the address for an HttpOnly cookie, answering at once rather than with a
      // redirect (a whole extra navigation); the renderer then drops the token from the address bar.
      response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    serveFile(response, url.pathname).catch(() => deny(response, 500, 'Internal error'));
  });
  // Past listen(), an accept error (EMFILE) is reported here; without a listener it ends the app.
  server.on('error', () => undefined);

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    WebSocket: ReasonedSocket,
  });
  const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;

  /** Sends to one socket, unless it is closing or has left too much unread: then it is dropped. */
  const send = (ws: WebSocket, message: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount >= maxBuffered) {
      ws.close(1008);
      return;
    }
    ws.send(message);
  };

  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets) send(socket, message);
  };
  const context: HandlerContext = {
    settings: options.settings,
    env: options.env,
    session: options.session,
    emit,
    openExternal: options.openExternal,
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the handshake arrives here; ws adds its own listener once it takes over.
    const onSocketError = (): void => {
      socket.destroy();
    };
    socket.on('error', onSocketError);
    const url = new URL(request.url ?? '/', origin);
    const trusted =
      request.headers.host === expectedHost &&
      request.headers.origin === origin &&
      url.pathname === '/ipc' &&
      authorised(request, url);
    if (!trusted) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.removeListener('error', onSocketError);
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // A bad or oversized frame: ws has already closed this socket with its code (and, through
      // ReasonedSocket, a reason). Without this listener ws throws, and the app would exit.
      ws.on('error', () => undefined);
      ws.on('message', (data) => {
        answer(ws, data.toString()).catch(() => ws.close(1011));
      });
    });
  });

  const answer = async (ws: WebSocket, text: string): Promise<void> => {
    let message: { id?: unknown; operation?: unknown; request?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      ws.close(1003);
      return;
    }
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number') {
      ws.close(1003);
      return;
    }
    const result =
      'request' in message
        ? await dispatch(options.table, message.operation, message.request, context)
        : fail('invalid_input', 'The request was empty.', 'Restart the app.');
    send(ws, JSON.stringify({ id: message.id, result }));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  origin = `http://${expectedHost}`;

  return {
    url: `${origin}/?token=${token}`,
    port,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

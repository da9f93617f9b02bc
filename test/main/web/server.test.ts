import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession } from '../../../main/core/session';
import { createHandlerTable } from '../../../main/entry/handler-table';
import { resolveSettings } from '../../../main/core/settings';
import { startWebServer, type WebServer } from '../../../main/web/server';

// The browser-mode transport for real: a server on loopback, real HTTP and WebSocket clients.

const root = mkdtempSync(join(tmpdir(), 'hfgd-web-'));
const rendererDir = join(root, 'renderer');
const home = join(root, 'home');
let server: WebServer;
let token: string;
const opened: string[] = [];

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(home);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  server = await startWebServer({
    env: process.env,
    settings: resolveSettings({ HFGD_HOME: home }),
    table: createHandlerTable({
      appVersion: '0.0.0-test',
      transport: 'browser',
      os: 'debian',
      versions: { node: '20' },
    }),
    rendererDir,
    session: createSession({}),
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  token = new URL(server.url).searchParams.get('token') ?? '';
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const cookie = (): string => `hfgd_session=${token}`;

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const origin = (): string => `http://127.0.0.1:${server.port}`;

function call(
  ws: WebSocket,
  message: unknown,
): Promise<{
  id: number;
  result: { ok: boolean; error?: { code: string; message: string }; value?: unknown };
}> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const parsed = JSON.parse(data.toString()) as { id?: number };
      if (parsed.id !== undefined) {
        ws.off('message', onMessage);
        resolve(parsed as never);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('browser-mode server', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get('/', { cookie: 'hfgd_session=wrong' })).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie', async () => {
    const reply = await get(`/?token=${token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(String(reply.headers['set-cookie'])).toContain(`hfgd_session=${token}; HttpOnly; SameSite=Strict`);
  });

  it('serves the renderer with the content security policy to a holder of the cookie', async () => {
    const reply = await get('/', { cookie: cookie() });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await get('/assets/app.js', { cookie: cookie() })).headers['content-type']).toContain(
      'javascript',
    );
  });

  it('reads an asset once (its name is its content), but index.html each time', async () => {
    writeFileSync(join(rendererDir, 'assets', 'once.js'), 'first');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>first</title>');
    expect((await get('/assets/once.js', { cookie: cookie() })).body).toBe('first');
    expect((await get('/', { cookie: cookie() })).body).toContain('first');
    writeFileSync(join(rendererDir, 'assets', 'once.js'), 'second');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>second</title>');
    expect((await get('/assets/once.js', { cookie: cookie() })).body).toBe('first');
    expect((await get('/', { cookie: cookie() })).body).toContain('second');
    expect((await get('/assets/missing.js', { cookie: cookie() })).status).toBe(404);
    writeFileSync(join(rendererDir, 'assets', 'missing.js'), 'now here');
    expect((await get('/assets/missing.js', { cookie: cookie() })).body).toBe('now here');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  });

  it('refuses a wrong Host header (DNS rebinding), even with the token', async () => {
    expect((await get(`/?token=${token}`, { host: 'evil.example' })).status).toBe(421);
    expect((await get('/', { cookie: cookie(), host: `localhost:${server.port}` })).status).toBe(421);
  });

  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00',
    '/nope.js',
  ]) {
    it(`does not serve ${path}`, async () => {
      const reply = await get(path, { cookie: cookie() });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    });
  }

  it('refuses a socket without the token, with a wrong Origin or a wrong Host', async () => {
    await expect(connect({ origin: origin() })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: 'http://evil.example', cookie: cookie() })).rejects.toThrow('HTTP 403');
    await expect(connect({ cookie: cookie() })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: origin(), cookie: cookie(), host: 'evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('answers operations over the socket with the same handlers', async () => {
    const ws = await connect({ origin: origin(), cookie: cookie() });
    const reply = await call(ws, { id: 1, operation: 'getAppInfo', request: null });
    expect(reply).toMatchObject({
      id: 1,
      result: { ok: true, value: { transport: 'browser', sshHost: 'hf.co' } },
    });
    ws.close();
  });

  it('names the bad field of a malformed payload and runs nothing', async () => {
    const ws = await connect({ origin: origin(), cookie: cookie() });
    const reply = await call(ws, { id: 2, operation: 'openExternal', request: { url: 42 } });
    expect(reply.result.ok).toBe(false);
    expect(reply.result.error?.code).toBe('invalid_input');
    expect(reply.result.error?.message).toContain('url');
    const refused = await call(ws, {
      id: 3,
      operation: 'openExternal',
      request: { url: 'file:///etc/passwd' },
    });
    expect(refused.result.error?.code).toBe('not_allowed');
    expect(opened).toEqual([]);
    const allowed = await call(ws, {
      id: 4,
      operation: 'openExternal',
      request: { url: 'https://huggingface.co/settings/keys' },
    });
    expect(allowed.result.ok).toBe(true);
    expect(opened).toEqual(['https://huggingface.co/settings/keys']);
    ws.close();
  });

  it('closes a socket that sends something other than JSON', async () => {
    const ws = await connect({ origin: origin(), cookie: cookie() });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('this is not json');
    expect(await closed).toBe(1003);
  });
});

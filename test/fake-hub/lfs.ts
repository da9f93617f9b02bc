// The Git LFS batch API of the fake hub (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md),
// the one real git-lfs talks to: POST {repo}.git/info/lfs/objects/batch answers with basic-transfer
// actions; objects are uploaded with PUT and downloaded with GET at the hrefs it gives, each
// carrying a one-time header. Objects are stored per repository (as the Hub keeps them), so a
// fork that lacks its upstream's objects fails the way seed 004 describes.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { accessRefusal, gitCaller, type RepoRules } from './git-http';
import type { FakeToken, FakeUser } from './users';

const BATCH_PATH =
  /^\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/info\/lfs\/objects\/batch$/;
const OBJECT_PATH =
  /^\/lfs-objects\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*)\/([0-9a-f]{64})$/;
const LFS_JSON = 'application/vnd.git-lfs+json';
/** Why: the Hub's per-file limit for the basic transfer; bigger files need the large-file path. */
export const LFS_MAX_BYTES = 5 * 1000 ** 3;

/** Why: where the fake hub keeps one LFS object of one repository. */
export function lfsObjectPath(gitDir: string, oid: string): string {
  return join(gitDir, 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4), oid);
}

function sendLfs(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': LFS_JSON });
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(size > limit ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** Why: the LFS side of the fake hub, mounted on its HTTP server. */
export class LfsServer {
  /** One-time transfer headers: value -> what they allow. */
  private readonly grants = new Map<string, { repo: string; oid: string; size: number; upload: boolean }>();

  constructor(
    private readonly reposDir: string,
    private readonly tokens: ReadonlyMap<string, { user: FakeUser; token: FakeToken }>,
    private readonly rules: ReadonlyMap<string, RepoRules>,
    private readonly baseUrl: () => string,
  ) {}

  /** Why: answers an LFS request when the path is one, else returns false. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://fake-hub.invalid').pathname;
    const batch = BATCH_PATH.exec(path);
    if (batch?.[1] && req.method === 'POST') {
      this.batch(req, res, batch[1]).catch(() => res.destroy());
      return true;
    }
    const object = OBJECT_PATH.exec(path);
    if (object?.[1] && object[2]) {
      // A client that cancels mid-upload aborts the request: drop the partial object quietly.
      if (req.method === 'PUT') this.upload(req, res, object[1], object[2]).catch(() => res.destroy());
      else if (req.method === 'GET') this.download(req, res, object[1], object[2]);
      else sendLfs(res, 405, { message: 'Method not allowed' });
      return true;
    }
    return false;
  }

  private async batch(req: IncomingMessage, res: ServerResponse, repo: string): Promise<void> {
    const body = (await readJson(req, 1024 * 1024)) as
      { operation?: string; objects?: { oid?: string; size?: number }[] } | undefined;
    const operation = body?.operation;
    if (!body || (operation !== 'upload' && operation !== 'download') || !Array.isArray(body.objects))
      return sendLfs(res, 422, { message: 'Unprocessable batch request' });
    const caller = gitCaller(req, this.tokens);
    const refusal = accessRefusal(caller, repo, operation === 'upload', this.rules.get(repo));
    if (refusal) {
      const headers: Record<string, string> = { 'Content-Type': LFS_JSON };
      if (refusal.status === 401) headers['LFS-Authenticate'] = 'Basic realm="Authentication required"';
      res.writeHead(refusal.status, headers);
      // HUB-FACTS: a read token pushing over LFS gets "batch response: Authorization error."
      res.end(JSON.stringify({ message: refusal.status === 403 ? 'Authorization error.' : refusal.message }));
      return;
    }
    const gitDir = join(this.reposDir, `${repo}.git`);
    if (!existsSync(gitDir)) return sendLfs(res, 404, { message: 'Repository not found' });
    const objects = body.objects.map((object) => {
      const oid = String(object.oid ?? '');
      const size = Number(object.size);
      if (!/^[0-9a-f]{64}$/.test(oid) || !Number.isSafeInteger(size) || size < 0)
        return { oid, size, error: { code: 422, message: 'Invalid object' } };
      if (size > LFS_MAX_BYTES)
        return {
          oid,
          size,
          error: {
            code: 422,
            message: 'Files over 5 GB need the large-file upload (hf lfs-enable-largefiles).',
          },
        };
      const stored = existsSync(lfsObjectPath(gitDir, oid));
      const href = `${this.baseUrl()}/lfs-objects/${repo}/${oid}`;
      const grant = (upload: boolean) => {
        const value = `Bearer lfs-${randomBytes(12).toString('hex')}`;
        this.grants.set(value, { repo, oid, size, upload });
        return { href, header: { Authorization: value }, expires_in: 3600 };
      };
      if (operation === 'upload')
        return stored
          ? { oid, size, authenticated: true }
          : { oid, size, authenticated: true, actions: { upload: grant(true) } };
      return stored
        ? { oid, size, authenticated: true, actions: { download: grant(false) } }
        : { oid, size, error: { code: 404, message: 'Object does not exist on the server' } };
    });
    sendLfs(res, 200, { transfer: 'basic', objects, hash_algo: 'sha256' });
  }

  private take(req: IncomingMessage, repo: string, oid: string, upload: boolean) {
    const value = req.headers.authorization ?? '';
    const grant = this.grants.get(value);
    if (!grant || grant.repo !== repo || grant.oid !== oid || grant.upload !== upload) return undefined;
    this.grants.delete(value);
    return grant;
  }

  private async upload(req: IncomingMessage, res: ServerResponse, repo: string, oid: string): Promise<void> {
    const grant = this.take(req, repo, oid, true);
    if (!grant) return sendLfs(res, 401, { message: 'Invalid or expired upload authorization' });
    const target = lfsObjectPath(join(this.reposDir, `${repo}.git`), oid);
    mkdirSync(join(target, '..'), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(temp);
        req.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
        });
        req.pipe(out);
        out.on('finish', resolve);
        out.on('error', reject);
        req.on('error', reject);
      });
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    if (hash.digest('hex') !== oid || size !== grant.size) {
      rmSync(temp, { force: true });
      return sendLfs(res, 422, { message: 'The object does not match its oid or size' });
    }
    renameSync(temp, target);
    res.writeHead(200);
    res.end();
  }

  private download(req: IncomingMessage, res: ServerResponse, repo: string, oid: string): void {
    const grant = this.take(req, repo, oid, false);
    if (!grant) return sendLfs(res, 401, { message: 'Invalid or expired download authorization' });
    const file = lfsObjectPath(join(this.reposDir, `${repo}.git`), oid);
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(statSync(file).size),
    });
    createReadStream(file).pipe(res);
  }
}

// The Git LFS batch API of the fake hub (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md),
// the one real git-lfs talks to: POST {repo}.git/info/lfs/objects/batch answers with basic-transfer
// actions; objects are uploaded with PUT and downloaded with GET at the hrefs it gives, each
// carrying a one-time header. Objects are stored per repository (as the Hub keeps them), so a
// fork that lacks its upstream's objects fails the way seed 004 describes. Access is access.ts's
// decision, worded as the Hub's batch API words it (lfsWords).
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { decide, gitCaller, lfsWords, type HubState } from './access';
import { sendRefusal } from './git-http';

const BATCH_PATH =
  /^\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/info\/lfs\/objects\/batch$/;
const OBJECT_PATH =
  /^\/lfs-objects\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*)\/([0-9a-f]{64})$/;
// Where part uploads and the completion call go. On the Hub the parts go to presigned S3 URLs and
// the completion to the Hub, both authorized by their query alone (huggingface_hub cli/lfs.py sends
// them without credentials); here one id in the query stands for the signature.
const MULTIPART_PATH =
  /^\/lfs-multipart\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*)\/([0-9a-f]{64})(?:\/([1-9][0-9]{0,4}))?$/;
const LFS_JSON = 'application/vnd.git-lfs+json';

/** One multipart upload the batch API opened: its parts land at their offsets in one temp file. */
interface MultipartUpload {
  readonly repo: string;
  readonly oid: string;
  readonly size: number;
  readonly chunk: number;
  readonly count: number;
  readonly temp: string;
  readonly etags: Map<number, string>;
  /**
   * The sha256 of the parts received so far in order, read back as each next one lands, so the
   * completion does not read the whole file again (as S3 assembles the parts as they come).
   */
  readonly hash: PartHasher;
  hashedParts: number;
  hashValid: boolean;
  hashing: Promise<void>;
}

/**
 * Why: the Hub's per-file limit for an upload without the multipart transfer (HUB-FACTS: "Files
 * over 5 GB need the multipart transfer"); 5 GB as the Hub counts it, 5 * 1000^3 bytes.
 */
export const LFS_MAX_BYTES = 5 * 1000 ** 3;

/**
 * Why: the batch API's answer to a file over 5 GB when the client does not offer the multipart
 * transfer, in the Hub's words (HUB-FACTS). The HTTP status the Hub uses is unverified: 400 is
 * one git-lfs 3.3 prints as "batch response: MESSAGE", as users quote it.
 */
export const OVER_5GB_WORDS =
  'You need to configure your repository to enable upload of files > 5GB. Run "huggingface-cli lfs-enable-largefiles ./path/to/your/repo" and try again.';

/**
 * Why: the Hub's rate-limit words as git-lfs shows them (HUB-FACTS: "batch response: We had to rate
 * limit you, you hit the quota of 1000 api requests per 5 minutes period..."; the rest of the
 * sentence as huggingface_hub users quote it).
 */
export const RATE_LIMIT_WORDS =
  'We had to rate limit you, you hit the quota of 1000 api requests per 5 minutes period. Upgrade to a PRO user or Team/Enterprise organization account (https://hf.co/pricing) to get higher limits. See https://huggingface.co/docs/hub/rate-limits';

/** Reads back and hashes the parts that now follow the hashed ones without a gap. */
async function hashReceivedParts(upload: MultipartUpload): Promise<void> {
  while (upload.hashedParts < upload.count && upload.etags.has(upload.hashedParts + 1)) {
    const start = upload.hashedParts * upload.chunk;
    await upload.hash.update(start, Math.min(upload.size, start + upload.chunk));
    upload.hashedParts += 1;
  }
}

// The hashing runs on a worker thread, so the hub's own thread keeps taking the parts' bytes.
const HASHER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
parentPort.on('message', ({ start, end }) => {
  if (start === undefined) { parentPort.postMessage(hash.digest('hex')); return; }
  // The part file may be gone (the hub stopped, the repository removed): say so, never throw.
  let fd;
  try {
    fd = openSync(workerData, 'r');
    for (let at = start; at < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (read <= 0) break;
      hash.update(buffer.subarray(0, read));
      at += read;
    }
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage({ failed: String(error) });
  } finally { if (fd !== undefined) closeSync(fd); }
});`;

/** A sha256 of byte ranges of one file, fed in order, computed on a worker thread. */
class PartHasher {
  private readonly worker: Worker;
  constructor(file: string) {
    this.worker = new Worker(HASHER_SOURCE, { eval: true, workerData: file });
    this.worker.unref(); // an upload never completed must not keep the hub's process alive
    // Anything the worker still throws ends this upload's hash, never the test process.
    this.worker.on('error', () => {
      this.failed = true;
    });
  }
  /** A range could not be read: the digest can then match no oid, so the completion is refused. */
  private failed = false;
  private ask(message: { start?: number; end?: number }): Promise<unknown> {
    return new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.postMessage(message);
    });
  }
  async update(start: number, end: number): Promise<void> {
    const answer = await this.ask({ start, end });
    if (answer !== null) this.failed = true;
  }
  async digest(): Promise<string> {
    const hex = (await this.ask({})) as string;
    await this.worker.terminate();
    return this.failed ? 'unreadable' : hex;
  }
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

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

/** Why: what a test may change on the batch API while the hub runs. */
export interface LfsSettings {
  /** Uploads over this many bytes need the multipart transfer (default LFS_MAX_BYTES). */
  readonly maxBytes: number;
  /** When true, every batch request is answered with the Hub's rate limit (429). */
  rateLimited: boolean;
  /** The part size of a multipart upload (default MULTIPART_CHUNK_BYTES, or maxBytes when smaller). */
  multipartChunkBytes?: number;
  /** The next this many part uploads are answered 500, S3's transient error, so a test sees a retry. */
  failPartUploads?: number;
  /** Each part upload is answered this many ms after its last byte (a slow link, so a test sees the bar mid-way). */
  partDelayMs?: number;
  /** The `transfers` the last batch request offered, so a test sees what git-lfs was set up with. */
  lastTransfers?: readonly string[];
}

/**
 * Why: the part size the fake hub hands out. The Hub's own figure is unverified (huggingface_hub
 * reads whatever `header.chunk_size` says, lfs.py lfs_upload); S3, which holds the parts, takes
 * 5 MiB to 5 GiB a part and at most 10,000 parts.
 */
export const MULTIPART_CHUNK_BYTES = 64 * 1024 * 1024;

const servers = new Set<LfsServer>();

/**
 * Why: a test's handle on the batch API's settings of the hub at `httpUrl` (FakeHub exposes only
 * the rate-limit switch), to set the part size or make a part upload fail once.
 */
export function lfsSettingsOf(httpUrl: string): LfsSettings {
  for (const server of servers) if (server.baseUrl() === httpUrl) return server.settings;
  throw new Error(`fake hub: no LFS server at ${httpUrl}`);
}

/** Why: the LFS side of the fake hub, mounted on its HTTP server. */
export class LfsServer {
  /** One-time transfer headers: value -> what they allow. */
  private readonly grants = new Map<string, { repo: string; oid: string; size: number; upload: boolean }>();

  /** Multipart uploads under way: upload id -> what they are and the parts received. */
  private readonly multiparts = new Map<string, MultipartUpload>();

  constructor(
    private readonly hub: HubState,
    readonly settings: LfsSettings,
  ) {
    servers.add(this);
  }

  /** Why: the address this server's hrefs start with. */
  baseUrl(): string {
    return this.hub.baseUrl();
  }

  /** Why: answers an LFS request when the path is one, else returns false. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://fake-hub.invalid').pathname;
    const batch = BATCH_PATH.exec(path);
    if (batch?.[1] && req.method === 'POST') {
      this.batch(req, res, batch[1]).catch(() => res.destroy());
      return true;
    }
    const multipart = MULTIPART_PATH.exec(path);
    if (multipart?.[1] && multipart[2]) {
      const uploadId = new URL(req.url ?? '/', 'http://fake-hub.invalid').searchParams.get('uploadId') ?? '';
      const part = multipart[3] ? Number(multipart[3]) : undefined;
      const served =
        part !== undefined && req.method === 'PUT'
          ? this.uploadPart(req, res, multipart[1], multipart[2], uploadId, part)
          : part === undefined && req.method === 'POST'
            ? this.completeMultipart(req, res, multipart[1], multipart[2], uploadId)
            : Promise.resolve(sendLfs(res, 405, { message: 'Method not allowed' }));
      served.catch(() => res.destroy());
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
      { operation?: string; objects?: { oid?: string; size?: number }[]; transfers?: unknown } | undefined;
    const operation = body?.operation;
    if (!body || (operation !== 'upload' && operation !== 'download') || !Array.isArray(body.objects))
      return sendLfs(res, 422, { message: 'Unprocessable batch request' });
    if (this.settings.rateLimited) {
      // hub-docs rate-limits.md: a 429 with the IETF draft's RateLimit and RateLimit-Policy headers
      // (5-minute fixed windows). Whether the Hub adds Retry-After here is unverified; without it
      // git-lfs 3.3 reports the message at once instead of retrying for about 8 s.
      res.writeHead(429, {
        'Content-Type': LFS_JSON,
        RateLimit: '"api";r=0;t=300',
        'RateLimit-Policy': '"fixed window";"api";q=1000;w=300',
      });
      res.end(JSON.stringify({ message: RATE_LIMIT_WORDS }));
      return;
    }
    const caller = gitCaller(req, this.hub.tokens);
    const rules = this.hub.repos.get(repo);
    // git-lfs names the ref being pushed (docs/api/batch-api.md: `ref: {name}`). A pull request's
    // author uploads its LFS files without write access, as git pushes its refs/pr/N (hub-docs
    // repositories-pull-requests-discussions.md; `hf upload --create-pr` sends LFS files so too).
    const pushedRef = (body as { ref?: { name?: unknown } }).ref?.name;
    const toOwnPullRequest =
      operation === 'upload' &&
      caller.kind === 'user' &&
      typeof pushedRef === 'string' &&
      (this.hub.pullRequestRefs?.(repo, caller.user.name) ?? []).includes(pushedRef) &&
      decide(caller, repo, false, rules, this.hub.policies) === undefined;
    const refusal = toOwnPullRequest
      ? undefined
      : decide(caller, repo, operation === 'upload', rules, this.hub.policies);
    if (refusal) {
      const words = lfsWords(refusal, repo, this.hub.baseUrl());
      // LFS-Authenticate makes git-lfs ask git's credential helpers, as the Hub's 401 does.
      const extra: Record<string, string> =
        words.status === 401 ? { 'LFS-Authenticate': 'Basic realm="Authentication required"' } : {};
      return sendRefusal(res, words, LFS_JSON, JSON.stringify({ message: words.message }), extra);
    }
    const gitDir = join(this.hub.reposDir, `${repo}.git`);
    const transfers = Array.isArray(body.transfers) ? body.transfers : ['basic'];
    this.settings.lastTransfers = transfers.map(String);
    // git-lfs offers "multipart" once `hf lfs-enable-largefiles` set lfs.customtransfer.multipart.path
    // (huggingface_hub cli/lfs.py), and "xet" once git-xet is installed (xet-core git_xet install.rs:
    // lfs.customtransfer.xet.*); Xet has no 5 GB part limit (hub-docs storage-limits.md: 500 GB a file).
    const largeFiles = transfers.includes('multipart') || transfers.includes('xet');
    const tooLarge = body.objects.some((object) => Number(object.size) > this.settings.maxBytes);
    if (operation === 'upload' && tooLarge && !largeFiles)
      return sendLfs(res, 400, { message: OVER_5GB_WORDS });
    // huggingface_hub lfs.py (post_lfs_batch_info) offers ["basic", "multipart"] and reads the
    // answer per object: an upload action whose header has `chunk_size` is multipart, one without
    // is a single PUT (lfs_upload; huggingface.js commit.ts does the same). The fake answers
    // "multipart" when an object needs it and gives the small ones of that batch a single PUT; how
    // the Hub words a mixed batch is unverified.
    const multipart = operation === 'upload' && tooLarge && transfers.includes('multipart');
    const objects = body.objects.map((object) => {
      const oid = String(object.oid ?? '');
      const size = Number(object.size);
      if (!/^[0-9a-f]{64}$/.test(oid) || !Number.isSafeInteger(size) || size < 0)
        return { oid, size, error: { code: 422, message: 'Invalid object' } };
      const stored = existsSync(lfsObjectPath(gitDir, oid));
      const href = `${this.hub.baseUrl()}/lfs-objects/${repo}/${oid}`;
      const grant = (upload: boolean) => {
        const value = `Bearer lfs-${randomBytes(12).toString('hex')}`;
        this.grants.set(value, { repo, oid, size, upload });
        return { href, header: { Authorization: value }, expires_in: 3600 };
      };
      if (operation === 'upload')
        return stored
          ? { oid, size, authenticated: true }
          : {
              oid,
              size,
              authenticated: true,
              actions: {
                upload:
                  multipart && size > this.settings.maxBytes
                    ? this.openMultipart(repo, oid, size)
                    : grant(true),
              },
            };
      return stored
        ? { oid, size, authenticated: true, actions: { download: grant(false) } }
        : { oid, size, error: { code: 404, message: 'Object does not exist on the server' } };
    });
    // A large file offered multipart gets transfer "multipart" (header.chunk_size and numbered
    // part URLs, huggingface_hub cli/lfs.py). Xet ("xet") is not implemented: an offer of it alone
    // is served over "basic", which tests can use because their limit is small.
    sendLfs(res, 200, { transfer: multipart ? 'multipart' : 'basic', objects, hash_algo: 'sha256' });
  }

  /**
   * The upload action of a multipart upload as huggingface_hub reads it (lfs.py
   * _get_sorted_parts_urls): `header.chunk_size` and one header per part, its number in digits
   * ("00001", sorted as numbers), its value the part's PUT URL; `href` is the completion URL.
   */
  private openMultipart(repo: string, oid: string, size: number) {
    const chunk =
      this.settings.multipartChunkBytes ?? Math.min(MULTIPART_CHUNK_BYTES, this.settings.maxBytes);
    const count = Math.ceil(size / chunk);
    const uploadId = randomBytes(12).toString('hex');
    const target = lfsObjectPath(join(this.hub.reposDir, `${repo}.git`), oid);
    mkdirSync(join(target, '..'), { recursive: true });
    const temp = `${target}.${uploadId}.multipart`;
    closeSync(openSync(temp, 'w'));
    this.multiparts.set(uploadId, {
      repo,
      oid,
      size,
      chunk,
      count,
      temp,
      etags: new Map(),
      hash: new PartHasher(temp),
      hashedParts: 0,
      hashValid: true,
      hashing: Promise.resolve(),
    });
    const base = `${this.hub.baseUrl()}/lfs-multipart/${repo}/${oid}`;
    const header: Record<string, string> = { chunk_size: String(chunk) };
    for (let part = 1; part <= count; part += 1)
      header[String(part).padStart(5, '0')] = `${base}/${part}?uploadId=${uploadId}`;
    return { href: `${base}?uploadId=${uploadId}`, header, expires_in: 86400 };
  }

  private multipartOf(uploadId: string, repo: string, oid: string): MultipartUpload | undefined {
    const upload = this.multiparts.get(uploadId);
    return upload && upload.repo === repo && upload.oid === oid ? upload : undefined;
  }

  /**
   * One part's PUT, as S3 answers it: the part streamed to its offset, its size checked against
   * chunk_size (the last one the rest), and the ETag header (opaque, quoted, as S3 answers it), which the
   * client sends back in the completion call (huggingface_hub lfs.py _get_completion_payload).
   */
  private async uploadPart(
    req: IncomingMessage,
    res: ServerResponse,
    repo: string,
    oid: string,
    uploadId: string,
    part: number,
  ): Promise<void> {
    const upload = this.multipartOf(uploadId, repo, oid);
    if (!upload || part > upload.count) {
      req.resume();
      return sendLfs(res, 404, { message: 'No such upload' });
    }
    if ((this.settings.failPartUploads ?? 0) > 0) {
      this.settings.failPartUploads = (this.settings.failPartUploads ?? 0) - 1;
      req.resume();
      res.writeHead(500, { 'Content-Type': 'application/xml' });
      res.end(
        '<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>',
      );
      return;
    }
    const offset = (part - 1) * upload.chunk;
    const expected = Math.min(upload.chunk, upload.size - offset);
    let size = 0;
    const out = createWriteStream(upload.temp, { flags: 'r+', start: offset });
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > expected) continue; // never past this part's end: the bytes are dropped
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      await new Promise<void>((resolve) => out.end(resolve));
    }
    if (size !== expected)
      return sendLfs(res, 400, { message: `Part ${part} has ${size} bytes; it should have ${expected}` });
    // S3's ETag is the part's MD5, but clients treat it as opaque (huggingface_hub sends back what
    // it got); a random one spares the fake's single thread an MD5 of every byte.
    const etag = `"${randomBytes(16).toString('hex')}"`;
    if (part <= upload.hashedParts) upload.hashValid = false; // sent again after it was hashed
    upload.etags.set(part, etag);
    upload.hashing = upload.hashing.then(() => hashReceivedParts(upload));
    if (this.settings.partDelayMs)
      await new Promise((resolve) => setTimeout(resolve, this.settings.partDelayMs));
    res.writeHead(200, { ETag: etag });
    res.end();
  }

  /**
   * The completion call, `{oid, parts: [{partNumber, etag}]}` (huggingface_hub lfs.py
   * CompletionPayloadT): every part once, in order, with the ETag its PUT answered; then the whole
   * file's sha256 must be the oid before the object is stored.
   */
  private async completeMultipart(
    req: IncomingMessage,
    res: ServerResponse,
    repo: string,
    oid: string,
    uploadId: string,
  ): Promise<void> {
    const body = (await readJson(req, 4 * 1024 * 1024)) as
      { oid?: unknown; parts?: { partNumber?: unknown; etag?: unknown }[] } | undefined;
    const upload = this.multipartOf(uploadId, repo, oid);
    if (!upload) return sendLfs(res, 404, { message: 'No such upload' });
    if (!body || body.oid !== oid || !Array.isArray(body.parts))
      return sendLfs(res, 400, { message: 'The completion names another object, or no parts' });
    if (body.parts.length !== upload.count)
      return sendLfs(res, 400, {
        message: `${body.parts.length} parts listed; the upload has ${upload.count}`,
      });
    for (const [index, part] of body.parts.entries()) {
      const etag = upload.etags.get(index + 1);
      if (part.partNumber !== index + 1 || etag === undefined || part.etag !== etag)
        return sendLfs(res, 400, {
          message: `Part ${index + 1} was not uploaded, or its ETag does not match`,
        });
    }
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(upload.temp, {
      highWaterMark: 1024 * 1024,
    }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    this.multiparts.delete(uploadId);
    if (size !== upload.size || hash.digest('hex') !== oid) {
      rmSync(upload.temp, { force: true });
      return sendLfs(res, 422, { message: 'The object does not match its oid or size' });
    }
    renameSync(upload.temp, lfsObjectPath(join(this.hub.reposDir, `${repo}.git`), oid));
    sendLfs(res, 200, {});
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
    const target = lfsObjectPath(join(this.hub.reposDir, `${repo}.git`), oid);
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
    const file = lfsObjectPath(join(this.hub.reposDir, `${repo}.git`), oid);
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(statSync(file).size),
    });
    createReadStream(file).pipe(res);
  }
}

// What every endpoint of the fake hub's API shares: the context, JSON bodies and the Hub's error
// answers (HUB-FACTS: errors carry X-Error-Code, X-Error-Message and X-Request-Id; huggingface.js
// error.ts reads `error` from a JSON body, huggingface_hub _http.py the X-Error-* headers).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpWords, type HubState, type Refusal, type RepoRules } from './access';
import type { ApiStore, SpaceSdk } from './api-store';
import { sendRefusal } from './git-http';

/** Why: what the API endpoints read and change. */
export interface ApiContext {
  readonly hub: HubState;
  readonly store: ApiStore;
  /** Makes a bare repository with the Hub's first commit and registers it (index.ts). */
  readonly createRepo: (
    path: string,
    rules: RepoRules,
    seed: { readonly author: string; readonly sdk?: SpaceSdk; readonly files: ReadonlyMap<string, Buffer> },
  ) => void;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Why: a successful JSON answer, with extra headers (Link for paging). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, { 'Content-Type': JSON_TYPE, ...headers });
  res.end(JSON.stringify(body));
}

/** Why: an error as the Hub's API sends it: `{"error": message, ...extra}` and the X-Error-* headers. */
export function sendApiError(
  res: ServerResponse,
  status: number,
  message: string,
  code?: string,
  extra: Readonly<Record<string, unknown>> = {},
): void {
  sendRefusal(
    res,
    { status: status as 401, message },
    JSON_TYPE,
    JSON.stringify({ error: message, ...extra }),
    code ? { 'X-Error-Code': code } : {},
  );
}

/** Why: an access refusal (access.ts) as the API answers it. */
export function sendAccessRefusal(
  res: ServerResponse,
  refusal: Refusal,
  repo: string,
  ctx: ApiContext,
): void {
  if (refusal.reason === 'invalid') {
    // HUB-FACTS: a bad token is a 401 with "Invalid credentials in Authorization header"
    // (huggingface_hub utils/_http.py), the words whoami-v2 also answers with.
    return sendApiError(res, 401, 'Invalid credentials in Authorization header');
  }
  const words = httpWords(refusal, repo, ctx.hub.baseUrl());
  sendApiError(res, words.status, words.message, words.code);
}

/** Why: a request's JSON body, or undefined when it is not JSON (or too large). */
export function readJsonBody(req: IncomingMessage, limit = 16 * 1024 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) return resolve(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', reject);
  });
}

/** Why: the API's names for repository types in paths (`/api/models/...`) and repository paths. */
export const TYPE_PREFIX = { models: '', datasets: 'datasets/', spaces: 'spaces/' } as const;
export type TypeSegment = keyof typeof TYPE_PREFIX;

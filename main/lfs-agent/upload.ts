// One object's upload: its parts PUT a few at a time, each retried, their ETags collected, then
// the completion POST (huggingface_hub lfs.py _upload_multi_part; cli/lfs.py lfs_multipart_upload).
import { basename } from 'node:path';
import { planUpload, type Part } from './parts';
import { postJson, putRange, type HttpAnswer, type Pools } from './http';
import { withRetries, type RetryPolicy } from './retry';

/**
 * Why: parts in flight at once for one file: huggingface.js uploads 5 at a time
 * (MULTIPART_PARALLEL_UPLOAD in lib/commit.ts); huggingface_hub's agent 1.
 */
export const PART_CONCURRENCY = 5;

/** Why: what one upload needs from the agent around it. */
export interface UploadOptions {
  readonly pools: Pools;
  readonly retry: RetryPolicy;
  readonly concurrency: number;
  /** Bytes handed to the network so far (never going back), and since the last call. */
  readonly onProgress: (bytesSoFar: number, bytesSinceLast: number) => void;
  /** Lines for git-lfs's trace (the agent's stderr): never a URL, which carries a signature. */
  readonly log: (line: string) => void;
}

/** Why: a failed upload, worded for git-lfs to print ("code" is the HTTP status when there is one). */
export interface UploadError {
  readonly code: number;
  readonly message: string;
}

/** Why: the Hub's answer to a failed call, in a sentence, without the URL (it carries a signature). */
function refused(what: string, answer: HttpAnswer): UploadError {
  const detail = answer.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    code: answer.status,
    message: `${what}: the Hub answered ${answer.status}${detail ? `: ${detail}` : ''}`,
  };
}

function failed(what: string, error: unknown): UploadError {
  return { code: 2, message: `${what}: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Why: uploads `path` (`size` bytes) as `action` says: multipart, or one PUT when the action has
 * no chunk_size. Progress counts each part's furthest byte once, so a retried part does not count
 * twice and the last report is exactly `size`.
 */
export async function uploadObject(
  request: {
    readonly oid: string;
    readonly size: number;
    readonly path: string;
    readonly action: { readonly href: string; readonly header?: Readonly<Record<string, string>> };
  },
  options: UploadOptions,
): Promise<UploadError | undefined> {
  const name = basename(request.path);
  const plan = planUpload(request.size, request.action);
  if (plan.kind === 'invalid') return { code: 2, message: `${name}: ${plan.message}` };
  let total = 0;
  let reported = 0;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (total === reported || (!force && now - lastReport < 100 && total - reported < 8 * 1024 * 1024))
      return;
    options.onProgress(total, total - reported);
    reported = total;
    lastReport = now;
  };
  const sendPart = async (part: Part, url: string, headers: Readonly<Record<string, string>>) => {
    let furthest = 0;
    return withRetries(
      options.retry,
      () => {
        let sent = 0;
        return putRange(options.pools, url, headers, request.path, part.start, part.end, (count) => {
          sent += count;
          if (sent > furthest) {
            total += sent - furthest;
            furthest = sent;
            report(false);
          }
        });
      },
      (attempt, reason) => options.log(`${name} part ${part.number}: retry ${attempt} after ${reason}`),
    );
  };

  if (plan.kind === 'single') {
    const whole = { number: 1, start: 0, end: request.size, url: plan.url };
    try {
      const answer = await sendPart(whole, plan.url, plan.headers);
      if (answer.status < 200 || answer.status >= 300) return refused(`Uploading ${name}`, answer);
    } catch (error) {
      return failed(`Uploading ${name}`, error);
    }
    report(true);
    return undefined;
  }

  const etags: string[] = new Array<string>(plan.parts.length);
  let next = 0;
  let failure: UploadError | undefined;
  const worker = async () => {
    while (failure === undefined && next < plan.parts.length) {
      const part = plan.parts[next] as Part;
      next += 1;
      const what = `Uploading part ${part.number} of ${plan.parts.length} of ${name}`;
      try {
        // Presigned part URLs take no credentials (huggingface_hub cli/lfs.py PUTs them bare).
        const answer = await sendPart(part, part.url, {});
        if (answer.status < 200 || answer.status >= 300) failure ??= refused(what, answer);
        else if (!answer.etag) failure ??= { code: 2, message: `${what}: the Hub gave no ETag for it` };
        else etags[part.number - 1] = answer.etag;
      } catch (error) {
        failure ??= failed(what, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, plan.parts.length) }, worker));
  if (failure) return failure;
  report(true);
  const parts = etags.map((etag, index) => ({ partNumber: index + 1, etag }));
  try {
    const answer = await withRetries(options.retry, () =>
      postJson(options.pools, plan.completeUrl, { oid: request.oid, parts }),
    );
    if (answer.status < 200 || answer.status >= 300)
      return refused(`Finishing the upload of ${name}`, answer);
  } catch (error) {
    return failed(`Finishing the upload of ${name}`, error);
  }
  return undefined;
}

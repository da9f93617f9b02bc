// Retries as huggingface_hub's http_backoff does for uploads (utils/_http.py: up to 5 retries, wait
// doubling from 1 s up to 8 s, on connection errors and on 500, 502, 503 and 504, S3's transient
// answers); 408 and 429 as well, which ask for a later try.

/** Why: the statuses worth another try. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Why: how many tries and how long between them; tests shorten the wait. */
export interface RetryPolicy {
  readonly retries: number;
  readonly baseWaitMs: number;
  readonly maxWaitMs: number;
}

/** Why: huggingface_hub's numbers (http_backoff: max_retries=5, base_wait_time=1, max_wait_time=8). */
export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseWaitMs: 1000, maxWaitMs: 8000 };

/** Why: the wait before try number `attempt` (1 = the first retry). */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxWaitMs, policy.baseWaitMs * 2 ** (attempt - 1));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Why: runs `call` until it answers a status that is not worth retrying, or the tries run out; the
 * last answer (or error) is the result. `onRetry` hears each retry, for the log.
 */
export async function withRetries<T extends { readonly status: number }>(
  policy: RetryPolicy,
  call: () => Promise<T>,
  onRetry: (attempt: number, reason: string) => void = () => undefined,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    let reason: string;
    try {
      const answer = await call();
      if (!RETRY_STATUSES.has(answer.status) || attempt >= policy.retries) return answer;
      reason = `HTTP ${answer.status}`;
    } catch (error) {
      if (attempt >= policy.retries) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
    onRetry(attempt + 1, reason);
    await sleep(backoffMs(policy, attempt + 1));
  }
}

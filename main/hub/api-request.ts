import { HubApiError as LibraryApiError } from '@huggingface/hub';
import type { RepoKind } from '../../preload/contract';
import { redactSecrets } from '../core/redact';
import { rateLimitWaitMs } from './token';

// How the app's calls to the Hub's API fail and are made: the contract's error codes in plain
// words for every status the Hub answers (and for a network that is not there), and the one
// hand-written request (JSON, the token only in the Authorization header).

/** Why an API call failed, with the contract's error code and plain words. */
export class HubApiError extends Error {
  constructor(
    readonly code:
      | 'api_token_needed'
      | 'token_unknown'
      | 'repo_name_taken'
      | 'not_allowed'
      | 'not_found'
      | 'rate_limited'
      | 'offline'
      | 'invalid_input'
      | 'hub_error',
    message: string,
    readonly hint: string,
    readonly status?: number,
  ) {
    // Whatever the Hub or a library put in the text, no token leaves in it.
    super(redactSecrets(message));
  }
}

/** The API's path segment of each kind (`/api/models/...`). */
export const API_PLURAL: Readonly<Record<RepoKind, string>> = {
  model: 'models',
  dataset: 'datasets',
  space: 'spaces',
};

const REPO_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
/** Why: refuses, before anything is sent, a NAME/REPO the Hub would refuse (huggingface_hub validate_repo_id). */
export function checkId(id: string): void {
  if (!REPO_ID.test(id) || /--|\.\./.test(id))
    throw new HubApiError(
      'invalid_input',
      `“${id}” is not a Hub repository name (NAME/REPO).`,
      'Use letters, digits, “-”, “_” and “.” only.',
    );
}

/** Why: a fetch that remembers the headers of the last answer (the library's errors do not carry them). */
export function recordingFetch(): {
  readonly fetch: typeof fetch;
  readonly lastHeaders: () => Headers | undefined;
} {
  let headers: Headers | undefined;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      headers = response.headers;
      return response;
    },
    lastHeaders: () => headers,
  };
}

/** Why: reads the Hub's JSON defensively. */
export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
export const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What the Hub said about a refusal: X-Error-Message, else the answer's `error` (huggingface_hub `_http.py`). */
function hubWords(headers: Headers | undefined, data: unknown): string | null {
  const said = headers?.get('x-error-message') ?? asString(asRecord(data).error);
  return said ? redactSecrets(said).slice(0, 300) : null;
}

/** What the failing call was trying to do, for the words of its failure. */
export interface ApiAction {
  /** "create a repository", "list the repositories", "open a pull request"… */
  readonly what: string;
  /** The namespace or repository it acted on, named in a refusal. */
  readonly where?: string;
}

/** A network failure's cause (undici puts the system error under `cause`). */
function networkCode(error: unknown): string | null {
  return asString(asRecord(asRecord(error).cause).code) ?? asString(asRecord(error).code);
}

/** The status, the Hub's words and headers of a failed answer, as one of the contract's errors. */
export function statusFailure(
  status: number,
  headers: Headers | undefined,
  data: unknown,
  action: ApiAction,
  now: number = Date.now(),
): HubApiError {
  const said = hubWords(headers, data);
  const where = action.where ? ` in ${action.where}` : '';
  const quoted = said ? ` The Hub said: “${said}”` : '';
  if (status === 401)
    return new HubApiError(
      'token_unknown',
      "The Hub doesn't recognise the app's access token (revoked, expired, or from another account).",
      'Give the app a new token from your Hub settings (Access Tokens).',
      status,
    );
  if (status === 403)
    return new HubApiError(
      'not_allowed',
      `The Hub does not let this token ${action.what}${where}.${quoted}`,
      action.where
        ? `Use a write token (or a fine-grained one with write access to ${action.where.split('/')[0]}), or ask an admin of ${action.where.split('/')[0]} for the write role.`
        : 'Use a write token, or one with write access to this namespace.',
      status,
    );
  if (status === 404)
    return new HubApiError(
      'not_found',
      `The Hub has no ${action.where ?? 'such repository'} that this token can see.`,
      'Check the name (the Hub’s names are case-sensitive); a private repository needs a token of someone who can read it.',
      status,
    );
  if (status === 429) {
    const wait = headers ? rateLimitWaitMs(headers, now) : undefined;
    const minutes = wait === undefined ? undefined : Math.max(1, Math.ceil(wait / 60_000));
    return new HubApiError(
      'rate_limited',
      'The Hub asks the app to slow down.',
      minutes === undefined
        ? 'Wait a few minutes, then try again.'
        : `Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, then try again.`,
      status,
    );
  }
  if (status === 400 || status === 422)
    return new HubApiError(
      'invalid_input',
      `The Hub refused the request to ${action.what}.${quoted}`,
      'Change what the Hub named, then try again.',
      status,
    );
  return new HubApiError(
    'hub_error',
    `The Hub answered ${status} when asked to ${action.what}.${quoted}`,
    'Try again in a moment; the Hub’s status page says whether it is having trouble.',
    status,
  );
}

/** Any failure of a call (the library's, a network error, a bad answer) as a HubApiError. */
export function apiFailure(error: unknown, headers: Headers | undefined, action: ApiAction): HubApiError {
  if (error instanceof HubApiError) return error;
  if (error instanceof LibraryApiError) return statusFailure(error.statusCode, headers, error.data, action);
  const code = networkCode(error);
  if (code !== null || (error instanceof TypeError && /fetch failed/i.test(error.message)))
    return new HubApiError(
      'offline',
      code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? "This computer couldn't find the Hub's address (no DNS answer)."
        : "The Hub couldn't be reached: this computer may be offline, or a firewall is in the way.",
      'Check the internet connection (or proxy and firewall), then try again.',
    );
  return new HubApiError(
    'hub_error',
    `The Hub's answer to “${action.what}” could not be read.`,
    'Try again in a moment.',
  );
}

/** Why: runs one call with a recording fetch, turning every failure into a HubApiError. */
export async function guarded<T>(
  action: ApiAction,
  work: (fetchImpl: typeof fetch) => Promise<T>,
): Promise<T> {
  const recorder = recordingFetch();
  try {
    return await work(recorder.fetch);
  } catch (error) {
    throw apiFailure(error, recorder.lastHeaders(), action);
  }
}

/** Why: one hand-written request with the token in the Authorization header; the JSON answer, or a HubApiError. */
export async function hubJson(
  auth: { readonly endpoint: string; readonly token: string | undefined },
  path: string,
  action: ApiAction,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${auth.endpoint}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        accept: 'application/json',
        ...(auth.token ? { Authorization: `Bearer ${auth.token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw apiFailure(error, undefined, action);
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw statusFailure(response.status, response.headers, data, action);
  return data;
}

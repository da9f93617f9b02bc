// The Hub's API for creating, listing and pull requests, through the Hub's own JavaScript library
// (@huggingface/hub, huggingface.js) with its hub URL set from HF_ENDPOINT; hand-written only where
// the library has no call (see each function). No electron, no renderer types beyond the contract's.
//
// Hand-written, and why:
// - pull requests (create, list): huggingface.js 2.17 has no discussions API; the requests are
//   huggingface_hub's (hf_api.py create_discussion / create_pull_request, get_repo_discussions).
// - a Space's runtime: huggingface.js's spaceInfo reads `/api/spaces/NAME/revision/HEAD` with
//   `expand=runtime`, an answer about a git revision; the Hub's own poller, huggingface_hub's
//   get_space_runtime, asks `GET /api/spaces/NAME/runtime`, which answers for the Space itself
//   (also while its first build runs), so the app asks that.
// Every call gets a `fetch` that remembers the last answer's headers: the library's errors carry
// the status but not the headers, and a 429's wait (RateLimit / Retry-After) is in the headers.
import {
  HubApiError as LibraryApiError,
  createRepo,
  datasetInfo,
  listDatasets,
  listModels,
  listSpaces,
  modelInfo,
  repoExists,
  spaceInfo,
} from '@huggingface/hub';
import type { RepoKind, SpaceSdk, SpaceStage } from '../../preload/contract';
import { redactSecrets } from '../core/redact';
import { checkToken, rateLimitWaitMs, type TokenSummary } from './token';

/** Who calls the API: the Hub's address and the token (which goes only into the Authorization header). */
export interface ApiAuth {
  readonly endpoint: string;
  readonly token: string;
}

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

export interface NewRepoSpec {
  readonly kind: RepoKind;
  readonly namespace: string;
  readonly name: string;
  readonly private: boolean;
  readonly sdk: SpaceSdk | null;
}

export interface CreatedRepo {
  /** NAME/REPO. */
  readonly id: string;
  readonly kind: RepoKind;
  readonly created: boolean;
  readonly private: boolean;
  /** The web page. */
  readonly url: string;
}

export interface ListedRepo {
  readonly id: string;
  readonly kind: RepoKind;
  readonly private: boolean;
  readonly updatedAt: string | null;
}

export interface PullRequest {
  readonly num: number;
  readonly title: string;
  readonly author: string | null;
  readonly status: 'draft' | 'open' | 'closed' | 'merged';
  readonly createdAt: string | null;
}

export interface SpaceRuntime {
  readonly stage: SpaceStage;
  readonly hardware: string | null;
  readonly errorMessage: string | null;
}

/** The Hub's URL prefix of each kind: pages (`spaces/NAME/REPO`) and the API (`/api/spaces/...`). */
const PAGE_PREFIX: Readonly<Record<RepoKind, string>> = { model: '', dataset: 'datasets/', space: 'spaces/' };
const API_PLURAL: Readonly<Record<RepoKind, string>> = {
  model: 'models',
  dataset: 'datasets',
  space: 'spaces',
};

/** Why: a repository's page on the Hub, as the Hub spells it. */
export function repoPageUrl(endpoint: string, kind: RepoKind, id: string): string {
  return `${endpoint}/${PAGE_PREFIX[kind]}${id}`;
}

/** NAME/REPO with each part as the Hub allows it (huggingface_hub validate_repo_id). */
const REPO_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
function checkId(id: string): void {
  if (!REPO_ID.test(id) || /--|\.\./.test(id))
    throw new HubApiError(
      'invalid_input',
      `“${id}” is not a Hub repository name (NAME/REPO).`,
      'Use letters, digits, “-”, “_” and “.” only.',
    );
}

/** A fetch that remembers the headers of the last answer (the library's errors do not carry them). */
function recordingFetch(): { readonly fetch: typeof fetch; readonly lastHeaders: () => Headers | undefined } {
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

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

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

/** Runs one call with a recording fetch, turning every failure into a HubApiError. */
async function guarded<T>(action: ApiAction, work: (fetchImpl: typeof fetch) => Promise<T>): Promise<T> {
  const recorder = recordingFetch();
  try {
    return await work(recorder.fetch);
  } catch (error) {
    throw apiFailure(error, recorder.lastHeaders(), action);
  }
}

/** One hand-written request with the token in the Authorization header; the JSON answer, or a HubApiError. */
async function hubJson(
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

/**
 * Whether whoami says the token may write the repositories of `namespace`: the account's own, or
 * an organization where its role writes (hub-docs organizations-security.md: admin and write do;
 * read and no_access do not; a contributor writes only the repositories it created, which whoami
 * cannot tell: `unknown`), and for a fine-grained token a scope with repo.write on the namespace.
 */
export function writeAccess(summary: TokenSummary, namespace: string): 'yes' | 'no' | 'unknown' {
  if (summary.role === 'read') return 'no';
  const org = summary.orgs.find((candidate) => candidate.name === namespace);
  if (namespace !== summary.account && org === undefined) return 'no';
  if (org && (org.role === 'read' || org.role === 'no_access')) return 'no';
  if (
    summary.role === 'fineGrained' &&
    !summary.scoped.some((scope) => scope.namespace === namespace && scope.permissions.includes('repo.write'))
  )
    return 'no';
  return org?.role === 'contributor' ? 'unknown' : 'yes';
}

/** Whether the repository is private, from the library's repository info; undefined when it cannot tell. */
async function privacyOf(auth: ApiAuth, kind: RepoKind, id: string): Promise<boolean | undefined> {
  const params = { name: id, hubUrl: auth.endpoint, accessToken: auth.token };
  try {
    const info =
      kind === 'model'
        ? await modelInfo(params)
        : kind === 'dataset'
          ? await datasetInfo(params)
          : await spaceInfo(params);
    return info.private;
  } catch {
    return undefined;
  }
}

/** `POST {endpoint}/api/repos/create` (huggingface.js createRepo); an existing repository of the caller's answers created: false. */
export async function createHubRepository(auth: ApiAuth, spec: NewRepoSpec): Promise<CreatedRepo> {
  const id = `${spec.namespace}/${spec.name}`;
  checkId(id);
  // huggingface.js sends `sdk: "static"` for a Space without one; the app asks instead of guessing.
  if (spec.kind === 'space' && spec.sdk === null)
    throw new HubApiError(
      'invalid_input',
      'A new Space needs its SDK (Gradio, Docker, Static or Streamlit).',
      'Pick the SDK your app uses.',
    );
  const action = { what: `create ${id}`, where: spec.namespace };
  const recorder = recordingFetch();
  try {
    const made = await createRepo({
      repo: { type: spec.kind, name: id },
      accessToken: auth.token,
      hubUrl: auth.endpoint,
      visibility: spec.private ? 'private' : 'public',
      ...(spec.kind === 'space' && spec.sdk ? { sdk: spec.sdk } : {}),
      fetch: recorder.fetch,
    });
    return {
      id,
      kind: spec.kind,
      created: true,
      private: spec.private,
      // The Hub answers the page's URL (`url`); the app builds it when an answer lacks it.
      url:
        typeof made.repoUrl === 'string' && made.repoUrl !== ''
          ? made.repoUrl
          : repoPageUrl(auth.endpoint, spec.kind, id),
    };
  } catch (error) {
    if (!(error instanceof LibraryApiError && error.statusCode === 409))
      throw apiFailure(error, recorder.lastHeaders(), action);
  }
  // 409: "You already created this model repo" (huggingface_hub create_repo's exist_ok). Not a
  // failure when the repository is the caller's to write; a name someone else holds is.
  const who = await checkToken(auth.endpoint, auth.token);
  const access = who.ok ? writeAccess(who.summary, spec.namespace) : 'unknown';
  if (access === 'yes') {
    const isPrivate = (await privacyOf(auth, spec.kind, id)) ?? spec.private;
    return {
      id,
      kind: spec.kind,
      created: false,
      private: isPrivate,
      url: repoPageUrl(auth.endpoint, spec.kind, id),
    };
  }
  // A contributor writes only what it created there; whoami cannot say who created this one.
  throw new HubApiError(
    'repo_name_taken',
    access === 'unknown'
      ? `${id} already exists on the Hub, and the Hub does not say whether you created it (as a contributor of ${spec.namespace}, you may write only the repositories you created).`
      : `${id} already exists on the Hub, and this token may not write to it.`,
    access === 'unknown'
      ? 'If you created it, publish to it as an existing repository; otherwise choose another name.'
      : 'Choose another name, or another namespace you can write to.',
    409,
  );
}

/** Whether a repository exists and the caller can see it (huggingface.js repoExists). */
export async function hubRepositoryExists(
  endpoint: string,
  token: string | undefined,
  kind: RepoKind,
  id: string,
): Promise<boolean> {
  checkId(id);
  return guarded({ what: `look up ${id}`, where: id }, (fetchImpl) =>
    repoExists({
      repo: { type: kind, name: id },
      hubUrl: endpoint,
      ...(token ? { accessToken: token } : {}),
      fetch: fetchImpl,
    }),
  );
}

/** One kind's listing, as the library yields it (name = NAME/REPO). */
type Listing = AsyncGenerator<{ readonly name: string; readonly private: boolean; readonly updatedAt: Date }>;

/** Reads at most `limit` entries of a listing; `more` says whether the Hub had another. */
async function take(
  listing: Listing,
  kind: RepoKind,
  limit: number,
): Promise<{ repos: ListedRepo[]; more: boolean }> {
  const repos: ListedRepo[] = [];
  for await (const entry of listing) {
    if (repos.length >= limit) return { repos, more: true };
    const at =
      entry.updatedAt instanceof Date && !Number.isNaN(entry.updatedAt.getTime()) ? entry.updatedAt : null;
    repos.push({
      id: entry.name,
      kind,
      private: entry.private === true,
      updatedAt: at?.toISOString() ?? null,
    });
  }
  return { repos, more: false };
}

/** An author's models, datasets and Spaces (listModels/listDatasets/listSpaces with `owner`). */
export async function listAuthorRepos(
  auth: ApiAuth,
  author: string,
  options: { readonly search?: string; readonly limit: number },
): Promise<{ readonly repos: readonly ListedRepo[]; readonly truncated: boolean }> {
  const limit = Math.max(1, Math.floor(options.limit));
  const search = { owner: author, ...(options.search ? { query: options.search } : {}) };
  const action = { what: `list the repositories of ${author}`, where: author };
  const common = { hubUrl: auth.endpoint, accessToken: auth.token, search };
  // One more than asked, so "the Hub had more" is known without another page.
  const [models, datasets, spaces] = await Promise.all([
    guarded(action, (fetchImpl) =>
      take(
        listModels({ ...common, limit: limit + 1, sort: 'lastModified', fetch: fetchImpl }),
        'model',
        limit,
      ),
    ),
    guarded(action, (fetchImpl) =>
      take(
        listDatasets({ ...common, limit: limit + 1, sort: 'lastModified', fetch: fetchImpl }),
        'dataset',
        limit,
      ),
    ),
    // listSpaces has no limit; `take` stops reading after limit + 1.
    guarded(action, (fetchImpl) =>
      take(listSpaces({ ...common, sort: 'lastModified', fetch: fetchImpl }), 'space', limit),
    ),
  ]);
  return {
    repos: [...models.repos, ...datasets.repos, ...spaces.repos],
    truncated: models.more || datasets.more || spaces.more,
  };
}

const PR_STATUSES = new Set(['draft', 'open', 'closed', 'merged']);

/** A discussion as the Hub answers it (huggingface_hub get_repo_discussions reads these fields). */
function readPullRequest(raw: unknown): PullRequest | undefined {
  const item = asRecord(raw);
  const num = item.num;
  if (typeof num !== 'number' || !Number.isInteger(num) || num <= 0) return undefined;
  const status = asString(item.status);
  return {
    num,
    title: asString(item.title) ?? '',
    author: asString(asRecord(item.author).name),
    status: status && PR_STATUSES.has(status) ? (status as PullRequest['status']) : 'open',
    createdAt: asString(item.createdAt),
  };
}

/**
 * Creates a pull request through the discussions API (`pullRequest: true`); hand-written (not in
 * huggingface.js). huggingface_hub hf_api.py create_pull_request → create_discussion: `POST
 * {endpoint}/api/{type}s/{id}/discussions` with `{title, description, pullRequest: true}`, reading
 * `num` from the answer; pull requests made this way start as drafts. Its commits then go to
 * `refs/pr/N` (hub-docs repositories-pull-requests-discussions.md).
 */
export async function createPullRequest(
  auth: ApiAuth,
  kind: RepoKind,
  id: string,
  pr: { readonly title: string; readonly description: string },
): Promise<PullRequest> {
  checkId(id);
  const title = pr.title.trim();
  // huggingface_hub create_discussion: "up to 200 characters long, and must be at least 3".
  if (title.length < 3 || title.length > 200)
    throw new HubApiError(
      'invalid_input',
      'A pull request’s title must be 3 to 200 characters long.',
      'Write a short title that says what the change does.',
    );
  const description = pr.description.trim() || 'Pull request opened with HF Git Desktop.';
  const data = await hubJson(
    auth,
    `/api/${API_PLURAL[kind]}/${id}/discussions`,
    { what: `open a pull request on ${id}`, where: id },
    { title, description, pullRequest: true },
  );
  const read = readPullRequest(data);
  if (!read)
    throw new HubApiError(
      'hub_error',
      'The Hub did not say which number the new pull request has.',
      'Open the repository’s Community tab on the Hub to find it.',
    );
  return {
    ...read,
    title: read.title || title,
    // The creation answer may carry only `num`: a new pull request is the caller's draft.
    status: asString(asRecord(data).status) ? read.status : 'draft',
  };
}

/**
 * A repository's open pull requests (discussions API, `type=pull_request`); hand-written.
 * huggingface_hub get_repo_discussions: `GET .../discussions?type=pull_request&status=S&p=N`, pages
 * of `{discussions, count, start}`. Drafts are asked for too: the API opens pull requests as drafts
 * (create_discussion's docstring), and a draft takes pushes like an open one.
 */
export async function listPullRequests(
  auth: ApiAuth,
  kind: RepoKind,
  id: string,
): Promise<readonly PullRequest[]> {
  checkId(id);
  const action = { what: `list the pull requests of ${id}`, where: id };
  const found = new Map<number, PullRequest>();
  for (const status of ['open', 'draft'] as const) {
    // A few pages at most: the screen lists the open ones, newest first.
    for (let page = 0; page < 5; page += 1) {
      const data = asRecord(
        await hubJson(
          auth,
          `/api/${API_PLURAL[kind]}/${id}/discussions?type=pull_request&status=${status}&p=${page}`,
          action,
        ),
      );
      const items = Array.isArray(data.discussions) ? data.discussions : [];
      for (const raw of items) {
        const pr = readPullRequest(raw);
        // A pull request only, and only an open or draft one, whatever the filter returned.
        if (pr && asRecord(raw).isPullRequest !== false && (pr.status === 'open' || pr.status === 'draft'))
          found.set(pr.num, pr);
      }
      const start = typeof data.start === 'number' ? data.start : 0;
      const count = typeof data.count === 'number' ? data.count : 0;
      if (items.length === 0 || start + items.length >= count) break;
    }
  }
  return [...found.values()].sort((a, b) => b.num - a.num);
}

const STAGES: ReadonlySet<string> = new Set<SpaceStage>([
  'NO_APP_FILE',
  'CONFIG_ERROR',
  'BUILDING',
  'BUILD_ERROR',
  'APP_STARTING',
  'RUNNING',
  'RUNNING_BUILDING',
  'RUNTIME_ERROR',
  'PAUSED',
  'STOPPED',
  'SLEEPING',
]);

/**
 * A Space's runtime (`GET /api/spaces/NAME/runtime`), hand-written as huggingface_hub's
 * get_space_runtime asks it (see the top of this file for why not spaceInfo): `stage`,
 * `hardware.current`, `errorMessage` (huggingface.js SpaceRuntime names the same fields).
 */
export async function spaceRuntime(
  endpoint: string,
  token: string | undefined,
  id: string,
): Promise<SpaceRuntime> {
  checkId(id);
  const data = asRecord(
    await hubJson({ endpoint, token }, `/api/spaces/${id}/runtime`, {
      what: `read the state of the Space ${id}`,
      where: id,
    }),
  );
  const stage = asString(data.stage);
  return {
    stage: stage && STAGES.has(stage) ? (stage as SpaceStage) : 'UNKNOWN',
    hardware: asString(asRecord(data.hardware).current),
    errorMessage: (() => {
      const message = asString(data.errorMessage);
      return message ? redactSecrets(message) : null;
    })(),
  };
}

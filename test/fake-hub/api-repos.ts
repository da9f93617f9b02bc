// The Hub's repository endpoints on the fake hub: create (POST /api/repos/create), list
// (GET /api/models|datasets|spaces) and repository info (GET /api/{type}s/NAME/REPO[/revision/REV]),
// answering what huggingface.js (lib/create-repo.ts, list-models.ts, list-datasets.ts,
// list-spaces.ts, model-info.ts, dataset-info.ts, space-info.ts, repo-exists.ts) sends and parses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerCaller, canSee, createRefusal, decide, repoTypeOf, type GitCaller } from './access';
import {
  readJsonBody,
  sendAccessRefusal,
  sendApiError,
  sendJson,
  TYPE_PREFIX,
  type ApiContext,
  type TypeSegment,
} from './api-http';
import { SPACE_SDKS, type SpaceSdk } from './api-store';
import { filesOnMain, lastCommitDate, refSha } from './bare-repo';
import { defaultGitattributes, spaceReadme } from './hub-defaults';
import { fakeId } from './users';

const NAME = /^[A-Za-z0-9][\w.-]*$/;
const TYPES = { model: '', dataset: 'datasets/', space: 'spaces/' } as const;

/**
 * Why: POST /api/repos/create. huggingface.js createRepo sends `{name, organization, visibility?,
 * type, sdk (spaces; "static" when none is given), license?, files?: [{path, content (base64),
 * encoding}]}`; huggingface_hub create_repo sends `{name, organization?, visibility?, type?, sdk?}`
 * (older clients `private`). The answer `{url, name, id}` is what createRepo reads (`url`, `id`).
 */
export async function createRepoEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ApiContext,
): Promise<void> {
  const caller = bearerCaller(req, ctx.hub.tokens);
  if (caller.kind !== 'user') {
    // The Hub's words for a missing token here are unverified; a bad one gets whoami's words.
    return caller.kind === 'invalid'
      ? sendApiError(res, 401, 'Invalid credentials in Authorization header')
      : sendApiError(res, 401, 'You must be authenticated to create a repository.');
  }
  const body = (await readJsonBody(req)) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return sendApiError(res, 400, 'Invalid JSON body');
  const name = typeof body.name === 'string' ? body.name : '';
  const organization =
    typeof body.organization === 'string' && body.organization ? body.organization : caller.user.name;
  const type = body.type === undefined || body.type === null ? 'model' : body.type;
  // Validation words are unverified (the Hub's are not quoted anywhere the sources reach).
  if (type !== 'model' && type !== 'dataset' && type !== 'space')
    return sendApiError(res, 400, `Invalid repo type "${String(type)}"`);
  if (
    !NAME.test(name) ||
    name.length > 96 ||
    name.includes('--') ||
    name.includes('..') ||
    name.endsWith('.git')
  )
    return sendApiError(
      res,
      400,
      "Repository names may contain letters, digits, '-', '_' and '.', cannot start with '-' or '.', cannot contain '--' or '..', cannot end with '.git', and are at most 96 characters.",
    );
  if (!NAME.test(organization)) return sendApiError(res, 400, 'Invalid namespace');
  let sdk: SpaceSdk | undefined;
  if (type === 'space') {
    // huggingface_hub create_repo refuses a Space without sdk before sending; the Hub's own
    // answer to one is unverified.
    sdk = SPACE_SDKS.find((known) => known === body.sdk);
    if (!sdk) return sendApiError(res, 400, `A Space needs an sdk: one of ${SPACE_SDKS.join(', ')}.`);
  }
  const path = `${TYPES[type]}${organization}/${name}`;
  const url = `${ctx.hub.baseUrl()}/${path}`;
  const refused = createRefusal(caller, path, ctx.hub.policies);
  if (refused) return sendApiError(res, 403, refused);
  if (ctx.hub.repos.has(path)) {
    // sentence-transformers#2972 quotes the Hub's 409: "You already created this model repo";
    // the body carries the url, which huggingface_hub create_repo(exist_ok=True) reads
    // (huggingface_hub PR #3279: "server returns 409 and the repo url"). The type-specific word
    // for datasets and Spaces is unverified.
    return sendApiError(res, 409, `You already created this ${type} repo`, undefined, { url });
  }
  const files = new Map<string, Buffer>([['.gitattributes', Buffer.from(defaultGitattributes(type))]]);
  if (sdk) files.set('README.md', Buffer.from(spaceReadme(name, sdk)));
  // huggingface.js createRepo's `files` are committed with the repository (its create-repo.spec.ts
  // reads back the .gitattributes it gave); they replace the defaults of the same path.
  for (const file of Array.isArray(body.files) ? (body.files as unknown[]) : []) {
    const entry = file as { path?: unknown; content?: unknown; encoding?: unknown };
    if (typeof entry.path !== 'string' || typeof entry.content !== 'string') continue;
    files.set(entry.path, Buffer.from(entry.content, entry.encoding === 'base64' ? 'base64' : 'utf8'));
  }
  const visibility = typeof body.visibility === 'string' ? body.visibility : undefined;
  const isPrivate = visibility ? visibility === 'private' : body.private === true;
  ctx.createRepo(
    path,
    { ...(isPrivate ? { private: true } : {}), creator: caller.user.name },
    { author: caller.user.name, files, ...(sdk ? { sdk } : {}) },
  );
  sendJson(res, 200, { url, name: `${organization}/${name}`, id: fakeId(`repo:${path}`) });
}

/** Why: one repository as the list and info endpoints describe it (huggingface.js ApiModelInfo & co). */
function describe(path: string, ctx: ApiContext, detailed: boolean): Record<string, unknown> {
  const rules = ctx.hub.repos.get(path) ?? {};
  const gitDir = ctx.store.gitDir(path);
  const id = path.replace(/^(?:datasets|spaces)\//, '');
  const createdAt = ctx.store.createdAt(path);
  const type = repoTypeOf(path);
  const entry: Record<string, unknown> = {
    _id: fakeId(`repo:${path}`),
    id,
    ...(type === 'model' ? { modelId: id } : {}),
    author: id.split('/')[0],
    private: rules.private === true,
    // huggingface.js types: gated is false | "auto" | "manual".
    gated: rules.gated ? 'manual' : false,
    disabled: false,
    likes: 0,
    ...(type === 'space' ? {} : { downloads: 0 }),
    tags: [],
    createdAt,
    lastModified: lastCommitDate(gitDir) ?? createdAt,
    ...(refSha(gitDir, 'refs/heads/main') ? { sha: refSha(gitDir, 'refs/heads/main') } : {}),
  };
  if (type === 'space') {
    const sdk = ctx.store.sdkOf(path);
    if (sdk) entry.sdk = sdk;
    entry.subdomain = id.replace(/[/_.]/g, '-').toLowerCase();
  }
  if (detailed) entry.siblings = filesOnMain(gitDir).map((rfilename) => ({ rfilename }));
  return entry;
}

/** Why: the runtime object huggingface_hub SpaceRuntime and huggingface.js SpaceRuntime read. */
export function runtimeBody(path: string, ctx: ApiContext): Record<string, unknown> {
  const { stage, errorMessage, sdk } = ctx.store.runtime(path);
  // HUB-FACTS / huggingface_hub _space_api.py: hardware.current "can be None if Space is
  // BUILDING for the first time"; a free Space runs on cpu-basic.
  const running = stage !== 'BUILDING' && stage !== 'NO_APP_FILE' && stage !== 'BUILD_ERROR';
  return {
    stage,
    hardware: { current: running ? 'cpu-basic' : null, requested: 'cpu-basic' },
    storage: null,
    gcTimeout: 172800,
    replicas: { requested: 1, current: running ? 1 : 0 },
    devMode: false,
    sdk,
    ...(errorMessage ? { errorMessage } : {}),
  };
}

/** Whether the caller may see a repository in a list or its info (private ones need the account). */
function visible(caller: GitCaller, path: string, ctx: ApiContext): boolean {
  const rules = ctx.hub.repos.get(path);
  if (!rules) return false;
  return !rules.private || (caller.kind === 'user' && canSee(caller, path));
}

const PAGE_MAX = 1000;

/**
 * Why: GET /api/models|datasets|spaces. huggingface.js sends `limit` (at most 500), `author`,
 * `search`, `sort`, `filter`, repeated `expand`; it reads a JSON array and follows the Link
 * header's rel="next" URL (utils/parseLinkHeader.ts) until it has `limit` entries. Private
 * repositories are listed only to a token that may read them.
 */
export function listEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  segment: TypeSegment,
  ctx: ApiContext,
): void {
  const caller = bearerCaller(req, ctx.hub.tokens);
  if (caller.kind === 'invalid') return sendApiError(res, 401, 'Invalid credentials in Authorization header');
  const url = new URL(req.url ?? '/', ctx.hub.baseUrl());
  const prefix = TYPE_PREFIX[segment];
  const author = url.searchParams.get('author');
  const search = url.searchParams.get('search')?.toLowerCase();
  const limit = Math.min(
    Math.max(Number(url.searchParams.get('limit') ?? PAGE_MAX) || PAGE_MAX, 1),
    PAGE_MAX,
  );
  const start = Number(Buffer.from(url.searchParams.get('cursor') ?? '', 'base64url').toString() || '0') || 0;
  const matches = [...ctx.hub.repos.keys()]
    .filter((path) => (prefix ? path.startsWith(prefix) : !/^(?:datasets|spaces)\//.test(path)))
    .filter((path) => visible(caller, path, ctx))
    .filter((path) => {
      const id = path.slice(prefix.length);
      // The Hub's `search` matches within the repository id, case-insensitively.
      return (!author || id.split('/')[0] === author) && (!search || id.toLowerCase().includes(search));
    })
    .map((path) => describe(path, ctx, false))
    // Newest first (the Hub's default order is its own "trending"; a stable order keeps tests exact).
    .sort(
      (a, b) =>
        String(b.lastModified).localeCompare(String(a.lastModified)) ||
        String(a.id).localeCompare(String(b.id)),
    );
  const page = matches.slice(start, start + limit);
  const headers: Record<string, string> = {};
  if (start + limit < matches.length) {
    const next = new URL(url.toString());
    next.searchParams.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
    headers.Link = `<${next.toString()}>; rel="next"`;
  }
  sendJson(res, 200, page, headers);
}

/**
 * Why: GET /api/{type}s/NAME/REPO and .../revision/REV (huggingface.js modelInfo, datasetInfo and
 * spaceInfo ask for revision HEAD with repeated `expand`; repoExists asks the plain path with
 * `expand[]=likes` and reads 401 and 404 as "does not exist"). A private or missing repository
 * answers as access.ts decides (401 without a token, 404 with one); a gated one's info is public.
 */
export function infoEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  revision: string | undefined,
  ctx: ApiContext,
): void {
  const caller = bearerCaller(req, ctx.hub.tokens);
  const refusal = decide(caller, path, false, ctx.hub.repos.get(path), ctx.hub.policies);
  const gatedOnly =
    refusal?.reason === 'gated' || (refusal?.reason === 'sign_in' && refusal.because === 'gated');
  if (refusal && !gatedOnly) return sendAccessRefusal(res, refusal, path, ctx);
  const gitDir = ctx.store.gitDir(path);
  if (revision && revision !== 'HEAD' && !refSha(gitDir, revision)) {
    // huggingface_hub _http.py maps X-Error-Code RevisionNotFound; the words are unverified.
    return sendApiError(res, 404, `Invalid rev id: ${revision}`, 'RevisionNotFound');
  }
  const entry = describe(path, ctx, true);
  const url = new URL(req.url ?? '/', ctx.hub.baseUrl());
  const expand = [...url.searchParams.getAll('expand'), ...url.searchParams.getAll('expand[]')];
  // spaceInfo's additionalFields ["runtime"] arrive as expand=runtime.
  if (repoTypeOf(path) === 'space' && (expand.length === 0 || expand.includes('runtime')))
    entry.runtime = runtimeBody(path, ctx);
  sendJson(res, 200, entry);
}

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
import {
  apiFailure,
  asRecord,
  asString,
  checkId,
  guarded,
  HubApiError,
  hubJson,
  recordingFetch,
} from './api-request';
import { checkToken, type TokenSummary } from './token';

export { apiFailure, HubApiError, statusFailure, type ApiAction } from './api-request';
export { createPullRequest, listPullRequests, type PullRequest } from './api-discussions';

/** Who calls the API: the Hub's address and the token (which goes only into the Authorization header). */
export interface ApiAuth {
  readonly endpoint: string;
  readonly token: string;
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

export interface SpaceRuntime {
  readonly stage: SpaceStage;
  readonly hardware: string | null;
  readonly errorMessage: string | null;
}

/** The Hub's URL prefix of each kind: pages (`spaces/NAME/REPO`) and the API (`/api/spaces/...`). */
const PAGE_PREFIX: Readonly<Record<RepoKind, string>> = { model: '', dataset: 'datasets/', space: 'spaces/' };
/** Why: a repository's page on the Hub, as the Hub spells it. */
export function repoPageUrl(endpoint: string, kind: RepoKind, id: string): string {
  return `${endpoint}/${PAGE_PREFIX[kind]}${id}`;
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

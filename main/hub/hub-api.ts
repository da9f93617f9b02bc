// The Hub's API for creating, listing and pull requests, through the Hub's own JavaScript library
// (@huggingface/hub, huggingface.js) with its hub URL set from HF_ENDPOINT; hand-written only where
// the library has no call (see each function). No electron, no renderer types beyond the contract's.
// PLACEHOLDER-ISSUE-14: the bodies are the api helper's (branch p14-api); the signatures are fixed.
import type { RepoKind, SpaceSdk, SpaceStage } from '../../preload/contract';

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
    super(message);
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

const PLACEHOLDER = (): never => {
  throw new Error('PLACEHOLDER-ISSUE-14: hub-api not built yet');
};

/** `POST {endpoint}/api/repos/create` (huggingface.js createRepo); an existing repository of the caller's answers created: false. */
export async function createHubRepository(_auth: ApiAuth, _spec: NewRepoSpec): Promise<CreatedRepo> {
  return PLACEHOLDER();
}

/** Whether a repository exists and the caller can see it (huggingface.js repoExists). */
export async function hubRepositoryExists(
  _endpoint: string,
  _token: string | undefined,
  _kind: RepoKind,
  _id: string,
): Promise<boolean> {
  return PLACEHOLDER();
}

/** An author's models, datasets and Spaces (listModels/listDatasets/listSpaces with `owner`). */
export async function listAuthorRepos(
  _auth: ApiAuth,
  _author: string,
  _options: { readonly search?: string; readonly limit: number },
): Promise<{ readonly repos: readonly ListedRepo[]; readonly truncated: boolean }> {
  return PLACEHOLDER();
}

/** Creates a pull request through the discussions API (`pullRequest: true`); hand-written (not in huggingface.js). */
export async function createPullRequest(
  _auth: ApiAuth,
  _kind: RepoKind,
  _id: string,
  _pr: { readonly title: string; readonly description: string },
): Promise<PullRequest> {
  return PLACEHOLDER();
}

/** A repository's open pull requests (discussions API, `type=pull_request`); hand-written. */
export async function listPullRequests(
  _auth: ApiAuth,
  _kind: RepoKind,
  _id: string,
): Promise<readonly PullRequest[]> {
  return PLACEHOLDER();
}

/** A Space's runtime (`GET /api/spaces/NAME/runtime`). */
export async function spaceRuntime(
  _endpoint: string,
  _token: string | undefined,
  _id: string,
): Promise<SpaceRuntime> {
  return PLACEHOLDER();
}

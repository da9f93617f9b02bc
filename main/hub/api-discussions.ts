import type { RepoKind } from '../../preload/contract';
import { API_PLURAL, asRecord, asString, checkId, HubApiError, hubJson } from './api-request';

// Pull requests on the Hub, hand-written: huggingface.js 2.17 has no discussions API. The requests
// are huggingface_hub's (hf_api.py create_discussion / create_pull_request, get_repo_discussions);
// a pull request's commits live on `refs/pr/N` (hub-docs repositories-pull-requests-discussions.md).

/** Who calls: the Hub's address and the token (only ever in the Authorization header). */
interface Caller {
  readonly endpoint: string;
  readonly token: string;
}

export interface PullRequest {
  readonly num: number;
  readonly title: string;
  readonly author: string | null;
  readonly status: 'draft' | 'open' | 'closed' | 'merged';
  readonly createdAt: string | null;
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
  auth: Caller,
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
  auth: Caller,
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

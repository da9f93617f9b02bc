// Discussions and pull requests on the fake hub, as huggingface_hub hf_api.py calls them
// (create_discussion / create_pull_request, get_repo_discussions, get_discussion_details) and
// hub-docs repositories-pull-requests-discussions.md describes them: a pull request's commits live
// on `refs/pr/N` in the repository itself ("no forks are involved: contributors push to a special
// ref branch directly on the source repo"), pushed with `git push origin pr/N:refs/pr/N`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerCaller, decide, repoTypeOf } from './access';
import { readJsonBody, sendAccessRefusal, sendApiError, sendJson, type ApiContext } from './api-http';
import type { FakeDiscussion } from './api-store';
import { gitIn, refSha } from './bare-repo';
import { fakeId } from './users';

/** The Hub pages its discussion lists; huggingface_hub reads `count`, `start` and asks `p` = 0, 1, … */
const PAGE_SIZE = 50;

function summary(d: FakeDiscussion, path: string): Record<string, unknown> {
  return {
    num: d.num,
    title: d.title,
    status: d.status,
    isPullRequest: d.isPullRequest,
    author: { name: d.author, type: 'user', fullname: d.author, avatarUrl: `/avatars/${d.author}.svg` },
    createdAt: d.createdAt,
    pinned: false,
    numComments: 1,
    // huggingface_hub get_repo_discussions reads repo.name and repo.type.
    repo: { name: path.replace(/^(?:datasets|spaces)\//, ''), type: repoTypeOf(path) },
  };
}

/** huggingface_hub get_discussion_details reads events, changes.base (PRs), filesWithConflicts (PRs). */
function details(d: FakeDiscussion, path: string, ctx: ApiContext): Record<string, unknown> {
  const gitDir = ctx.store.gitDir(path);
  return {
    ...summary(d, path),
    events: [
      {
        id: fakeId(`event:${path}:${d.num}`),
        type: 'comment',
        createdAt: d.createdAt,
        author: { name: d.author },
        data: {
          edited: false,
          hidden: false,
          latest: {
            raw: d.description,
            html: `<p>${d.description}</p>`,
            updatedAt: d.createdAt,
            author: { name: d.author },
          },
          numEdits: 0,
        },
      },
    ],
    ...(d.isPullRequest
      ? {
          changes: {
            base: 'refs/heads/main',
            ...(d.ref && refSha(gitDir, d.ref) ? { headSha: refSha(gitDir, d.ref) } : {}),
          },
          filesWithConflicts: [],
        }
      : {}),
  };
}

/**
 * Why: POST /api/{type}s/NAME/REPO/discussions with `{title, description, pullRequest}`
 * (huggingface_hub create_discussion; it then reads `num`). Anyone who may read the repository
 * may open one; a pull request made this way is a "draft" (huggingface_hub: "Pull Requests
 * created programmatically will be in draft status") whose `refs/pr/N` starts at main's head.
 */
export async function createDiscussion(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: ApiContext,
): Promise<void> {
  const caller = bearerCaller(req, ctx.hub.tokens);
  if (caller.kind === 'anonymous')
    return sendApiError(res, 401, 'You must be authenticated to open a discussion.');
  const refusal = decide(caller, path, false, ctx.hub.repos.get(path), ctx.hub.policies);
  if (refusal) return sendAccessRefusal(res, refusal, path, ctx);
  if (caller.kind !== 'user') return sendApiError(res, 401, 'Invalid credentials in Authorization header');
  const body = (await readJsonBody(req)) as Record<string, unknown> | undefined;
  const title = typeof body?.title === 'string' ? body.title.trim() : '';
  // huggingface_hub: "It can be up to 200 characters long, and must be at least 3 characters long."
  if (title.length < 3 || title.length > 200)
    return sendApiError(res, 400, 'The title must be between 3 and 200 characters long.');
  const isPullRequest = body?.pullRequest === true;
  const made = ctx.store.addDiscussion(path, {
    title,
    description: typeof body?.description === 'string' ? body.description : '',
    author: caller.user.name,
    status: isPullRequest ? 'draft' : 'open',
    isPullRequest,
    createdAt: new Date().toISOString(),
  });
  const gitDir = ctx.store.gitDir(path);
  const head = refSha(gitDir, 'refs/heads/main');
  // An empty repository (only FakeHub.createRepo makes those) has no base: the author's first
  // push makes refs/pr/N.
  if (made.ref && head) gitIn(gitDir, ['update-ref', made.ref, head]);
  sendJson(res, 200, details(made, path, ctx));
}

/**
 * Why: GET /api/{type}s/NAME/REPO/discussions?type=&status=&author=&p= answers
 * `{discussions, count, start}` (huggingface_hub get_repo_discussions). `status=open` also lists
 * drafts here: whether the Hub's filter does is unverified, and the app must show its own draft
 * pull requests either way (it should not filter on status alone).
 */
export function listDiscussions(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: ApiContext,
): void {
  const caller = bearerCaller(req, ctx.hub.tokens);
  const refusal = decide(caller, path, false, ctx.hub.repos.get(path), ctx.hub.policies);
  if (refusal) return sendAccessRefusal(res, refusal, path, ctx);
  const url = new URL(req.url ?? '/', ctx.hub.baseUrl());
  const type = url.searchParams.get('type');
  const status = url.searchParams.get('status');
  const author = url.searchParams.get('author');
  const page = Math.max(0, Number(url.searchParams.get('p') ?? 0) || 0);
  const matched = [...ctx.store.discussionsOf(path)]
    .reverse()
    .filter((d) => !type || type === 'all' || (type === 'pull_request') === d.isPullRequest)
    .filter(
      (d) =>
        !status ||
        status === 'all' ||
        (status === 'open'
          ? d.status === 'open' || d.status === 'draft'
          : d.status === 'closed' || d.status === 'merged'),
    )
    .filter((d) => !author || d.author === author);
  const start = page * PAGE_SIZE;
  sendJson(res, 200, {
    discussions: matched.slice(start, start + PAGE_SIZE).map((d) => summary(d, path)),
    count: matched.length,
    start,
    numClosedDiscussions: ctx.store.discussionsOf(path).filter((d) => d.status === 'closed').length,
  });
}

/** Why: GET /api/{type}s/NAME/REPO/discussions/N (huggingface_hub get_discussion_details). */
export function discussionDetails(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  num: number,
  ctx: ApiContext,
): void {
  const caller = bearerCaller(req, ctx.hub.tokens);
  const refusal = decide(caller, path, false, ctx.hub.repos.get(path), ctx.hub.policies);
  if (refusal) return sendAccessRefusal(res, refusal, path, ctx);
  const found = ctx.store.discussionsOf(path).find((d) => d.num === num);
  // The Hub's words for a missing discussion are unverified.
  if (!found) return sendApiError(res, 404, 'Discussion not found');
  sendJson(res, 200, details(found, path, ctx));
}

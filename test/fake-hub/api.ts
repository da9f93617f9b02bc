// The fake hub's API routes beyond whoami-v2: repositories (create, list, info), a Space's runtime
// (GET /api/spaces/NAME/REPO/runtime, huggingface_hub get_space_runtime) and discussions / pull
// requests. Each handler cites what it imitates.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decide } from './access';
import { createDiscussion, discussionDetails, listDiscussions } from './api-discussions';
import { sendAccessRefusal, TYPE_PREFIX, type ApiContext, type TypeSegment } from './api-http';
import { createRepoEndpoint, infoEndpoint, listEndpoint, runtimeBody } from './api-repos';
import { sendJson } from './api-http';
import { bearerCaller } from './access';

export type { ApiContext } from './api-http';

const LIST = /^\/api\/(models|datasets|spaces)$/;
const REPO = /^\/api\/(models|datasets|spaces)\/([A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*)(\/.*)?$/;

/** Why: answers a request when its path is one of these API routes, else returns false. */
export function handleHubApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): boolean {
  const path = new URL(req.url ?? '/', 'http://fake-hub.invalid').pathname;
  const fail = (error: unknown): void => {
    if (!res.headersSent) sendJson(res, 500, { error: `fake hub: ${String(error)}` });
    else res.destroy();
  };
  if (path === '/api/repos/create' && req.method === 'POST') {
    createRepoEndpoint(req, res, ctx).catch(fail);
    return true;
  }
  const list = LIST.exec(path);
  if (list?.[1] && req.method === 'GET') {
    listEndpoint(req, res, list[1] as TypeSegment, ctx);
    return true;
  }
  const match = REPO.exec(path);
  if (!match?.[1] || !match[2]) return false;
  const repo = `${TYPE_PREFIX[match[1] as TypeSegment]}${match[2]}`;
  const rest = match[3] ?? '';
  if (req.method === 'GET' && (rest === '' || rest === '/')) {
    infoEndpoint(req, res, repo, undefined, ctx);
    return true;
  }
  const revision = /^\/revision\/(.+)$/.exec(rest);
  if (req.method === 'GET' && revision?.[1]) {
    infoEndpoint(req, res, repo, decodeURIComponent(revision[1]), ctx);
    return true;
  }
  if (rest === '/runtime' && req.method === 'GET' && match[1] === 'spaces') {
    const caller = bearerCaller(req, ctx.hub.tokens);
    const refusal = decide(caller, repo, false, ctx.hub.repos.get(repo), ctx.hub.policies);
    if (refusal && refusal.reason !== 'gated') sendAccessRefusal(res, refusal, repo, ctx);
    else sendJson(res, 200, runtimeBody(repo, ctx));
    return true;
  }
  if (rest === '/discussions') {
    if (req.method === 'POST') createDiscussion(req, res, repo, ctx).catch(fail);
    else listDiscussions(req, res, repo, ctx);
    return true;
  }
  const one = /^\/discussions\/(\d+)$/.exec(rest);
  if (one?.[1] && req.method === 'GET') {
    discussionDetails(req, res, repo, Number(one[1]), ctx);
    return true;
  }
  return false;
}

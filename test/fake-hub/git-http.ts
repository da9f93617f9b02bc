// Smart-HTTP git for the fake hub, through the real `git http-backend` (CGI), with the Hub's
// answers to each kind of credential and repository (access.ts decides and words them):
//  - a password instead of a token: "Password authentication in git is no longer supported..."
//    (refused since October 2023); an unknown or revoked token: "Invalid username or password.";
//  - no credential for a private or missing repository (or a push): 401, so git asks for a
//    username; with a token that cannot see it: 404 "Repository not found" (HUB-FACTS);
//  - a gated repository: the Hub's "Access to model NAME is restricted..." words (HUB-FACTS);
//  - a push the account or token may not make: the refs are advertised, then the pre-receive hook
//    refuses with the Hub's "DENIED update refs/heads/main: forbidden" (huggingface_hub#937).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decide, gitCaller, httpWords, type HttpRefusal, type HubState } from './access';

/** Why: one place that sends the Hub's error answer, headers included (HUB-FACTS: X-Error-*). */
export function sendRefusal(
  res: ServerResponse,
  refusal: HttpRefusal,
  contentType: string,
  body: string,
  extra: Readonly<Record<string, string>> = {},
): void {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Error-Message': refusal.message,
    'X-Request-Id': `Root=1-${randomBytes(12).toString('hex')}`,
    ...(refusal.code ? { 'X-Error-Code': refusal.code } : {}),
    ...extra,
  };
  res.writeHead(refusal.status, headers);
  res.end(body);
}

const GIT_PATH =
  /^\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

/**
 * Why: answers a smart-HTTP git request when the path is a repository's, else returns false.
 * Reading a public repository needs no account (as on the Hub); pushing needs a write token.
 */
export function handleGitHttp(req: IncomingMessage, res: ServerResponse, hub: HubState): boolean {
  const url = new URL(req.url ?? '/', 'http://fake-hub.invalid');
  const match = GIT_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return false;
  const repo = match[1];
  const service = match[2] === 'info/refs' ? url.searchParams.get('service') : match[2];
  const pushing = service === 'git-receive-pack';
  const caller = gitCaller(req, hub.tokens);
  const refusal = decide(caller, repo, pushing, hub.repos.get(repo), hub.policies);
  // A refused push is the Hub refusing the ref update, after the refs were advertised (and after
  // git-lfs's pre-push upload, which meets its own "Authorization error."): the pre-receive hook
  // prints it, so git shows "remote: DENIED update refs/heads/main: forbidden".
  const deniedUpdate = refusal?.reason === 'no_write';
  if (refusal && !deniedUpdate) {
    const words = httpWords(refusal, repo, hub.baseUrl());
    // git prints a text/plain body of a failed request as "remote: <line>"; a 401 with
    // WWW-Authenticate makes it ask for credentials.
    sendRefusal(
      res,
      words,
      'text/plain; charset=utf-8',
      `${words.message}\n`,
      words.status === 401
        ? { 'WWW-Authenticate': 'Basic realm="Authentication required", charset="UTF-8"' }
        : {},
    );
    return true;
  }
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: hub.reposDir,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: hub.reposDir,
      PATH_INFO: `/${repo}.git/${match[2]}`,
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      REMOTE_USER: caller.kind === 'user' ? caller.user.name : '',
      REMOTE_ADDR: '127.0.0.1',
      ...(refusal?.reason === 'no_write'
        ? {
            HFGD_PUSH_DENIED: '1',
            ...(refusal.detail ? { HFGD_PUSH_DENIED_DETAIL: refusal.detail } : {}),
            // A pull request's author may push to its refs/pr/N without write access (hub-docs
            // repositories-pull-requests-discussions.md); the hook refuses every other ref.
            ...(caller.kind === 'user'
              ? { HFGD_PR_REFS: (hub.pullRequestRefs?.(repo, caller.user.name) ?? []).join(' ') }
              : {}),
          }
        : {}),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  req.pipe(child.stdin);
  let head = Buffer.alloc(0);
  let started = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (started) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    started = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
      else if (name) headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.on('close', () => {
    if (!started) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('git http-backend failed\n');
    } else res.end();
  });
  return true;
}

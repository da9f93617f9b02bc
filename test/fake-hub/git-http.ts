// Smart-HTTP git for the fake hub, through the real `git http-backend` (CGI), with the Hub's
// answers to each kind of credential (HUB-FACTS, "Tokens and HTTPS"):
//  - a password instead of a token: "Password authentication in git is no longer supported.
//    You must use a user access token or an SSH key instead." (refused since October 2023);
//  - an unknown or revoked token: "Invalid username or password.";
//  - a read token pushing: "DENIED update refs/heads/main: forbidden" style refusal (403);
//  - pushing where the account may not write (another namespace, an org role below write, a
//    fine-grained token without repo.write there): 403, with the org case naming create_pr=1 as
//    the Hub's API does (HUB-FACTS "Org role too low"); the exact git wording is unverified;
//  - a gated repo read by someone not on its list: the Hub's SSH words (HUB-FACTS, reported in
//    nvidia-cosmos/cosmos-reason1#4), served over HTTP with a 403.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { FakeToken, FakeUser } from './users';

/** Why: who a request's Basic credentials belong to, as the Hub would decide. */
export type GitCaller =
  | { readonly kind: 'user'; readonly user: FakeUser; readonly token: FakeToken }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'password' }
  | { readonly kind: 'invalid' };

/** Why: per-repository rules a test sets: a gated repo and who has been let in. */
export interface RepoRules {
  readonly gated?: boolean;
  /** Accounts granted access to a gated repo (its namespace's members always are). */
  readonly authorized?: readonly string[];
}

/** Why: the namespace of NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO. */
export function namespaceOf(repo: string): string {
  const parts = repo.split('/');
  return (parts.length === 3 ? parts[1] : parts[0]) ?? '';
}

/** Why: the Hub's write rule for a caller with a token that may write (write or fine-grained). */
function pushRefusal(user: FakeUser, token: FakeToken, repo: string): string | undefined {
  const namespace = namespaceOf(repo);
  if (token.role === 'read') return 'DENIED update refs/heads/main: forbidden';
  const org = (user.orgs ?? []).find((candidate) => candidate.name === namespace);
  if (namespace !== user.name && org === undefined)
    return `DENIED update refs/heads/main: forbidden (you have no write access to ${repo})`;
  if (org && (org.roleInOrg === 'read' || org.roleInOrg === 'contributor'))
    return `DENIED update refs/heads/main: forbidden. Your role in ${org.name} is "${org.roleInOrg}", which cannot push; pass create_pr=1 to open a pull request instead.`;
  if (token.role === 'fineGrained') {
    const scope = token.fineGrained?.scoped?.find((entry) => entry.entity.name === namespace);
    if (!scope?.permissions.includes('repo.write'))
      return `DENIED update refs/heads/main: forbidden. This fine-grained token has no write access to repos under ${namespace}.`;
  }
  return undefined;
}

const GATED_MESSAGE = 'Access denied: repository is gated and you are not in the authorized list.';

/** Why: the Hub's decision for one request, shared by smart-HTTP git and the LFS batch API. */
export function accessRefusal(
  caller: GitCaller,
  repo: string,
  writing: boolean,
  rule: RepoRules | undefined,
): { readonly status: 401 | 403; readonly message: string } | undefined {
  if (caller.kind === 'password')
    return {
      status: 401,
      message:
        'Password authentication in git is no longer supported. You must use a user access token or an SSH key instead.',
    };
  if (caller.kind === 'invalid') return { status: 401, message: 'Invalid username or password.' };
  if (writing && caller.kind === 'anonymous') return { status: 401, message: 'Authentication required.' };
  if (rule?.gated) {
    const allowed =
      caller.kind === 'user' &&
      (namespaceOf(repo) === caller.user.name ||
        (caller.user.orgs ?? []).some((org) => org.name === namespaceOf(repo)) ||
        (rule.authorized ?? []).includes(caller.user.name));
    if (!allowed) return { status: caller.kind === 'anonymous' ? 401 : 403, message: GATED_MESSAGE };
  }
  if (writing && caller.kind === 'user') {
    const message = pushRefusal(caller.user, caller.token, repo);
    if (message !== undefined) return { status: 403, message };
  }
  return undefined;
}

const GIT_PATH =
  /^\/((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

/** Why: reads `Authorization: Basic` the way the Hub does: the password must be an hf_ token. */
export function gitCaller(
  req: IncomingMessage,
  tokens: ReadonlyMap<string, { user: FakeUser; token: FakeToken }>,
): GitCaller {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return { kind: 'anonymous' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  if (!password.startsWith('hf_')) return { kind: 'password' };
  const found = tokens.get(password);
  const expired = found?.token.expiresAt !== undefined && Date.parse(found.token.expiresAt) <= Date.now();
  return found && !expired ? { kind: 'user', ...found } : { kind: 'invalid' };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  // git prints a text/plain body of a failed request as "remote: <line>".
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (status === 401) headers['WWW-Authenticate'] = 'Basic realm="Authentication required", charset="UTF-8"';
  res.writeHead(status, headers);
  res.end(`${message}\n`);
}

/**
 * Why: answers a smart-HTTP git request when the path is a repository's, else returns false.
 * Reading needs no account for public repos (as on the Hub); pushing needs a write token.
 */
export function handleGitHttp(
  req: IncomingMessage,
  res: ServerResponse,
  reposDir: string,
  tokens: ReadonlyMap<string, { user: FakeUser; token: FakeToken }>,
  rules: ReadonlyMap<string, RepoRules> = new Map(),
): boolean {
  const url = new URL(req.url ?? '/', 'http://fake-hub.invalid');
  const match = GIT_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return false;
  const repo = match[1];
  const service = match[2] === 'info/refs' ? url.searchParams.get('service') : match[2];
  const pushing = service === 'git-receive-pack';
  const caller = gitCaller(req, tokens);
  const refusal = accessRefusal(caller, repo, pushing, rules.get(repo));
  // A 403 on a push is the Hub refusing the ref update, after the refs were advertised (and after
  // git-lfs's pre-push upload, which meets its own "Authorization error."): the pre-receive hook
  // prints it, so git shows "remote: DENIED update refs/heads/main: forbidden".
  const deniedUpdate = pushing && refusal?.status === 403 && !refusal.message.startsWith('Access denied');
  if (refusal && !deniedUpdate) {
    refuse(res, refusal.status, refusal.message);
    return true;
  }
  const gitDir = join(reposDir, `${repo}.git`);
  if (!existsSync(gitDir)) {
    refuse(res, 404, 'Repository not found');
    return true;
  }
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: reposDir,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: reposDir,
      PATH_INFO: `/${repo}.git/${match[2]}`,
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      REMOTE_USER: caller.kind === 'user' ? caller.user.name : '',
      REMOTE_ADDR: '127.0.0.1',
      ...(deniedUpdate && refusal ? { HFGD_PUSH_DENIED: refusal.message } : {}),
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
    if (!started) refuse(res, 500, 'git http-backend failed');
    else res.end();
  });
  return true;
}

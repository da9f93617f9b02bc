// Who may read or write which repository on the fake hub, decided once for smart-HTTP git, the
// LFS batch API and git over SSH, then worded per transport in the Hub's words (HUB-FACTS,
// "Tokens and HTTPS"). Where the Hub's wording for a case is not known, the words are neutral and
// say so: the app must explain such refusals from whoami, never from the fake's phrasing.
import type { IncomingMessage } from 'node:http';
import type { FakeOrgPolicy, FakeToken, FakeUser } from './users';

/** Why: per-repository settings a test gives createRepo (visibility, gate, who created it). */
export interface RepoRules {
  /** A gated repository: public, but read only by those let in (hub-docs models-gated.md). */
  readonly gated?: boolean;
  /** Accounts granted access to a gated repo (its namespace's members always are). */
  readonly authorized?: readonly string[];
  /** Seen only by its namespace and the organization's members with a role above no_access. */
  readonly private?: boolean;
  /**
   * The account that created it (default: the namespace). An organization's "contributor" may
   * write only the repositories it created (hub-docs organizations-security.md).
   */
  readonly creator?: string;
}

/**
 * Why: what every transport of the fake hub reads to decide: the repositories (only an exact
 * path exists, as the Hub's names are case-sensitive), the tokens, the organizations' token
 * policies, and the hub's own address for the links in its messages.
 */
export interface HubState {
  readonly reposDir: string;
  readonly repos: ReadonlyMap<string, RepoRules>;
  readonly tokens: ReadonlyMap<string, { readonly user: FakeUser; readonly token: FakeToken }>;
  readonly policies: ReadonlyMap<string, FakeOrgPolicy>;
  /** `http://127.0.0.1:PORT`, known once the HTTP side listens. */
  readonly baseUrl: () => string;
  /**
   * The `refs/pr/N` of the user's own open pull requests on a repository: the Hub lets a pull
   * request's author push there without write access (hub-docs
   * repositories-pull-requests-discussions.md: "contributors push to a special ref branch
   * directly on the source repo").
   */
  readonly pullRequestRefs?: (repo: string, user: string) => readonly string[];
}

/** Why: who a request's credentials belong to, as the Hub would decide. */
export type GitCaller =
  | { readonly kind: 'user'; readonly user: FakeUser; readonly token: FakeToken }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'password' }
  | { readonly kind: 'invalid' };

/** Why: why the Hub refuses a request; each transport words it (httpWords, lfsWords, sshWords). */
export type Refusal =
  | { readonly reason: 'password' }
  | { readonly reason: 'invalid' }
  /** No account, where one is needed: a private or missing repo (`hidden`), a gated one, or a push. */
  | { readonly reason: 'sign_in'; readonly because: 'hidden' | 'gated' | 'push' }
  /** Missing, or private and not visible to this account: the Hub answers both alike. */
  | { readonly reason: 'not_found' }
  | { readonly reason: 'gated' }
  | { readonly reason: 'org_token_policy'; readonly org: string; readonly detail: OrgTokenRefusal }
  /** The account or token may not write here; `detail` is the fake's own, unverified, sentence. */
  | { readonly reason: 'no_write'; readonly detail?: string };

/** Why: which of an organization's token rules refused the token (FakeOrgPolicy, FakeToken.orgStatus). */
export type OrgTokenRefusal = 'not_fine_grained' | 'pending' | 'denied' | 'revoked';

/** Why: the namespace of NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO. */
export function namespaceOf(repo: string): string {
  const parts = repo.split('/');
  return (parts.length === 3 ? parts[1] : parts[0]) ?? '';
}

/** Why: NAME/REPO without its datasets/ or spaces/ prefix, as the Hub's messages name it. */
export function repoIdOf(repo: string): string {
  return repo.replace(/^(?:datasets|spaces)\//, '');
}

/** Why: the repository's type as the Hub's messages and fine-grained scopes name it. */
export function repoTypeOf(repo: string): 'model' | 'dataset' | 'space' {
  if (repo.startsWith('datasets/')) return 'dataset';
  if (repo.startsWith('spaces/')) return 'space';
  return 'model';
}

/** Why: reads `Authorization: Basic` the way the Hub does: the password must be an hf_ token. */
export function gitCaller(
  req: IncomingMessage,
  tokens: ReadonlyMap<string, { readonly user: FakeUser; readonly token: FakeToken }>,
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

/**
 * Why: reads `Authorization: Bearer hf_...` as the Hub's API does (huggingface.js and
 * huggingface_hub send the token this way); an unknown, expired or SSH-issued token is invalid.
 */
export function bearerCaller(
  req: IncomingMessage,
  tokens: ReadonlyMap<string, { readonly user: FakeUser; readonly token: FakeToken }>,
): GitCaller {
  const header = req.headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const found = match?.[1] === undefined ? undefined : tokens.get(match[1]);
  const expired = found?.token.expiresAt !== undefined && Date.parse(found.token.expiresAt) <= Date.now();
  return found && !expired && found.token.kind !== 'ssh' ? { kind: 'user', ...found } : { kind: 'invalid' };
}

const roleIn = (user: FakeUser, org: string) =>
  (user.orgs ?? []).find((candidate) => candidate.name === org)?.roleInOrg;

/** Whether a fine-grained token's scopes give one of `wanted` on the repository or its namespace. */
function scopeAllows(token: FakeToken, repo: string, wanted: readonly string[]): boolean {
  const namespace = namespaceOf(repo);
  return (token.fineGrained?.scoped ?? []).some((scope) => {
    const { type, name } = scope.entity;
    const covers =
      ((type === 'user' || type === 'org') && name === namespace) ||
      (type === repoTypeOf(repo) && name === repoIdOf(repo));
    return covers && scope.permissions.some((permission) => wanted.includes(permission));
  });
}

/** Why: a private repository is seen by its namespace and the org's members above no_access. */
export function canSee(caller: Extract<GitCaller, { kind: 'user' }>, repo: string): boolean {
  const namespace = namespaceOf(repo);
  const role = roleIn(caller.user, namespace);
  const account = namespace === caller.user.name || (role !== undefined && role !== 'no_access');
  if (!account) return false;
  return (
    caller.token.role !== 'fineGrained' ||
    scopeAllows(caller.token, repo, ['repo.content.read', 'repo.write'])
  );
}

/**
 * A gate lets in the namespace, its org's members and the accounts on its list; a fine-grained
 * token reads a gated repo it was let into only with canReadGatedRepos (HUB-FACTS; hub-docs
 * security-tokens.md). The Hub's words for that last case are unverified: the gated words are used.
 */
function gateOpen(caller: Extract<GitCaller, { kind: 'user' }>, repo: string, rules: RepoRules): boolean {
  const namespace = namespaceOf(repo);
  const role = roleIn(caller.user, namespace);
  if (namespace === caller.user.name || (role !== undefined && role !== 'no_access')) return true;
  if (!(rules.authorized ?? []).includes(caller.user.name)) return false;
  return caller.token.role !== 'fineGrained' || caller.token.fineGrained?.canReadGatedRepos === true;
}

/**
 * The Hub's write rule (hub-docs organizations-security.md): the namespace itself, an org's admin
 * and write members, a contributor on the repositories it created; a read token never; a
 * fine-grained token only where a scope (its namespace, or that one repository) has repo.write.
 * Returns the refusal, or undefined when the push may go ahead.
 *
 * The Hub's git wording is known only for a read token ("DENIED update refs/heads/main:
 * forbidden", huggingface_hub#937); HUB-FACTS marks the others unverified. The sentence the fake
 * adds for an org role and a fine-grained token is its own invention, kept because the failure
 * table (ROLE_TEXT, FINE_GRAINED_TEXT in main/git/failures/rules-access.ts) and
 * test/main/entry/doctor-explain.test.ts read it; the app must explain these from whoami.
 */
function writeRefusal(
  caller: Extract<GitCaller, { kind: 'user' }>,
  repo: string,
  rules: RepoRules,
): Extract<Refusal, { reason: 'no_write' }> | undefined {
  const { user, token } = caller;
  if (token.role === 'read') return { reason: 'no_write' };
  const namespace = namespaceOf(repo);
  const role = roleIn(user, namespace);
  const creator = rules.creator ?? namespace;
  const account =
    namespace === user.name ||
    role === 'admin' ||
    role === 'write' ||
    (role === 'contributor' && creator === user.name);
  if (!account)
    return role === undefined
      ? { reason: 'no_write' }
      : {
          reason: 'no_write',
          detail: `Your role in ${namespace} is "${role}", which cannot push; pass create_pr=1 to open a pull request instead.`,
        };
  if (token.role === 'fineGrained' && !scopeAllows(token, repo, ['repo.write']))
    return {
      reason: 'no_write',
      detail: `This fine-grained token has no write access to repos under ${namespace}.`,
    };
  return undefined;
}

/**
 * Why: who may create a repository under a namespace (POST /api/repos/create): the account
 * itself, or an organization's admin, write and contributor members (hub-docs
 * organizations-security.md: a contributor creates repositories and writes those it created);
 * never a read token; a fine-grained token only with repo.write on that namespace. Returns the
 * refusal's words, or undefined. The Hub's words are those users quote (OpenCodeInterpreter#13,
 * nlp-with-transformers/notebooks#60): "You don't have the rights to create a dataset under this
 * namespace"; that a read token or an organization's token policy gets the same words is
 * unverified (the policy gets orgTokenWords).
 */
export function createRefusal(
  caller: Extract<GitCaller, { kind: 'user' }>,
  repo: string,
  policies: ReadonlyMap<string, FakeOrgPolicy>,
): string | undefined {
  const namespace = namespaceOf(repo);
  const words = `You don't have the rights to create a ${repoTypeOf(repo)} under this namespace`;
  const policy = orgTokenRefusal(caller, namespace, policies.get(namespace));
  if (policy) return orgTokenWords(namespace, policy);
  if (caller.token.role === 'read') return words;
  const role = roleIn(caller.user, namespace);
  const account =
    namespace === caller.user.name || role === 'admin' || role === 'write' || role === 'contributor';
  if (!account) return words;
  if (caller.token.role === 'fineGrained') {
    const scoped = (caller.token.fineGrained?.scoped ?? []).some(
      (scope) =>
        (scope.entity.type === 'user' || scope.entity.type === 'org') &&
        scope.entity.name === namespace &&
        scope.permissions.includes('repo.write'),
    );
    if (!scoped) return words;
  }
  return undefined;
}

/**
 * An organization's token policy (hub-docs enterprise-tokens-management.md, "Token Policy"): it
 * binds the access tokens of its members; SSH keys and OAuth sign-ins are not access tokens.
 */
function orgTokenRefusal(
  caller: Extract<GitCaller, { kind: 'user' }>,
  org: string,
  policy: FakeOrgPolicy | undefined,
): OrgTokenRefusal | undefined {
  const { token, user } = caller;
  if ((token.kind ?? 'access_token') !== 'access_token' || roleIn(user, org) === undefined) return undefined;
  const status = token.orgStatus?.[org];
  // Revoked through the organization's revoke API (or after an approval): refused whatever the policy.
  if (status === 'revoked') return 'revoked';
  if (!policy || policy.tokenPolicy === 'any') return undefined;
  if (token.role !== 'fineGrained') return 'not_fine_grained';
  if (policy.tokenPolicy === 'fine_grained_only') return undefined;
  if (status === 'approved') return undefined;
  return status === 'denied' ? 'denied' : 'pending';
}

/**
 * Why: the Hub's decision for one request, the same over every transport. `rules` is undefined
 * when the repository does not exist (names are case-sensitive: only the exact path exists).
 */
export function decide(
  caller: GitCaller,
  repo: string,
  writing: boolean,
  rules: RepoRules | undefined,
  policies: ReadonlyMap<string, FakeOrgPolicy> = new Map(),
): Refusal | undefined {
  if (caller.kind === 'password') return { reason: 'password' };
  if (caller.kind === 'invalid') return { reason: 'invalid' };
  const user = caller.kind === 'user' ? caller : undefined;
  const namespace = namespaceOf(repo);
  if (user && rules && (writing || rules.private || rules.gated)) {
    const detail = orgTokenRefusal(user, namespace, policies.get(namespace));
    if (detail) return { reason: 'org_token_policy', org: namespace, detail };
  }
  // huggingface_hub utils/_http.py: a private or missing repo answers 401 without credentials,
  // "Repository not found" with them (HUB-FACTS).
  if (!rules || (rules.private && !(user && canSee(user, repo))))
    return user ? { reason: 'not_found' } : { reason: 'sign_in', because: 'hidden' };
  if (rules.gated && !(user && gateOpen(user, repo, rules)))
    return user ? { reason: 'gated' } : { reason: 'sign_in', because: 'gated' };
  if (writing && !user) return { reason: 'sign_in', because: 'push' };
  return writing && user ? writeRefusal(user, repo, rules) : undefined;
}

/** Why: the Hub's words for a password (HUB-FACTS; refused since October 2023), also LFS's 401. */
export const PASSWORD_WORDS =
  'Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation';

/** Why: the Hub's words for a bad or stale credential over git (HUB-FACTS). */
export const INVALID_WORDS = 'Invalid username or password.';

/** Why: private and missing repositories read alike (HUB-FACTS, huggingface_hub _http.py). */
export const NOT_FOUND_WORDS = 'Repository not found';

/** Why: the Hub's SSH words for a gated repo (HUB-FACTS, reported in nvidia-cosmos/cosmos-reason1#4). */
export const SSH_GATED_WORDS = 'Access denied: repository is gated and you are not in the authorized list.';

/**
 * Why: the Hub's words for an account not let in, over HTTPS (HUB-FACTS): "Access to model NAME
 * is restricted and you are not in the authorized list. Visit https://huggingface.co/NAME to ask
 * for access." (the page of a dataset or Space has its datasets/ or spaces/ prefix).
 */
export function gatedWords(repo: string, baseUrl: string): string {
  return `Access to ${repoTypeOf(repo)} ${repoIdOf(repo)} is restricted and you are not in the authorized list. Visit ${baseUrl}/${repo} to ask for access.`;
}

/**
 * Why: the Hub's words for a gated repo without credentials (HUB-FACTS): the 401 "...Please log
 * in.", in full as the Hub's answers are quoted, e.g. "remote: Access to dataset
 * gaia-benchmark/GAIA is restricted. You must have access to it and be authenticated to access
 * it. Please log in."
 */
export function gatedSignInWords(repo: string): string {
  return `Access to ${repoTypeOf(repo)} ${repoIdOf(repo)} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
}

/**
 * The Hub's words for an organization's token refusal are not documented (hub-docs only names
 * the states): neutral words, which the app must not rely on.
 */
function orgTokenWords(org: string, detail: OrgTokenRefusal): string {
  const why: Readonly<Record<OrgTokenRefusal, string>> = {
    not_fine_grained: `${org} accepts only fine-grained tokens`,
    pending: `an administrator of ${org} has not approved it yet`,
    denied: `an administrator of ${org} denied it`,
    revoked: `${org} revoked its access`,
  };
  return `This token may not access ${org}'s resources: ${why[detail]}.`;
}

/** Why: an HTTP answer to a refusal: status, the message (body and X-Error-Message) and X-Error-Code. */
export interface HttpRefusal {
  readonly status: 401 | 403 | 404;
  readonly message: string;
  /** HUB-FACTS: errors carry X-Error-Code (huggingface_hub _http.py reads GatedRepo, RepoNotFound). */
  readonly code?: 'GatedRepo' | 'RepoNotFound';
}

/**
 * Why: a refusal as smart-HTTP git and the Hub's API answer it. `no_write` has no HTTP answer:
 * git-http.ts lets the refs be advertised and the pre-receive hook refuses the update.
 */
export function httpWords(refusal: Refusal, repo: string, baseUrl: string): HttpRefusal {
  switch (refusal.reason) {
    case 'password':
      return { status: 401, message: PASSWORD_WORDS };
    case 'invalid':
      return { status: 401, message: INVALID_WORDS };
    case 'sign_in':
      // git shows none of these (a 401 makes it ask for a username), but the Hub's API clients do.
      if (refusal.because === 'gated')
        return { status: 401, message: gatedSignInWords(repo), code: 'GatedRepo' };
      if (refusal.because === 'hidden')
        return { status: 401, message: NOT_FOUND_WORDS, code: 'RepoNotFound' };
      // The Hub's body for an anonymous push is unverified (git never prints it).
      return { status: 401, message: 'Authentication required.' };
    case 'not_found':
      return { status: 404, message: NOT_FOUND_WORDS, code: 'RepoNotFound' };
    case 'gated':
      return { status: 403, message: gatedWords(repo, baseUrl), code: 'GatedRepo' };
    case 'org_token_policy':
      return { status: 403, message: orgTokenWords(refusal.org, refusal.detail) };
    case 'no_write':
      // HUB-FACTS: huggingface_hub#937, the Hub's only known words for a refused push over git.
      return { status: 403, message: 'DENIED update refs/heads/main: forbidden' };
  }
}

/**
 * Why: a refusal as the LFS batch API answers it; git-lfs prints the message after "batch
 * response:" (git-lfs 3.3 adds "Authentication required: " to a 401's).
 */
export function lfsWords(refusal: Refusal, repo: string, baseUrl: string): HttpRefusal {
  switch (refusal.reason) {
    case 'sign_in':
      // HUB-FACTS (huggingface_hub#1706, #2946): a batch call without a usable credential gets the
      // password words, even from a repository cloned over SSH.
      return { status: 401, message: PASSWORD_WORDS };
    case 'no_write':
      // HUB-FACTS: a read token pushing over LFS, "batch response: Authorization error."
      return { status: 403, message: 'Authorization error.' };
    default:
      return httpWords(refusal, repo, baseUrl);
  }
}

/**
 * Why: a refusal as the Hub's SSH server words it, on an `ERROR:` line before git's own "fatal:
 * Could not read from remote repository." HUB-FACTS gives "… may not push to bob/other" with an
 * unverified prefix, and the gated words (nvidia-cosmos/cosmos-reason1#4). What the Hub prints
 * over SSH for a missing or hidden repository, and for a push from a key on no account (which
 * the Hub's greeting calls "anonymous", seed 000), is unverified: the HTTPS words, and the same
 * "may not push to" line naming "anonymous".
 */
export function sshWords(refusal: Refusal, repo: string, account: string | undefined): string {
  const mayNotPush = `${account ?? 'anonymous'} may not push to ${repo}`;
  switch (refusal.reason) {
    case 'gated':
      return SSH_GATED_WORDS;
    case 'sign_in':
      if (refusal.because === 'gated') return SSH_GATED_WORDS;
      return refusal.because === 'push' ? mayNotPush : NOT_FOUND_WORDS;
    case 'no_write':
      return mayNotPush;
    case 'not_found':
      return NOT_FOUND_WORDS;
    case 'org_token_policy':
    case 'password':
    case 'invalid':
      // An SSH key is not a token: these cannot happen over SSH.
      return NOT_FOUND_WORDS;
  }
}

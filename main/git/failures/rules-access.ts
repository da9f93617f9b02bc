import { contextRefusal, ownNamespace, type WriteRefusal } from './permissions';
import { READS, WRITES, newWriteToken, says, tokensPage, type Explanation, type FailureRule } from './rule';
import { keyNotOnAccount, noKey } from './rules-ssh';
import { repoName, repoPage } from './text';
import type { FailureContext } from './types';

// Who may read or write what: the Hub's refusals of a credential, a token's permissions and a
// repository's visibility. Most of the Hub's refusals read alike (HUB-FACTS), so the context
// (whoami, the stored username, the transport) tells causes apart where the text cannot.

/**
 * The Hub's words for a refused push that name the push (huggingface_hub#937 for the first two;
 * "may not push to" over SSH and create_pr from the commit API per HUB-FACTS, wording otherwise
 * unverified). A bare 403 is a push refusal only when the operation (or the pasted text) is a push.
 */
const PUSH_REFUSED =
  /DENIED update|Your push was rejected for the following reasons|may not push to|create_pr=1|not allowed to push|not authorized to push/i;
const FORBIDDEN =
  /batch response: Authorization error|remote: Authorization error|\b403 Forbidden\b|returned error: 403\b|\bHTTP 403\b|403 Client Error|: forbidden\b/i;
const PUSH_EVIDENCE = /failed to push some refs|Uploading LFS objects|\[remote rejected\]|\/commit\//;

/** Only the fake hub words these (test/fake-hub/git-http.ts); the real Hub's wording is unverified. */
const FINE_GRAINED_TEXT = /fine-grained token has no write access/i;
const ROLE_TEXT = /Your role in \S+ is/i;

function pushRefused(text: string, context: FailureContext): boolean {
  if (PUSH_REFUSED.test(text)) return true;
  if (!FORBIDDEN.test(text)) return false;
  return WRITES.has(context.operation) || (context.operation === 'explain' && PUSH_EVIDENCE.test(text));
}

/** A dry run only signs in; whoami says beforehand whether the real push will be refused. */
function predicted(context: FailureContext): WriteRefusal | undefined {
  if (context.operation !== 'push_dry_run' || context.flags?.exitCode !== 0) return undefined;
  const refusal = contextRefusal(context);
  return refusal?.certain ? refusal : undefined;
}

/**
 * The refusal explaining a failed push, or a dry run whoami says will fail (the only way these
 * rows answer after an exit code 0), if there is one.
 */
function refusal(text: string, context: FailureContext): { readonly known?: WriteRefusal } | undefined {
  if (context.flags?.exitCode === 0) {
    const ahead = predicted(context);
    return ahead ? { known: ahead } : undefined;
  }
  if (!pushRefused(text, context)) return undefined;
  const known = contextRefusal(context);
  return known ? { known } : {};
}

/** Gated repositories, over HTTPS, over SSH and from the Python library (HUB-FACTS). */
export const gated: FailureRule = {
  kind: 'gated',
  source: 'HUB-FACTS; nvidia-cosmos/cosmos-reason1#4; huggingface/diffusers#4447; ToTheBeginning/PuLID#97',
  matches: says(
    /repository is gated|is restricted and you are not in the authorized list|GatedRepoError|Cannot access gated repo|Access to (?:model|dataset|space) \S+ is restricted|Your request to access this repo has been rejected/i,
  ),
  explain: (text, context) => {
    const page = repoPage(context);
    const open = page ? `Open ${page}` : 'Open the repository’s page on the Hub';
    const base = { action: 'request_access' as const, ...(page ? { link: page } : {}) };
    if (/has been rejected/i.test(text))
      return {
        message: `Your request to access ${repoName(context)} was declined by its owners.`,
        fix: `${open} to see the conditions; only its owners can let you in.`,
        ...base,
      };
    const reader = /GatedRepoError|Cannot access gated repo/.test(text) ? 'the library' : 'Git';
    return {
      message: `${repoName(context)} is gated: its owners must let you in before ${reader} can read it.`,
      fix: `${open} while signed in, accept its conditions, and wait for access to be granted. Then make sure the app uses a token (or SSH key) of that same account.`,
      ...base,
    };
  },
};

/**
 * git-lfs's HTTPS batch call with no credential, from a repository cloned over SSH: the Hub's 401
 * reads like a password refusal, but no password was sent (huggingface_hub#1706, #2946; the
 * second was an SSH key missing from the agent). Over HTTPS the same words mean a password.
 */
export const lfsAuth: FailureRule = {
  kind: 'lfs_auth',
  source: 'HUB-FACTS; huggingface/huggingface_hub#1706, #2946',
  matches: (text, context) =>
    /batch response: Authentication required/.test(text) &&
    (context.transport === 'ssh' ||
      (context.transport === undefined && !/remote: Password authentication/.test(text))),
  explain: () => ({
    message:
      'Git LFS asked the Hub for the large files over HTTPS without any credential (no password was sent). Over SSH it gets one only when the Hub recognises your SSH key.',
    fix: 'Run the SSH connection test: if the Hub greets you as “anonymous”, load your key in the agent or add it on the Hub, then try again.',
    action: 'test_ssh_connection',
  }),
};

/** A password where a token belongs (refused since October 2023; HUB-FACTS, seed 003). */
export const passwordRefused: FailureRule = {
  kind: 'password_refused',
  source: 'HUB-FACTS; mlcommons/cm4mlops#184',
  matches: says(/Password authentication in git is no longer supported/),
  explain: (_text, context) => ({
    message: 'Git sent your account password. The Hub stopped accepting passwords for Git in October 2023.',
    fix: 'Forget the saved password and paste an access token instead.',
    action: 'forget_and_reenter',
    link: tokensPage(context),
  }),
};

/** A disabled repository: 403 "Access to this resource is disabled." (HUB-FACTS). */
export const disabled: FailureRule = {
  kind: 'read_forbidden',
  source: 'HUB-FACTS "Disabled repositories"',
  matches: says(/Access to this resource is disabled/),
  explain: (_text, context) => ({
    message: `The Hub has disabled ${repoName(context)}: nobody can download or push it for now.`,
    fix: 'Open its page on the Hub for the reason; nothing on this computer needs to change.',
    ...(repoPage(context) ? { link: repoPage(context) } : {}),
  }),
};

/** A token that can read but not write; without whoami, a refusal in the account's own namespace. */
export const readToken: FailureRule = {
  kind: 'read_token',
  afterSuccess: true,
  source: 'huggingface/huggingface_hub#937 (with whoami role "read")',
  matches: (text, context) => {
    const found = refusal(text, context);
    if (!found) return false;
    if (found.known) return found.known.kind === 'read_token';
    return (
      !context.whoami &&
      context.transport !== 'ssh' &&
      !FINE_GRAINED_TEXT.test(text) &&
      !ROLE_TEXT.test(text) &&
      ownNamespace(context)
    );
  },
  explain: (_text, context) => ({
    message:
      context.whoami?.role === 'read'
        ? 'The saved token is a read token: it can clone, but the Hub refuses its pushes.'
        : 'The Hub refused a push to your own repository, so the saved token can read but not write: it is a read token (or a fine-grained token without write access).',
    fix: `Create a write token at ${newWriteToken(context)}, then paste it here.`,
    action: 'new_write_token',
    link: newWriteToken(context),
  }),
};

/** A fine-grained token whose scopes lack repo.write here (whoami; or the fake hub's own words). */
export const fineGrainedNoWrite: FailureRule = {
  kind: 'fine_grained_no_write',
  afterSuccess: true,
  source: 'HUB-FACTS (fine-grained scopes); whoami scoped permissions',
  matches: (text, context) => {
    const found = refusal(text, context);
    if (!found) return false;
    return found.known ? found.known.kind === 'fine_grained_no_write' : FINE_GRAINED_TEXT.test(text);
  },
  explain: (text, context) => ({
    message:
      refusal(text, context)?.known?.message ??
      'This fine-grained token has no write permission on this repository’s namespace.',
    fix: `Edit the token at ${tokensPage(context)} to add write access to that namespace, or use a write token.`,
    action: 'new_write_token',
    link: tokensPage(context),
  }),
};

/** A member whose organization role (read, contributor) cannot push there (whoami orgs). */
export const orgRoleTooLow: FailureRule = {
  kind: 'org_role_too_low',
  afterSuccess: true,
  source: 'hub-docs organizations-security.md (roles); whoami orgs[].roleInOrg',
  matches: (text, context) => {
    const found = refusal(text, context);
    if (!found) return false;
    return found.known ? found.known.kind === 'org_role_too_low' : ROLE_TEXT.test(text);
  },
  explain: (text, context) => ({
    message: refusal(text, context)?.known?.message ?? 'Your role in this organization cannot push.',
    fix: 'Ask an admin of the organization to make you a “write” member, or open a pull request on the Hub instead.',
    action: 'open_pull_request',
  }),
};

function noWriteWords(text: string, context: FailureContext): Explanation {
  const repo = repoName(context);
  const prFix =
    'Push to a repository under your own name, ask its owner for write access, or open a pull request on the Hub instead.';
  const known = refusal(text, context)?.known;
  if (known) return { message: known.message, fix: prFix, action: 'open_pull_request' };
  if (context.transport === 'ssh')
    return {
      message: `The Hub refused the push to ${repo}: the account of this SSH key${context.sshUser ? ` (${context.sshUser})` : ''} may not write there.`,
      fix: prFix,
      action: 'open_pull_request',
    };
  if (context.whoami)
    return {
      message: `The Hub refused the push to ${repo}, although the token’s own permissions allow it: the organization may accept only fine-grained tokens, or has not approved (or has revoked) this one.`,
      fix: 'Ask an admin of the organization which tokens it accepts, or open a pull request on the Hub instead.',
      action: 'open_pull_request',
    };
  return {
    message: `The Hub refused the push to ${repo}. Either the saved token may not write (a read token, or a fine-grained token without write access there), or this account may not write to ${repo}.`,
    fix: `Check the token’s permissions in the app (pushing needs a write token: ${newWriteToken(context)}). If the repository is someone else’s, push to your own or open a pull request on the Hub.`,
  };
}

/**
 * Every other refused push, SSH's "ERROR: ... may not push to NAME/REPO" included (HUB-FACTS).
 * Without whoami it names both possibilities, a token that cannot write among them.
 */
export const noWriteAccess: FailureRule = {
  kind: 'no_write_access',
  afterSuccess: true,
  source: 'HUB-FACTS (SSH "may not push to"); huggingface/huggingface_hub#937',
  matches: (text, context) => refusal(text, context) !== undefined,
  explain: noWriteWords,
};

/** A 403 on a read: "remote: Authorization error." then 403 on a clone (ymcui/MacBERT#16). */
export const readForbidden: FailureRule = {
  kind: 'read_forbidden',
  source: 'ymcui/MacBERT#16',
  matches: (text, context) =>
    (READS.has(context.operation) || context.operation === 'explain') && FORBIDDEN.test(text),
  explain: (_text, context) => ({
    message: `The Hub refused to let this account download ${repoName(context)}.`,
    fix: 'Open the repository on the Hub while signed in to see why. If it belongs to an organization that accepts only fine-grained tokens, create one with read access there.',
    ...(repoPage(context) ? { link: repoPage(context) } : {}),
  }),
};

/**
 * Missing or private (HUB-FACTS: with a credential the Hub answers "Repository not found" for
 * both); the Python library's RepositoryNotFoundError (huggingface_hub#1007).
 */
export const notFound: FailureRule = {
  kind: 'not_found_or_private',
  source: 'HUB-FACTS; huggingface/huggingface_hub#1007; Jiaxuan-Li/EVCap#10',
  matches: says(
    /Repository not found|RepositoryNotFoundError|Repository Not Found for url|fatal: repository '[^']*' not found|does not appear to be a git repository/i,
  ),
  explain: (_text, context) => ({
    message: `The Hub has no repository at ${repoName(context)}, or it is private and this account cannot see it.`,
    fix: 'Check the name on the Hub: capital letters count, and datasets and Spaces have their own addresses. For a private repository, use a token (or SSH key) of an account that can see it.',
  }),
};

const AUTH_FAILED =
  /Invalid username or password|Authentication failed for|Invalid credentials in Authorization header|Invalid user token|the token seems invalid/i;
const NO_ANSWER =
  /could not read (?:Username|Password)|terminal prompts disabled|Cannot authenticate through git-credential as no helper is defined|401 Client Error|\b401 Unauthorized|remote: Authentication required|returned error: 401/i;

/** The address names one user and the token is saved for another, so the helper finds nothing. */
export const wrongUsername: FailureRule = {
  kind: 'wrong_username',
  source: 'git credential matching (a URL username must match the stored one); seed 003',
  matches: (text, context) =>
    (AUTH_FAILED.test(text) || NO_ANSWER.test(text)) &&
    context.transport !== 'ssh' &&
    context.urlUsername !== undefined &&
    context.storedUser !== undefined &&
    context.urlUsername !== context.storedUser,
  explain: (_text, context) => ({
    message: `The remote's address names the user “${context.urlUsername}”, but the token is saved for “${context.storedUser}”, so Git did not find it.`,
    fix: 'Remove the username from the remote’s address (the app can do it), or store the token again.',
    action: 'fix_username',
  }),
};

/** A credential the Hub refused: revoked, expired, mistyped or another account's (HUB-FACTS). */
export const tokenInvalid: FailureRule = {
  kind: 'token_invalid',
  source: 'HUB-FACTS; deepbeepmeep/Wan2GP#455; huggingface/huggingface_hub#2809',
  matches: says(AUTH_FAILED),
  explain: (_text, context) => ({
    message:
      'The token Git has saved for the Hub was refused: it was revoked, it expired, or it belongs to another account.',
    fix: 'Forget the saved token and paste a current one.',
    action: 'forget_and_reenter',
    link: tokensPage(context),
  }),
};

/**
 * No credential at all: git could not prompt, the Python library could not save one for git, or
 * a bare 401 (this table's choice for the Python library's "401 Client Error" without "Invalid
 * credentials": the request carried no token the Hub took, most often none). A private or missing
 * repository answers 401 without credentials too (huggingface_hub _http.py), hence the fix.
 */
export const noCredential: FailureRule = {
  kind: 'no_credential',
  source: 'HUB-FACTS "No terminal for a prompt"; huggingface/evaluate#56; huggingface/huggingface_hub#2586',
  matches: says(NO_ANSWER),
  explain: (text, context) => ({
    message: /could not read (?:Username|Password)|terminal prompts disabled/.test(text)
      ? 'Git has no token for the Hub, so it asked for a username and could not show the question.'
      : 'The Hub asked who you are, and no access token was sent.',
    fix: 'Paste an access token in the app; it saves it for Git. If you already have, check the repository’s name (capital letters count): the Hub answers the same for a private repository you cannot see and for one that does not exist.',
    action: 'forget_and_reenter',
    link: tokensPage(context),
  }),
};

/** The rows that are about access; on another host they become not_hub_remote. */
export const ACCESS_RULES: readonly FailureRule[] = [
  gated,
  lfsAuth,
  passwordRefused,
  disabled,
  readToken,
  fineGrainedNoWrite,
  orgRoleTooLow,
  noWriteAccess,
  readForbidden,
  noKey,
  keyNotOnAccount,
  notFound,
  wrongUsername,
  tokenInvalid,
  noCredential,
];

/**
 * Other hosts' own words for a refusal (GitHub's "ERROR: Permission to X denied to Y.",
 * tensorflow/tfhub.dev#143; GitLab's "HTTP Basic: Access denied"), which no Hub row knows.
 */
const OTHER_HOST_REFUSAL = /Permission to \S+ denied to|HTTP Basic: Access denied|returned error: 40[13]/;

/** Access failed on a remote that is not the Hub: the Hub's explanations would mislead. */
export const notHubRemote: FailureRule = {
  kind: 'not_hub_remote',
  source: 'the remote address (context.remoteHost); tensorflow/tfhub.dev#143',
  matches: (text, context) =>
    context.remoteHost === 'other' &&
    (OTHER_HOST_REFUSAL.test(text) || ACCESS_RULES.some((rule) => rule.matches(text, context))),
  explain: () => ({
    message:
      'This remote is not the Hub, so the app cannot tell why it refused you: Hub tokens and SSH keys on the Hub do not apply there.',
    fix: 'Check your access with the service that hosts this remote, or point the remote at the repository on the Hub.',
  }),
};

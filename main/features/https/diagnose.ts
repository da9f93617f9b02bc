import type { PushDiagnosisKind } from '../../../preload/contract';
import type { TokenSummary } from '../../hub/token';

// "Authentication failed" has many causes; the Hub's answer and what whoami says about the token
// together tell them apart (HUB-FACTS, "Tokens and HTTPS"). Messages follow the Hub's docs.

export type { PushDiagnosisKind };

export interface PushDiagnosis {
  readonly kind: PushDiagnosisKind;
  readonly message: string;
  readonly fix: string;
  /** What the app can do about it in one click. */
  readonly action?: 'forget_and_reenter' | 'new_write_token' | 'fix_username';
}

/** What the app knows besides git's output. */
export interface DiagnosisContext {
  readonly repo: string | undefined;
  readonly endpoint: string;
  /** The username written in the remote URL, if any. */
  readonly urlUsername: string | undefined;
  /** The username the helper holds a token for, if any. */
  readonly storedUser: string | undefined;
  /** whoami's answer for the stored token, when there is one and the Hub answered. */
  readonly summary: TokenSummary | undefined;
}

const settingsTokens = (endpoint: string): string => `${endpoint}/settings/tokens`;

/** What a token may do to a namespace, from whoami alone (before any push is tried). */
export function predictPush(
  summary: TokenSummary,
  repo: string,
): { readonly canPush: boolean; readonly reason: string } {
  const parts = repo.split('/');
  const namespace = (parts.length === 3 ? parts[1] : parts[0]) ?? '';
  if (summary.role === 'read')
    return { canPush: false, reason: 'This is a read token: it can clone, but the Hub refuses its pushes.' };
  const org = summary.orgs.find((candidate) => candidate.name === namespace);
  if (namespace !== summary.account && org === undefined)
    return {
      canPush: false,
      reason: `${repo} belongs to ${namespace}, and ${summary.account} is not a member of it.`,
    };
  if (org && (org.role === 'read' || org.role === 'contributor'))
    return {
      canPush: false,
      reason: `Your role in ${namespace} is “${org.role}”, which cannot push; an admin can raise it to “write”, or you can open a pull request on the Hub.`,
    };
  if (summary.role === 'fineGrained') {
    const scope = summary.scoped.find((entry) => entry.namespace === namespace);
    if (!scope?.permissions.includes('repo.write'))
      return {
        canPush: false,
        reason: `This fine-grained token has no write permission on ${namespace}’s repositories.`,
      };
    return { canPush: true, reason: `This fine-grained token may write to ${namespace}’s repositories.` };
  }
  if (summary.role === 'unknown')
    return { canPush: false, reason: 'The Hub did not say what this token may do.' };
  return { canPush: true, reason: `This write token can push to ${repo}.` };
}

/** Maps a failed (or successful) git push or fetch to its cause and fix. */
export function diagnose(exitCode: number | null, output: string, context: DiagnosisContext): PushDiagnosis {
  const text = output;
  const repo = context.repo ?? 'this repository';
  if (exitCode === 0)
    return { kind: 'ok', message: 'Git reached the Hub and was allowed in.', fix: 'Nothing to do.' };
  if (/Password authentication in git is no longer supported/i.test(text))
    return {
      kind: 'password_refused',
      message: 'Git sent your account password. The Hub stopped accepting passwords for Git in October 2023.',
      fix: 'Forget the saved password and paste an access token instead.',
      action: 'forget_and_reenter',
    };
  if (/repository is gated/i.test(text))
    return {
      kind: 'gated',
      message: `${repo} is gated: its owners must let you in before Git can read it.`,
      fix: `Open ${context.endpoint}/${repo} while signed in, accept its conditions, and wait for access to be granted.`,
    };
  if (/Invalid username or password/i.test(text))
    return {
      kind: 'stale_credential',
      message:
        'The token Git has saved for the Hub was refused: it was revoked, it expired, or it belongs to another account.',
      fix: 'Forget the saved token and paste a current one.',
      action: 'forget_and_reenter',
    };
  if (/could not read (Username|Password)|terminal prompts disabled|No such device or address/i.test(text)) {
    if (context.urlUsername && context.storedUser && context.urlUsername !== context.storedUser)
      return {
        kind: 'wrong_username',
        message: `The remote's address names the user “${context.urlUsername}”, but the token is saved for “${context.storedUser}”, so Git did not find it.`,
        fix: 'Remove the username from the remote’s address (the app can do it), or store the token again.',
        action: 'fix_username',
      };
    return {
      kind: 'no_credential',
      message: 'Git has no token for the Hub, so it asked for a username and could not show the question.',
      fix: 'Paste an access token in the app; it saves it for Git.',
      action: 'forget_and_reenter',
    };
  }
  const forbidden = /\bforbidden\b|\b403\b/i.test(text);
  if (forbidden || /Authorization error/i.test(text)) {
    const summary = context.summary;
    if (summary?.role === 'read' || (!summary && /DENIED update .*: forbidden$/m.test(text)))
      return {
        kind: 'read_token',
        message: 'The saved token is a read token: it can clone, but the Hub refuses its pushes.',
        fix: `Create a write token at ${settingsTokens(context.endpoint)}/new?tokenType=write, then paste it here.`,
        action: 'new_write_token',
      };
    const predicted = summary && context.repo ? predictPush(summary, context.repo) : undefined;
    if (
      summary?.role === 'fineGrained' &&
      predicted &&
      !predicted.canPush &&
      /fine-grained/.test(predicted.reason)
    )
      return {
        kind: 'fine_grained_no_write',
        message: predicted.reason,
        fix: `Edit the token at ${settingsTokens(context.endpoint)} to add write access to that namespace, or use a write token.`,
        action: 'new_write_token',
      };
    if (/create_pr|role in/i.test(text) || (predicted && /role in/i.test(predicted.reason)))
      return {
        kind: 'org_role_too_low',
        message: predicted?.reason ?? 'Your role in this organization cannot push.',
        fix: 'Ask an admin of the organization to make you a “write” member, or open a pull request on the Hub instead.',
      };
    return {
      kind: 'no_write_access',
      message: predicted?.reason ?? `The Hub refused the push to ${repo}: this account may not write there.`,
      fix: 'Push to a repository under your own name, or ask its owner for access.',
    };
  }
  if (/Repository not found|not found/i.test(text))
    return {
      kind: 'not_found',
      message: `The Hub has no repository at ${repo}, or it is private and the token cannot see it.`,
      fix: 'Check the name on the Hub; for a private repository, use a token of an account that can see it.',
    };
  if (/Could not resolve host|Failed to connect|Connection refused|timed out|SSL|certificate/i.test(text))
    return {
      kind: 'network',
      message: 'Git could not reach the Hub.',
      fix: 'Check the internet connection (and any proxy), then try again.',
    };
  if (/\[rejected\]|pre-receive hook declined|non-fast-forward|fetch first/i.test(text))
    return {
      kind: 'rejected',
      message: 'The Hub let Git in, but refused the changes themselves.',
      fix: 'Open Details for the Hub’s reason; if the remote is ahead, pull first.',
    };
  return {
    kind: 'unknown',
    message: 'Git stopped with an error the app does not recognise.',
    fix: 'Open Details for Git’s own words.',
  };
}

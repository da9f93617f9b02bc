import type { HubAccountView, HubNamespaceView } from '../../../preload/contract';
import { maskToken } from '../../core/redact';
import type { TokenSummary } from '../../hub/token';
import type { ApiTokenSource } from './api-token';

// The account the app uses for the Hub's API, as the screen shows it: where the token comes from,
// the namespaces it may create repositories in (and why not), and the check that the SSH key and
// the token are the same person's.

/**
 * Whether the token may create a repository in `namespace`, and why not in plain words. The roles
 * are hub-docs organizations-security.md's (read and no_access cannot; a contributor "can create
 * repos and then modify only those"; write and admin can); a fine-grained token needs repo.write
 * on the namespace (hub-docs security-tokens.md scopes); a browser sign-in (OAuth) says nothing of
 * its rights, so the app lets it try: the Hub decides, and its refusal is explained then.
 */
export function namespaceView(summary: TokenSummary, name: string, kind: 'user' | 'org'): HubNamespaceView {
  const no = (why: string): HubNamespaceView => ({ name, kind, canCreate: false, why });
  if (summary.role === 'read') return no('This is a read token: it cannot create repositories.');
  if (kind === 'org') {
    const role = summary.orgs.find((org) => org.name === name)?.role;
    if (role === 'read' || role === 'no_access')
      return no(`Your role in ${name} is “${role}”, which cannot create repositories there.`);
  }
  if (
    summary.role === 'fineGrained' &&
    !summary.scoped.some((scope) => scope.namespace === name && scope.permissions.includes('repo.write'))
  )
    return no(`This fine-grained token has no write permission on ${name}’s repositories.`);
  return { name, kind, canCreate: true, why: null };
}

/** The account first, then its organizations (whoami-v2's `orgs`). */
export function namespacesOf(summary: TokenSummary): readonly HubNamespaceView[] {
  return [
    namespaceView(summary, summary.account, 'user'),
    ...summary.orgs.map((org) => namespaceView(summary, org.name, 'org')),
  ];
}

/** One plain sentence when the SSH greeting and the token name different accounts; else null. */
export function mismatchSentence(sshUser: string | null, tokenUser: string | null): string | null {
  if (!sshUser || !tokenUser || sshUser === tokenUser) return null;
  return `Your SSH key signs in as ${sshUser}, but the access token is ${tokenUser}’s: pushes over SSH go to ${sshUser}’s account, while repositories the app creates and pull requests it opens are ${tokenUser}’s.`;
}

/** The view of the API account (never the token itself: only its masked form). */
export function accountView(
  auth:
    | { readonly source: ApiTokenSource; readonly token: string; readonly summary: TokenSummary | null }
    | undefined,
  sshUser: string | null,
): HubAccountView {
  if (!auth)
    return { source: null, user: null, masked: null, role: null, namespaces: [], sshUser, mismatch: null };
  const { summary } = auth;
  const user = summary?.account ?? null;
  return {
    source: auth.source,
    user,
    masked: maskToken(auth.token),
    role: summary?.role ?? null,
    namespaces: summary ? namespacesOf(summary) : [],
    sshUser,
    mismatch: mismatchSentence(sshUser, user),
  };
}

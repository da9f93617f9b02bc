import { namespaceOf, repoIdOf } from './text';
import type { FailureContext, FailureKind, WhoamiSummary } from './types';

// Why the Hub refuses a push, from whoami alone. The Hub's refusal reads the same for every cause
// (`DENIED update refs/heads/main: forbidden`, huggingface_hub#937; the git wording of the other
// causes is unverified, HUB-FACTS), so the token summary tells them apart. The reasoning mirrors
// main/features/https/diagnose.ts predictPush, which this table replaces.

/** A refusal the token summary explains, in the words a screen shows. */
export interface WriteRefusal {
  readonly kind: Extract<
    FailureKind,
    'read_token' | 'fine_grained_no_write' | 'org_role_too_low' | 'no_write_access'
  >;
  readonly message: string;
  /**
   * Whether whoami alone settles it. A contributor may push to the organization's repositories
   * they created (hub-docs organizations-security.md), which whoami does not list: a refused push
   * is explained by the role, but a dry run is not predicted to fail.
   */
  readonly certain: boolean;
}

/** Roles that cannot push to an organization's repositories (hub-docs organizations-security.md). */
const ROLES_WITHOUT_WRITE = new Set(['read', 'contributor', 'no_access']);

/** Whether a fine-grained token's scopes grant repo.write on the repository or its namespace. */
function scopedWrite(whoami: WhoamiSummary, repo: string): boolean {
  const namespace = namespaceOf(repo);
  const id = repoIdOf(repo);
  return whoami.scoped.some(
    (scope) =>
      (scope.namespace === namespace || scope.namespace === id) && scope.permissions.includes('repo.write'),
  );
}

/**
 * What keeps this token from pushing to the repository, or undefined when whoami says it may (or
 * says too little to tell). A read token needs no repository to be explained.
 */
export function writeRefusal(whoami: WhoamiSummary, repo: string | undefined): WriteRefusal | undefined {
  if (whoami.role === 'read')
    return {
      kind: 'read_token',
      message: 'The saved token is a read token: it can clone, but the Hub refuses its pushes.',
      certain: true,
    };
  if (!repo) return undefined;
  const namespace = namespaceOf(repo);
  const org = whoami.orgs.find((candidate) => candidate.name === namespace);
  if (namespace !== whoami.account && org === undefined)
    return {
      kind: 'no_write_access',
      message: `${repo} belongs to ${namespace}, and ${whoami.account} is not a member of it.`,
      certain: true,
    };
  if (org?.role && ROLES_WITHOUT_WRITE.has(org.role))
    return {
      kind: 'org_role_too_low',
      message:
        org.role === 'contributor'
          ? `Your role in ${namespace} is “contributor”: it may push only to repositories you created there.`
          : `Your role in ${namespace} is “${org.role}”, which cannot push.`,
      certain: org.role !== 'contributor',
    };
  if (whoami.role === 'fineGrained' && !scopedWrite(whoami, repo))
    return {
      kind: 'fine_grained_no_write',
      message: `This fine-grained token has no write permission on ${namespace}’s repositories.`,
      certain: true,
    };
  return undefined;
}

/** The refusal the context explains, if whoami describes the credential that was used (HTTPS). */
export function contextRefusal(context: FailureContext): WriteRefusal | undefined {
  if (context.transport === 'ssh' || !context.whoami) return undefined;
  return writeRefusal(context.whoami, context.repo);
}

/**
 * Without whoami: a refused push to the stored account's own namespace can only be the token's
 * doing (a read token, most often: huggingface_hub#937), since the account owns the repository.
 */
export function ownNamespace(context: FailureContext): boolean {
  if (!context.repo) return false;
  const namespace = namespaceOf(context.repo);
  return namespace === context.storedUser || namespace === context.urlUsername;
}

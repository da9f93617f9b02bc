import { writeRefusal } from '../../git/failures';
import type { TokenSummary } from '../../hub/token';

// What a saved token may do to a repository, from whoami alone, before any push is tried (the
// "Use it" screen's prediction). The reasoning is the failure table's (git/failures/permissions),
// so a prediction and the explanation of a refused push never disagree; where whoami cannot
// tell (who created a repository, what a browser sign-in may write), the prediction says so and
// leans towards letting the person try: it never stops a push.

const namespaceOf = (repo: string): string => {
  const parts = repo.split('/');
  return (parts.length === 3 ? parts[1] : parts[0]) ?? '';
};

/** Whether the token can push to `repo` (NAME/REPO or TYPE/NAME/REPO), and why in plain words. */
export function predictPush(
  summary: TokenSummary,
  repo: string,
): { readonly canPush: boolean; readonly reason: string } {
  const namespace = namespaceOf(repo);
  const refusal = writeRefusal(summary, repo);
  // hub-docs organizations-security.md: a contributor writes the repositories it created in the
  // organization; whoami does not say who created one, so this may well be one of them.
  const role = summary.orgs.find((org) => org.name === namespace)?.role;
  if (refusal?.kind === 'org_role_too_low' && role === 'contributor')
    return {
      canPush: true,
      reason: `Your role in ${namespace} is “contributor”: the Hub lets you push to ${repo} only if you created it. The Hub does not say who created it, so try the push.`,
    };
  if (refusal) return { canPush: false, reason: refusal.message };
  if (summary.kind === 'oauth')
    return {
      canPush: true,
      reason: `You signed in through the browser (an OAuth token): the Hub does not say what it may write, so it can push to ${repo} if you gave it write access when you signed in.`,
    };
  if (summary.role === 'unknown')
    return { canPush: false, reason: 'The Hub did not say what this token may do.' };
  if (summary.role === 'fineGrained') {
    const id = repo.replace(/^(?:datasets|spaces)\//, '');
    const single = summary.scoped.some(
      (scope) => scope.namespace === id && scope.permissions.includes('repo.write'),
    );
    return {
      canPush: true,
      reason: single
        ? `This fine-grained token may write to ${id}.`
        : `This fine-grained token may write to ${namespace}’s repositories.`,
    };
  }
  return { canPush: true, reason: `This write token can push to ${repo}.` };
}

import { writeRefusal } from '../../git/failures';
import type { TokenSummary } from '../../hub/token';

// What a saved token may do to a repository, from whoami alone, before any push is tried (the
// "Use it" screen's prediction). The reasoning is the failure table's (git/failures/permissions),
// so a prediction and the explanation of a refused push never disagree.

/** Whether the token can push to `repo` (NAME/REPO or TYPE/NAME/REPO), and why in plain words. */
export function predictPush(
  summary: TokenSummary,
  repo: string,
): { readonly canPush: boolean; readonly reason: string } {
  const refusal = writeRefusal(summary, repo);
  if (refusal) return { canPush: false, reason: refusal.message };
  if (summary.role === 'unknown')
    return { canPush: false, reason: 'The Hub did not say what this token may do.' };
  if (summary.role === 'fineGrained') {
    const parts = repo.split('/');
    const namespace = (parts.length === 3 ? parts[1] : parts[0]) ?? '';
    return { canPush: true, reason: `This fine-grained token may write to ${namespace}’s repositories.` };
  }
  return { canPush: true, reason: `This write token can push to ${repo}.` };
}

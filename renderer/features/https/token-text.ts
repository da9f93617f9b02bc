import type { TokenReport } from '../../../preload/contract';

// What a token may do, in the words the wizard uses; pure, so the wording is tested.

/** One line for the token's role. */
export function roleText(report: Pick<TokenReport, 'role'>): string {
  switch (report.role) {
    case 'read':
      return 'Read: it can clone and download, but it cannot push.';
    case 'write':
      return 'Write: it can clone and push to your repositories and those of organizations where you may write.';
    case 'fineGrained':
      return 'Fine-grained: it may do only what was ticked for it, namespace by namespace (below).';
    default:
      return 'The Hub did not say what this token may do; a push will tell.';
  }
}

/** "read and write", "read only", "no repository access" for a fine-grained scope. */
export function permissionsText(permissions: readonly string[]): string {
  const read = permissions.some(
    (permission) => permission === 'repo.content.read' || permission === 'repo.write',
  );
  const write = permissions.includes('repo.write');
  if (write) return 'can read and push';
  if (read) return 'can read, cannot push';
  return 'no access to repositories';
}

/** When the token stops working, in words, or null when it does not expire. */
export function expiryText(expiresAt: string | null, now: Date = new Date()): string | null {
  if (!expiresAt) return null;
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return null;
  const days = Math.ceil((date.getTime() - now.getTime()) / 86_400_000);
  const day = date.toISOString().slice(0, 10);
  if (days <= 0) return `It expired on ${day}.`;
  if (days <= 7)
    return `It expires in ${days} day${days === 1 ? '' : 's'} (${day}); create a new one before then.`;
  return `It expires on ${day}.`;
}

/** Whether the wizard should warn that pushes will fail with this token. */
export function cannotPush(report: Pick<TokenReport, 'role' | 'scoped'>): boolean {
  if (report.role === 'read') return true;
  if (report.role === 'fineGrained')
    return !report.scoped.some((scope) => scope.permissions.includes('repo.write'));
  return false;
}

/** The Hub's form for a new token, prefilled as the Hub's own docs link it. */
export function newTokenUrl(endpoint: string, type: 'write' | 'fineGrained' = 'write'): string {
  return `${endpoint}/settings/tokens/new?tokenType=${type}`;
}

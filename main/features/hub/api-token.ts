// The token the app uses for the Hub's API, and where it comes from. SSH keys cannot call the API,
// so people on the SSH route give one when an API action first needs it.
// PLACEHOLDER-ISSUE-14: the body is the api helper's (branch p14-api); the signature is fixed.
import type { HandlerContext } from '../../ipc/dispatch';
import type { ApiAuth } from '../../hub/hub-api';

/** Where the API token came from (HubAccountView.source). */
export type ApiTokenSource = 'env' | 'session' | 'git';

/**
 * The API token, in this order: HF_TOKEN in the app's environment (the Hub libraries' convention),
 * the one given for this run (useApiToken), the one saved for git; undefined when there is none.
 */
export async function apiAuth(
  _context: HandlerContext,
): Promise<(ApiAuth & { readonly source: ApiTokenSource; readonly user: string | null }) | undefined> {
  throw new Error('PLACEHOLDER-ISSUE-14: apiAuth not built yet');
}

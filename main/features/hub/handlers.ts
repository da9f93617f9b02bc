// PLACEHOLDER-ISSUE-14: the Hub's API operations (api helper, branch p14-api).
import type { HandlerTable } from '../../ipc/dispatch';
import { fail } from '../../ipc/result';
import { z } from 'zod';

type HubOps =
  | 'hubAccount'
  | 'useApiToken'
  | 'createHubRepo'
  | 'hubRepoExists'
  | 'listHubRepos'
  | 'listPullRequests'
  | 'openPullRequest'
  | 'pushToPullRequest'
  | 'spaceRuntime';

const placeholder = {
  schema: z.any(),
  handle: async () => fail('internal', 'Not built yet (PLACEHOLDER-ISSUE-14).', 'Wait for the next version.'),
};

/** The Hub's API: the account, creating and listing repositories, pull requests, Spaces. */
export function hubHandlers(): HandlerTable<HubOps> {
  return {
    hubAccount: placeholder,
    useApiToken: placeholder,
    createHubRepo: placeholder,
    hubRepoExists: placeholder,
    listHubRepos: placeholder,
    listPullRequests: placeholder,
    openPullRequest: placeholder,
    pushToPullRequest: placeholder,
    spaceRuntime: placeholder,
  } as HandlerTable<HubOps>;
}

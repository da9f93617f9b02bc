import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

// Thin wrappers over the bridge for pull requests on the Hub and for unlocking the app's SSH key
// in place; the long runs (open, push to one) report progress by runId like a push.

/** The open pull requests of the repository's Hub remote. */
export const listPullRequests = (path: string) => settle(() => getBridge().listPullRequests({ path }));

/** Creates a pull request and pushes the branch to its `refs/pr/N`, as a call withProgress starts. */
export const openPullRequestCall = (path: string, title: string, description: string) => (runId: string) =>
  getBridge().openPullRequest({ runId, path, title, description });

/** Pushes the branch's commits to an open pull request, as a call withProgress starts. */
export const pushToPullRequestCall = (path: string, num: number) => (runId: string) =>
  getBridge().pushToPullRequest({ runId, path, num });

/** The last commit's subject, for the pull request's title; null when it cannot be read. */
export async function lastCommitSubject(path: string): Promise<string | null> {
  const result = await settle(() => getBridge().commitHistory({ path, skip: 0, limit: 1 }));
  return result.ok ? (result.value.commits[0]?.summary ?? null) : null;
}

/** Adds the app's SSH key to the agent with its passphrase (it goes to main and no further). */
export const unlockKey = (name: string, passphrase: string) =>
  settle(() => getBridge().addKeyToAgent({ name, passphrase }));

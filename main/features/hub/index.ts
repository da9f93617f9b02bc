// The Hub's API: the account for API actions, creating and listing repositories, pull requests, Spaces.
export { hubHandlers } from './handlers';
export { apiAuth, forgetRunToken, setRunToken, type ApiTokenSource } from './api-token';
export { accountView, mismatchSentence, namespaceView, namespacesOf } from './account';
export { cloneDestination, DEFAULT_FOLDER, shownDefaultFolder } from './repo-list';
export {
  cancelPullRequestRun,
  hubRemoteOf,
  pullRequestView,
  pushToPrRef,
  type HubRemoteOf,
  type PrPush,
} from './pull-requests';
export { spaceRuntimeView } from './space-status';

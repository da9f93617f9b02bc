// The Hub's API: the account for API actions, creating and listing repositories, pull requests, Spaces.
export { hubHandlers } from './handlers';
export { apiAuth, type ApiTokenSource } from './api-token';

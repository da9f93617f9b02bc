// Repositories: clone, changes, commit, push and pull with progress, large files, fork, recent.
export { repoHandlers } from './handlers';
export { repoReport, formatRepoReport } from './report';

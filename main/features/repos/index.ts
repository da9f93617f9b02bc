// Repositories: clone, changes, commit, push and pull with progress, large files, fork, recent.
export { repoHandlers } from './handlers';
export { repoReport, formatRepoReport } from './report';
export { safetyHandlers } from './safety/handlers';
export { recoveryHandlers } from './recovery/handlers';
export { historyHandlers } from './history/handlers';
export { rulesHandlers } from './rules/handlers';
// The conflicted files and what is in progress, for RepoState (state.ts) and any gate before a push.
export { readConflicts } from '../../git/conflicts';
// The gate every push shares (the token screen's too): nothing is pushed mid-merge or with files unmerged.
export { refuseWhileInProgress } from './safety/pull';
export { SafetyError } from './safety/errors';
export { readRecent, type RecentRepo } from './recent';
// Files over 5 GB: the app's multipart uploader, set up before the push that needs it.
export { largeFilesBeforePush, setUpLargeFiles } from './large-files';

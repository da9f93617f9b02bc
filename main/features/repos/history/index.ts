// Diffs, history, fetch and the watcher: what the rest of the repos feature may use.
export { historyHandlers, type HistoryOptions } from './handlers';
export { FetchTracker } from './fetch-tracker';

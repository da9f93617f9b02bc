import type { AppSession } from '../../../core/session';
import { FetchTracker } from './fetch-tracker';

// One fetch memory per running app instance (its session), shared by the fetch handlers, the
// repository state (RepoState.fetch) and push and pull (which wait for a running fetch).
const trackers = new WeakMap<AppSession, FetchTracker>();

/** The fetch memory of the app instance that owns `session`. */
export function fetchesOf(session: AppSession): FetchTracker {
  let tracker = trackers.get(session);
  if (!tracker) {
    tracker = new FetchTracker();
    trackers.set(session, tracker);
  }
  return tracker;
}

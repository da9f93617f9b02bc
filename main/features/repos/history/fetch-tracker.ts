import type { FetchView } from '../../../../preload/contract';
import type { GitContext } from '../../../git/core';
import { fetchRemote } from '../../../git/fetch';
import { listRemotes, mainRemote } from '../../../git/remotes';
import { aheadBehind } from '../../../git/rev-list';

// Fetching the Hub remote by itself (issue 12, item 3: when a repository opens, on Refresh, on
// focus, every few minutes): throttled, one run at a time per repository, cancellable, and
// silent when the Hub cannot be reached (the screen shows a small offline note, nothing more).

/** A fetch less than this after the last one answers with the last one (unless forced). */
export const FETCH_THROTTLE_MS = 60_000;

/** What is remembered of one repository's fetches. */
interface Memory {
  view: FetchView;
  /** When the last attempt ended (worked or not), for the throttle. */
  endedAt: number;
}

/** A fetch that is running: the one answer every caller waits for, and its Cancel. */
interface Running {
  readonly answer: Promise<FetchView | 'cancelled'>;
  readonly stop: AbortController;
}

/** What a fetch needs to know about where it runs. */
export interface FetchPlace {
  readonly git: GitContext;
  /** The repository's top folder (checkRepoPath's answer): the key of what is remembered. */
  readonly top: string;
  readonly hub: { readonly endpoint: string; readonly sshHost: string };
}

/**
 * The fetches of one app instance: the last answer per repository, the running one to join or
 * cancel. The repository state reads `last(top)` into RepoState.fetch.
 */
export class FetchTracker {
  private readonly memory = new Map<string, Memory>();
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly timeoutMs?: number,
  ) {}

  /** The last FetchView of the repository at `top`, or null when it was never fetched here. */
  last(top: string): FetchView | null {
    return this.memory.get(top)?.view ?? null;
  }

  /**
   * Resolves when no fetch of `top` runs: a pull or push waits for it first, so two git runs never
   * race for the same remote-tracking ref's lock ("cannot lock ref").
   */
  async idle(top: string): Promise<void> {
    await this.running.get(top)?.answer.catch(() => undefined);
  }

  /**
   * Fetches unless a fetch ended less than a minute ago, joining one that runs. A remembered
   * answer gets the branch's distance read again (a commit since then changes `ahead`).
   */
  async fetch(place: FetchPlace, force: boolean): Promise<FetchView | 'cancelled'> {
    const going = this.running.get(place.top);
    if (going) return going.answer;
    const remembered = this.memory.get(place.top);
    if (!force && remembered && this.now() - remembered.endedAt < FETCH_THROTTLE_MS) {
      remembered.view = { ...remembered.view, ...(await aheadBehind(place.git, place.top)) };
      return remembered.view;
    }
    const stop = new AbortController();
    const answer = this.run(place, stop.signal).finally(() => this.running.delete(place.top));
    this.running.set(place.top, { answer, stop });
    return answer;
  }

  /** Stops the fetch of `top` that is running, if one is; its callers are told it was cancelled. */
  cancel(top: string): boolean {
    const going = this.running.get(top);
    going?.stop.abort();
    return going !== undefined;
  }

  private async run(place: FetchPlace, signal: AbortSignal): Promise<FetchView | 'cancelled'> {
    const { git, top } = place;
    const before = this.memory.get(top)?.view;
    const remote = mainRemote(await listRemotes(git, top, place.hub));
    let at = before?.at ?? null;
    let offline = false;
    if (remote) {
      const result = await fetchRemote(git, top, remote.name, {
        signal,
        ...(this.timeoutMs === undefined ? {} : { timeoutMs: this.timeoutMs }),
      });
      if (result.cancelled) return 'cancelled';
      // Any failure is the offline note: the Hub unreachable, slow, or refusing. Push and pull
      // explain a refusal in full when the person asks for them.
      if (result.ok) at = new Date(this.now()).toISOString();
      else offline = true;
    }
    // With no remote there is nothing to fetch: no network call, never offline.
    const view: FetchView = { at: remote ? at : null, offline, ...(await aheadBehind(git, top)) };
    this.memory.set(top, { view, endedAt: this.now() });
    return view;
  }
}

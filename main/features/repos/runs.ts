import type { ProgressEvent } from '../../git/progress';

/**
 * The long runs (clones, pushes, pulls, forks) going on in one app instance, each under the id
 * the renderer chose, so `cancelRepoRun` can stop it and its progress events can be matched.
 */
export class RunRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` under `runId`, streaming progress through `emit`; one run per id at a time. */
  async track<T>(
    runId: string,
    emit: (event: ProgressEvent) => void,
    work: (signal: AbortSignal, onProgress: (event: ProgressEvent) => void) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(runId)) throw new Error('That run is already going.');
    const controller = new AbortController();
    this.running.set(runId, controller);
    try {
      return await work(controller.signal, emit);
    } finally {
      this.running.delete(runId);
    }
  }

  /** Stops the run; an id that is not running is not an error (it may have just finished). */
  cancel(runId: string): void {
    this.running.get(runId)?.abort();
  }
}

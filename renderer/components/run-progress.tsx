import type { Events } from '../../preload/contract';

/** The words for a run that has gone quiet (issue 16: "No data from the Hub for 30 s"). */
export function stallText(seconds: number): string {
  return `No data from the Hub for ${Math.max(1, Math.round(seconds))} s.`;
}

/**
 * A progress bar fed by git's and git-lfs's own progress (main's one model, in bytes where
 * known), with what they are doing and Cancel; while nothing comes from the Hub it says so and
 * offers Retry beside Cancel, since a stalled transfer rarely recovers on its own.
 */
export function RunProgress({
  label,
  event,
  onCancel,
  onRetry,
}: {
  readonly label: string;
  readonly event: Events['repoProgress'] | null;
  readonly onCancel: () => void;
  /** Stops the run and starts it again; offered while the run is stalled. */
  readonly onRetry?: () => void;
}) {
  const percent = event?.percent ?? 0;
  const stalled = event?.stalledSeconds;
  return (
    <div className={`run-progress${stalled === undefined ? '' : ' run-progress--stalled'}`}>
      <div className="run-progress__row">
        <progress className="run-progress__bar" max={100} value={percent} aria-label={label} />
        <span className="run-progress__percent" aria-hidden="true">
          {Math.floor(percent)}%
        </span>
        {stalled !== undefined && onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="run-progress__detail" role="status" aria-live="polite">
        {stalled === undefined
          ? (event?.detail ?? 'Starting…')
          : `${stallText(stalled)} ${event?.detail ?? ''}`}
      </p>
    </div>
  );
}

import type { Events } from '../../preload/contract';

/** A progress bar fed by git's and git-lfs's own progress, with what they are doing and Cancel. */
export function RunProgress({
  label,
  event,
  onCancel,
}: {
  readonly label: string;
  readonly event: Events['repoProgress'] | null;
  readonly onCancel: () => void;
}) {
  const percent = event?.percent ?? 0;
  return (
    <div className="run-progress">
      <div className="run-progress__row">
        <progress className="run-progress__bar" max={100} value={percent} aria-label={label} />
        <span className="run-progress__percent" aria-hidden="true">
          {Math.floor(percent)}%
        </span>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="run-progress__detail" role="status" aria-live="polite">
        {event?.detail ?? 'Starting…'}
      </p>
    </div>
  );
}

import type { AppError } from '../../preload/contract';
import { errorHeadline } from '../lib/error-text';
import { linkLabel } from '../lib/outcome-text';
import { ExternalLink } from './external-link';

interface ErrorPanelProps {
  readonly error: AppError;
  /** Offered as a button when the failed action can simply be tried again. */
  readonly onRetry?: () => void;
  readonly retryLabel?: string;
}

/**
 * Every failure looks the same: a headline for the kind of trouble, what happened, what to do,
 * and the raw output tucked away for anyone helping.
 */
export function ErrorPanel({ error, onRetry, retryLabel = 'Try again' }: ErrorPanelProps) {
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-panel__headline">{errorHeadline(error.code)}</h2>
      <p>{error.message}</p>
      <p>
        <strong>What to do: </strong>
        {error.hint}
      </p>
      {error.outcome?.action && error.outcome.link ? (
        <p>
          <ExternalLink href={error.outcome.link}>{linkLabel(error.outcome.action)}</ExternalLink>
        </p>
      ) : null}
      {error.details ? (
        <details className="error-panel__details">
          <summary>Details</summary>
          <pre tabIndex={0} aria-label="Details">
            {error.details}
          </pre>
        </details>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}

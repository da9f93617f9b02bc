import type { FailureAction, Outcome } from '../../preload/contract';
import { ACTION_LABELS, linkLabel, outcomeTitle } from '../lib/outcome-text';
import { ExternalLink } from './external-link';

export interface OutcomePanelProps {
  readonly outcome: Outcome;
  /** What git, git-lfs or ssh printed, for the Details disclosure (secrets already redacted). */
  readonly output?: string;
  /** The headline when it worked (the table's "ok" words are generic). */
  readonly okTitle?: string;
  /** The body when it worked, instead of the table's words. */
  readonly okText?: string;
  /** The one-click actions this screen can carry out; any other action with a link is a link. */
  readonly actions?: Partial<Record<FailureAction, () => void>>;
}

/**
 * Every answer of the failure table looks the same on every screen: what happened, what to do,
 * the files it names, the one click that fixes it where the screen can do it (or the Hub page to
 * open), and git's own words tucked away for anyone helping.
 */
export function OutcomePanel({ outcome, output, okTitle, okText, actions = {} }: OutcomePanelProps) {
  const good = outcome.kind === 'ok';
  const onAction = outcome.action ? actions[outcome.action] : undefined;
  return (
    <div
      className={`verdict verdict--${good ? 'ok' : 'error'}`}
      role={good ? 'status' : 'alert'}
      data-kind={outcome.kind}
    >
      <p className="verdict__title">{outcomeTitle(outcome, okTitle)}</p>
      {good ? (
        okText ? (
          <p>{okText}</p>
        ) : null
      ) : (
        <p>
          <strong>What to do: </strong>
          {outcome.fix}
        </p>
      )}
      {/* unlock_key's one entry is the key's name, which its passphrase field says. */}
      {!good && outcome.files && outcome.files.length > 0 && outcome.action !== 'unlock_key' ? (
        <ul className="verdict__files" aria-label="Files">
          {outcome.files.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.action && onAction ? (
        <button type="button" className="button" onClick={onAction}>
          {ACTION_LABELS[outcome.action]}
        </button>
      ) : outcome.action && outcome.link ? (
        <p>
          <ExternalLink href={outcome.link}>{linkLabel(outcome.action)}</ExternalLink>
        </p>
      ) : null}
      {output ? (
        <details className="verdict__details">
          <summary>Details</summary>
          <pre className="code-block" tabIndex={0} aria-label="Git’s output">
            {output}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

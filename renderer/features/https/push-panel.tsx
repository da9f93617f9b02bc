import type { PushCheck } from '../../../preload/contract';
import { ExternalLink } from '../../components/external-link';
import { newTokenUrl } from './token-text';

/** A push check to explain, and what its fix buttons do. */
export interface PushPanelProps {
  readonly check: PushCheck;
  readonly endpoint: string;
  readonly onForget: () => void;
  readonly onFixUsername: () => void;
}

/** The outcome of a push, with the one-click fix when there is one. */
export function PushPanel({ check, endpoint, onForget, onFixUsername }: PushPanelProps) {
  const good = check.kind === 'ok';
  return (
    <div className={`verdict verdict--${good ? 'ok' : 'error'}`} role={good ? 'status' : 'alert'}>
      <p className="verdict__title">
        {good ? (check.dryRun ? 'The Hub would accept this push.' : 'Pushed.') : check.message}
      </p>
      {good ? (
        <p>{check.dryRun ? 'Git signed in with your token; nothing was sent yet.' : check.message}</p>
      ) : null}
      {!good ? (
        <p>
          <strong>What to do: </strong>
          {check.fix}
        </p>
      ) : null}
      {check.action === 'forget_and_reenter' ? (
        <button type="button" className="button" onClick={onForget}>
          Forget the saved token and paste a new one
        </button>
      ) : null}
      {check.action === 'new_write_token' ? (
        <p>
          <ExternalLink href={newTokenUrl(endpoint)}>Create a write token on the Hub</ExternalLink>
        </p>
      ) : null}
      {check.action === 'fix_username' ? (
        <button type="button" className="button" onClick={onFixUsername}>
          Remove the username from the address
        </button>
      ) : null}
      {check.output ? (
        <details className="verdict__details">
          <summary>Details</summary>
          <pre className="code-block" tabIndex={0} aria-label="Git’s output">
            {check.output}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

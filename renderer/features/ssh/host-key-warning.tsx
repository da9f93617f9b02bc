import type { AppError, HostKeyStatus } from '../../../preload/contract';

interface HostKeyWarningProps {
  /** What known_hosts holds, when the app read it before writing anything. */
  readonly status?: HostKeyStatus;
  /** main's refusal, when the mismatch was only found while pinning. */
  readonly error?: AppError;
  readonly onReplace: () => void;
}

/**
 * The one red screen of the setup: the key this computer recorded for the Hub is not the Hub's. It
 * may be interception, so nothing changes unless the person explicitly asks for the replacement.
 */
export function HostKeyWarning({ status, error, onReplace }: HostKeyWarningProps) {
  return (
    <section className="danger" role="alert" aria-labelledby="host-key-warning-title">
      <h2 id="host-key-warning-title" className="danger__title">
        Warning: the Hub’s key does not match
      </h2>
      {status ? (
        <>
          <p>
            This computer has recorded a different key for <code>{status.host}</code> in{' '}
            <code>{status.knownHostsPath}</code>:
          </p>
          <ul className="fingerprints">
            {status.mismatches.map((entry) => (
              <li key={`${entry.line}-${entry.fingerprint}`}>
                line {entry.line}: {entry.type} <code className="fingerprint">{entry.fingerprint}</code>
              </li>
            ))}
          </ul>
          <p>The Hub publishes:</p>
          <ul className="fingerprints">
            {status.pinned.map((key) => (
              <li key={key.fingerprint}>
                {key.type} <code className="fingerprint">{key.fingerprint}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? <p>{error.message}</p> : null}
      <p>
        Someone on this network may be intercepting your connection to the Hub, or the recorded key may simply
        be out of date. <strong>Nothing has been changed.</strong>
      </p>
      <p>
        If you are on a network you trust (not public Wi-Fi), replace the recorded key; the old file is kept
        as a backup. Otherwise, stop here and try again from another network.
      </p>
      <button type="button" className="button button--danger" onClick={onReplace}>
        Replace the recorded key
      </button>
    </section>
  );
}

import { useCallback, useState } from 'react';
import type { AppError, SpaceRuntimeView } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { ExternalLink } from '../../components/external-link';
import * as hub from './hub-service';
import { usePoll } from './use-poll';

export interface SpaceStatusProps {
  /** NAME/REPO of the Space. */
  readonly space: string;
}

/** How often the Space's stage is asked again while it builds (the Hub's page refreshes as often). */
export const SPACE_POLL_MS = 3000;

/** The Space's runtime stage, asked again until it settles (RUNNING, an error, paused…). */
export function SpaceStatus(props: SpaceStatusProps) {
  const [runtime, setRuntime] = useState<SpaceRuntimeView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const tick = useCallback(async () => {
    const result = await hub.spaceRuntime(props.space);
    if (!result.ok) {
      setError(result.error);
      return true;
    }
    setError(null);
    setRuntime(result.value);
    return result.value.settled;
  }, [props.space]);
  usePoll(tick, SPACE_POLL_MS, true);

  const good = runtime?.stage === 'RUNNING' || runtime?.stage === 'RUNNING_BUILDING';
  const failed = runtime ? /ERROR$/.test(runtime.stage) : false;
  return (
    <section className="panel" aria-labelledby="space-status-title">
      <h2 className="panel__title" id="space-status-title">
        Your Space {props.space}
      </h2>
      {error ? <ErrorPanel error={error} /> : null}
      <div
        className={`verdict verdict--${good ? 'ok' : failed ? 'error' : 'warn'}`}
        role="status"
        aria-live="polite"
        data-stage={runtime?.stage ?? 'ASKING'}
      >
        <p className="verdict__title">
          {runtime ? runtime.message : 'Asking the Hub how the Space is doing…'}
        </p>
        {runtime && !runtime.settled ? <p>The app asks again every few seconds.</p> : null}
        {runtime?.errorMessage ? <pre className="code-block">{runtime.errorMessage}</pre> : null}
      </div>
      {runtime ? (
        <ul className="plain-list">
          <li>
            <ExternalLink href={runtime.url}>Open the Space on the Hub</ExternalLink>
          </li>
          <li>
            <ExternalLink href={runtime.logsUrl}>See its logs</ExternalLink>
          </li>
        </ul>
      ) : null}
    </section>
  );
}

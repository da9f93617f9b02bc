import { useCallback, useState } from 'react';
import type { RepoKind } from '../../../preload/contract';
import * as hub from './hub-service';
import { usePoll } from './use-poll';

/** How often the app asks whether the repository made on the Hub's page exists yet. */
export const EXISTS_POLL_MS = 3000;

/**
 * While the person creates the repository on the Hub's own page: asks every few seconds whether
 * it exists, and says so when it does.
 */
export function WaitForRepo({
  kind,
  id,
  onFound,
  onStop,
}: {
  readonly kind: RepoKind;
  readonly id: string;
  readonly onFound: () => void;
  readonly onStop: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const tick = useCallback(async () => {
    const result = await hub.hubRepoExists(kind, id);
    if (!result.ok) {
      setProblem(`${result.error.message} ${result.error.hint}`);
      return false;
    }
    setProblem(null);
    if (result.value.exists) onFound();
    return result.value.exists;
  }, [kind, id, onFound]);
  usePoll(tick, EXISTS_POLL_MS, true);
  return (
    <div role="status" aria-live="polite">
      <p>
        Waiting for the repository {id}… Create it on the Hub’s page that opened; the app notices by itself.
      </p>
      {problem ? <p className="inline-error">{problem}</p> : null}
      <button type="button" className="button" onClick={onStop}>
        Stop waiting
      </button>
    </div>
  );
}

import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../../preload/contract';
import { ErrorPanel } from '../../../components/error-panel';
import { OutcomePanel } from '../../../components/outcome-panel';
import { useAppStore } from '../../../store/app-store';

/**
 * What a failed action on the open repository came to. A stale git lock is the failure table's
 * answer with its one click ("Remove the stale lock", which main offers only when it is safe);
 * every other failure is the usual error panel.
 */
export function RepoError({ error }: { readonly error: AppError }) {
  const { removeLock } = useAppStore(useShallow((store) => ({ removeLock: store.removeRepoLock })));
  const lock = error.outcome?.action === 'remove_stale_lock' ? error.outcome.files?.[0] : undefined;
  if (!error.outcome || lock === undefined) return <ErrorPanel error={error} />;
  return (
    <OutcomePanel
      outcome={error.outcome}
      {...(error.details === undefined ? {} : { output: error.details })}
      actions={{ remove_stale_lock: () => void removeLock(lock) }}
    />
  );
}

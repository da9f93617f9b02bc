import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';
import { countOf, relativeTime } from '../workspace/workspace-text';

/**
 * "Set aside and discarded": everything the app kept that the person can bring back (discarded
 * files, changes set aside, branches kept before a rewrite), so nothing thrown away is out of reach.
 */
export function RecoveryPanel() {
  const { recovery, restore, putBack, restoreBackup, busy, state, load } = useAppStore(
    useShallow((store) => ({
      state: store.repoState,
      load: store.loadRecovery,
      recovery: store.recovery,
      restore: store.restoreRepoDiscarded,
      putBack: store.applyRepoStash,
      restoreBackup: store.restoreRepoBackup,
      busy: store.repoRuns.repo !== null,
    })),
  );
  // Whatever changed the repository (a pull, a migration, a switch, an edit seen on disk) may have
  // set something aside or kept a backup: read the list again with each new state.
  useEffect(() => {
    void load();
  }, [state, load]);
  if (!recovery) return null;
  const empty = recovery.discarded.length + recovery.stashes.length + recovery.backups.length === 0;
  return (
    <details className="panel recovery" open={!empty}>
      <summary className="recovery__summary">
        Set aside and discarded{' '}
        <span className="muted">
          (
          {empty
            ? 'nothing'
            : countOf(recovery.discarded.length + recovery.stashes.length + recovery.backups.length, 'item')}
          )
        </span>
      </summary>
      {empty ? (
        <p className="muted">
          Files you discard and changes the app sets aside are kept here, to bring back.
        </p>
      ) : null}
      <ul className="plain-list recovery__list">
        {recovery.discarded.map((item) => (
          <li key={item.id} className="recovery__item">
            <span>
              Discarded{' '}
              {item.files.length === 1 ? <code>{item.files[0]}</code> : countOf(item.files.length, 'file')}{' '}
              <span className="muted">
                {relativeTime(item.at)}
                {item.inTrash ? ', also in the trash' : ''}
              </span>
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`Restore ${item.files.join(', ')}`}
              onClick={() => void restore(item.id)}
            >
              Restore
            </button>
          </li>
        ))}
        {recovery.stashes.map((stash) => (
          <li key={stash.commit} className="recovery__item">
            <span>
              {stash.byApp ? 'Set aside by the app: ' : 'Set aside: '}
              {stash.message} <span className="muted">{relativeTime(stash.at)}</span>
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void putBack(stash.commit)}
            >
              Put back
            </button>
          </li>
        ))}
        {recovery.backups.map((backup) => (
          <li key={backup.branch} className="recovery__item">
            <span>
              Backup branch <code>{backup.branch}</code> ({backup.reason}){' '}
              <span className="muted">{relativeTime(backup.at)}</span>
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`Restore the branch from ${backup.branch}`}
              onClick={() => void restoreBackup(backup.branch)}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

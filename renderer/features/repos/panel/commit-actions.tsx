import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CommitView } from '../../../../preload/contract';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useAppStore } from '../../../store/app-store';

/** "Undo" on the latest commit not on the Hub yet (its changes come back); "Revert" on one already there. */
export function CommitActions({ commit, latest }: { readonly commit: CommitView; readonly latest: boolean }) {
  const { undo, revert, busy } = useAppStore(
    useShallow((store) => ({
      undo: store.undoRepoCommit,
      revert: store.revertRepoCommit,
      busy: store.repoRuns.repo !== null || store.repoState?.inProgress != null,
    })),
  );
  const [asking, setAsking] = useState(false);
  if (!commit.pushed && !latest) return null;
  return (
    <div className="commit-actions">
      {!commit.pushed ? (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void undo()}>
          Undo this commit
        </button>
      ) : (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => setAsking(true)}
        >
          Revert this commit…
        </button>
      )}
      {asking ? (
        <ConfirmDialog
          title="Revert this commit?"
          onClose={() => setAsking(false)}
          actions={[
            {
              label: 'Revert',
              primary: true,
              onClick: () => {
                setAsking(false);
                void revert(commit.sha);
              },
            },
          ]}
        >
          <p>
            “{commit.summary}” is on the Hub already, so it stays in the history. Reverting adds a new commit
            that takes its changes back; push it to share it.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ChangedFileView } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { conflictText } from '../workspace/workspace-text';

/** One conflicted file: keep mine, keep the Hub's, open it, or say it is fixed (LFS files: mine or the Hub's only). */
export function ConflictRow({ change }: { readonly change: ChangedFileView }) {
  const { resolve, open, select } = useAppStore(
    useShallow((store) => ({
      resolve: store.resolveRepoConflict,
      open: store.openRepoPath,
      select: store.selectChange,
    })),
  );
  const markersId = useId();
  const conflict = change.conflict;
  if (!conflict) return null;
  return (
    <li className="conflict">
      <p>
        <button
          type="button"
          className="file-button file-button--inline"
          onClick={() => void select(change.path, false)}
        >
          {change.path}
        </button>{' '}
        <span className="muted">{conflictText(conflict)}</span>
      </p>
      <div className="button-row" role="group" aria-label={`What to keep in ${change.path}`}>
        <button
          type="button"
          className="button button--small"
          onClick={() => void resolve(change.path, 'mine')}
        >
          Keep mine
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => void resolve(change.path, 'theirs')}
        >
          Keep the Hub’s
        </button>
        {conflict.lfs ? null : (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={() => void open(change.path, 'editor')}
            >
              Open in editor
            </button>
            <button
              type="button"
              className="button button--small"
              aria-describedby={conflict.markers ? markersId : undefined}
              onClick={() => void resolve(change.path, 'fixed')}
            >
              I fixed it
            </button>
          </>
        )}
      </div>
      {conflict.markers && !conflict.lfs ? (
        <p className="muted conflict__markers" id={markersId}>
          The file still has conflict markers (&lt;&lt;&lt;&lt;&lt;&lt;&lt;): remove them in your editor
          first.
        </p>
      ) : null}
    </li>
  );
}

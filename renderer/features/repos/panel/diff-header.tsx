import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DiffView } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { DiscardDialog } from './discard-dialog';

/** Above the diff: the file, its added and removed lines, unified or side by side, open it, discard it. */
export function DiffHeader({ file, diff }: { readonly file: string; readonly diff: DiffView | null }) {
  const { mode, setMode, open, change } = useAppStore(
    useShallow((store) => ({
      mode: store.diffMode,
      setMode: store.setDiffMode,
      open: store.openRepoPath,
      change: store.selection?.kind === 'change',
    })),
  );
  const [discarding, setDiscarding] = useState(false);
  return (
    <div className="diff-header">
      <p className="diff-header__file">
        <code>{file}</code>
        {diff?.kind === 'text' ? (
          <span className="diff-header__counts">
            {' '}
            <span className="diff-add-text">+{diff.additions}</span>{' '}
            <span className="diff-del-text">−{diff.deletions}</span>
          </span>
        ) : null}
      </p>
      <div className="button-row">
        {diff?.kind === 'text' ? (
          <div className="segmented" role="group" aria-label="How to show the changes">
            <button
              type="button"
              className="button button--small"
              aria-pressed={mode === 'unified'}
              onClick={() => setMode('unified')}
            >
              Unified
            </button>
            <button
              type="button"
              className="button button--small"
              aria-pressed={mode === 'split'}
              onClick={() => setMode('split')}
            >
              Side by side
            </button>
          </div>
        ) : null}
        <button type="button" className="button button--small" onClick={() => void open(file, 'editor')}>
          Open in editor
        </button>
        <button type="button" className="button button--small" onClick={() => void open(file, 'folder')}>
          Show in folder
        </button>
        {change ? (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => setDiscarding(true)}
          >
            Discard changes…
          </button>
        ) : null}
      </div>
      {discarding ? <DiscardDialog files={[file]} onClose={() => setDiscarding(false)} /> : null}
    </div>
  );
}

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';
import { moveFocusWithArrows } from './arrow-keys';
import { CommitRow } from './commit-row';

/** The History tab: the branch's commits, newest first; the chosen one opens beside it (its files and diffs). */
export function HistoryPane() {
  const { history, load, selection } = useAppStore(
    useShallow((store) => ({ history: store.history, load: store.loadHistory, selection: store.selection })),
  );
  if (!history)
    return (
      <div className="side-scroll">
        <p role="status">Reading the history…</p>
      </div>
    );
  const chosen = selection?.kind === 'commit' ? selection.commit : null;
  return (
    <div className="side-scroll">
      {history.commits.length === 0 ? <p className="muted">No commits yet.</p> : null}
      <ul
        className="plain-list history"
        aria-label="Commits"
        data-arrow-selects
        onKeyDown={moveFocusWithArrows}
      >
        {history.commits.map((entry) => (
          <CommitRow key={entry.sha} commit={entry} selected={entry.sha === chosen} />
        ))}
      </ul>
      {history.more ? (
        <button type="button" className="button button--small" onClick={() => void load(true)}>
          Load more
        </button>
      ) : null}
    </div>
  );
}

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';
import { moveFocusWithArrows } from './arrow-keys';
import { CommitActions } from './commit-actions';
import { CommitFiles } from './commit-files';
import { CommitRow } from './commit-row';

/** The History tab: the branch's commits, newest first; the chosen one's files and what to do with it. */
export function HistoryPane() {
  const { history, load, selection } = useAppStore(
    useShallow((store) => ({ history: store.history, load: store.loadHistory, selection: store.selection })),
  );
  if (!history) return <p role="status">Reading the history…</p>;
  const chosen = selection?.kind === 'commit' ? selection.commit : null;
  const commit = history.commits.find((entry) => entry.sha === chosen);
  return (
    <>
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
      {commit ? (
        <>
          <CommitActions commit={commit} latest={history.commits[0]?.sha === commit.sha} />
          <CommitFiles />
        </>
      ) : null}
    </>
  );
}

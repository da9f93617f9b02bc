import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { formatSize, statusWord } from '../repo-text';
import { countOf } from '../workspace/workspace-text';
import { moveFocusWithArrows } from './arrow-keys';
import { DiscardDialog } from './discard-dialog';
import { FilePath } from './file-path';

/**
 * The changed files (conflicts are listed above), each ticked to be part of the next commit and
 * selected to show its diff; Up and Down move through them. Folded folders are one entry, as git folds them.
 */
export function ChangesTable({ state }: { readonly state: RepoState }) {
  const { stage, unstage, select, selection } = useAppStore(
    useShallow((store) => ({
      stage: store.stageRepoFiles,
      unstage: store.unstageRepoFiles,
      select: store.selectChange,
      selection: store.selection,
    })),
  );
  const changes = state.changes.filter((change) => !change.conflict);
  const allTicked = changes.length > 0 && changes.every((change) => change.staged);
  const ticked = changes.filter((change) => change.staged).map((change) => change.path);
  const [discarding, setDiscarding] = useState(false);
  const selected = selection?.kind === 'change' ? selection.file : null;
  // While conflicts are listed above, an empty list says nothing useful.
  if (changes.length === 0 && changes.length < state.changes.length) return null;
  return (
    <section aria-labelledby="changes-title">
      <div className="list-head">
        <h2 className="subheading" id="changes-title">
          {countOf(changes.length + state.moreChanges, 'changed file')}
        </h2>
        {changes.length > 0 ? (
          <button
            type="button"
            className="button button--small"
            // With conflicts, "all" is the listed files only: ticking a conflicted file would mark it fixed.
            onClick={() =>
              void (allTicked
                ? unstage(null)
                : stage(changes.length < state.changes.length ? changes.map((change) => change.path) : null))
            }
          >
            {allTicked ? 'Select none' : 'Select all'}
          </button>
        ) : null}
      </div>
      {changes.length === 0 ? (
        <p className="muted">No changes since the last commit.</p>
      ) : (
        <table className="changes">
          <caption className="visually-hidden">
            Changed files; tick the ones to commit, choose one to see its changes
          </caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">Commit</th>
              <th scope="col">File</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody data-arrow-selects onKeyDown={moveFocusWithArrows}>
            {changes.map((change) => (
              <tr
                key={change.path}
                className={change.path === selected ? 'changes__row--selected' : undefined}
              >
                <td className="changes__tick">
                  <input
                    type="checkbox"
                    aria-label={`Include ${change.path}`}
                    checked={change.staged}
                    onChange={() => void (change.staged ? unstage([change.path]) : stage([change.path]))}
                  />
                </td>
                <td className="changes__file">
                  <button
                    type="button"
                    className="file-button"
                    data-arrow-item
                    aria-pressed={change.path === selected}
                    title={change.from ? `${change.from} → ${change.path}` : change.path}
                    onClick={() => void select(change.path, change.staged)}
                  >
                    <FilePath path={change.path} />
                  </button>
                </td>
                <td className="changes__status muted">
                  <span>
                    {change.folder ? 'new folder' : statusWord(change.status)}
                    {change.lfs ? ', LFS' : ''}
                  </span>
                  {change.size !== null && !change.folder ? <span> {formatSize(change.size)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ticked.length > 0 ? (
        <button type="button" className="button button--small" onClick={() => setDiscarding(true)}>
          Discard the {countOf(ticked.length, 'ticked change')}…
        </button>
      ) : null}
      {discarding ? <DiscardDialog files={ticked} onClose={() => setDiscarding(false)} /> : null}
      {state.moreChanges > 0 ? (
        <p className="muted">
          And {countOf(state.moreChanges, 'more change')} not listed (the list stops at {changes.length}).
        </p>
      ) : null}
    </section>
  );
}

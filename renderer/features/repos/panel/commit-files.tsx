import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';
import { statusWord } from '../repo-text';
import { moveFocusWithArrows } from './arrow-keys';
import { FilePath } from './file-path';

/** The chosen commit's files; choosing one shows what the commit changed in it. */
export function CommitFiles() {
  const { files, select, selection } = useAppStore(
    useShallow((store) => ({
      files: store.commitFiles,
      select: store.selectCommitFile,
      selection: store.selection,
    })),
  );
  if (!files) return <p role="status">Reading the commit’s files…</p>;
  const chosen = selection?.kind === 'commit' ? selection.file : null;
  return (
    <section aria-labelledby="commit-files-title">
      <h2 className="subheading" id="commit-files-title">
        Files in this commit
      </h2>
      <ul className="plain-list" data-arrow-selects onKeyDown={moveFocusWithArrows}>
        {files.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className="file-button"
              data-arrow-item
              aria-pressed={file.path === chosen}
              onClick={() => void select(file.path)}
            >
              <FilePath path={file.path} /> <span className="muted">{statusWord(file.status)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

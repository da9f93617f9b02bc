import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { formatSize, statusWord } from '../repo-text';

/** The changed files, each ticked to be part of the next commit. */
export function ChangesTable({ state }: { readonly state: RepoState }) {
  const stage = useAppStore((store) => store.stageRepoFiles);
  return (
    <section aria-labelledby="changes-title">
      <h2 className="subheading" id="changes-title">
        Changes
      </h2>
      {state.changes.length === 0 ? (
        <p>No changes since the last commit.</p>
      ) : (
        <>
          <table className="changes">
            <caption className="visually-hidden">Changed files; tick the ones to commit</caption>
            <thead>
              <tr>
                <th scope="col">Commit</th>
                <th scope="col">File</th>
                <th scope="col">Change</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {state.changes.map((change) => (
                <tr key={change.path}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Include ${change.path}`}
                      checked={change.staged}
                      disabled={change.staged}
                      onChange={() => void stage([change.path])}
                    />
                  </td>
                  <td>
                    <code>{change.path}</code>
                  </td>
                  <td>{statusWord(change.status)}</td>
                  <td>{change.status.includes('D') || change.size === null ? '' : formatSize(change.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button button--small" onClick={() => void stage(null)}>
            Select all
          </button>
        </>
      )}
    </section>
  );
}

import type { FolderInspection } from '../../../preload/contract';
import { lfsReasonText, sizeText, kindInText } from './hub-text';

/** How many LFS files are listed by name before "and N more". */
const SHOWN_LFS = 8;

/** What publishing the folder will do: its files, which go to Git LFS and why, a Space's notes. */
export function PublishInspection({
  inspection,
  forSpace,
}: {
  readonly inspection: FolderInspection;
  /** The chosen repository is a Space: its notes (app file, README front matter) apply. */
  readonly forSpace: boolean;
}) {
  const { files, bytes, lfsFiles, space } = inspection;
  return (
    <section className="panel" aria-labelledby="publish-inspection-title">
      <h2 className="panel__title" id="publish-inspection-title">
        What will be published
      </h2>
      <p>
        {inspection.isRepo
          ? inspection.hasCommits
            ? 'It is a Git repository already; '
            : 'It is a Git repository with no commit yet; '
          : 'It is not a Git repository yet: the app will make it one; '}
        {files === 1 ? '1 file' : `${files} files`} ({sizeText(bytes)}) will go in the first commit.
        {inspection.connected
          ? ` It already pushes to ${kindInText(inspection.connected.kind)} ${inspection.connected.repo}.`
          : ''}
      </p>
      {lfsFiles.length > 0 ? (
        <>
          <p>
            {lfsFiles.length === 1 ? '1 file goes' : `${lfsFiles.length} files go`} to Git LFS before the
            first commit, as the Hub requires:
          </p>
          <ul className="plain-list" aria-label="Files for Git LFS">
            {lfsFiles.slice(0, SHOWN_LFS).map((file) => (
              <li key={file.path}>
                <code>{file.path}</code> ({sizeText(file.size)}): {lfsReasonText(file.reason)}
              </li>
            ))}
            {lfsFiles.length > SHOWN_LFS ? <li>and {lfsFiles.length - SHOWN_LFS} more</li> : null}
          </ul>
        </>
      ) : (
        <p>No file needs Git LFS.</p>
      )}
      {forSpace && space.notes.length > 0 ? (
        <div className="warning-note" role="note">
          <strong>For a Space: </strong>
          {space.notes.join(' ')}
        </div>
      ) : null}
    </section>
  );
}

import { useShallow } from 'zustand/react/shallow';
import type { DiffView } from '../../../../preload/contract';
import { ErrorPanel } from '../../../components/error-panel';
import { assertNever } from '../../../lib/assert-never';
import { useAppStore } from '../../../store/app-store';
import { shortOid, sizeChangeText } from '../workspace/workspace-text';
import { CommitDetail } from './commit-detail';
import { DiffHeader } from './diff-header';
import { ImageDiff } from './image-diff';
import { TextDiff } from './text-diff';

/** The workspace's other side: what changed in the selected file, whatever kind of file it is. */
export function DiffPane() {
  const { selection, diff, error } = useAppStore(
    useShallow((store) => ({ selection: store.selection, diff: store.diff, error: store.diffError })),
  );
  const file = selection?.file ?? null;
  return (
    <section className="diff-pane" aria-label="Changes in the selected file">
      {selection?.kind === 'commit' ? <CommitDetail sha={selection.commit} /> : null}
      {!selection ? (
        <p className="diff-pane__empty muted">Choose a file to see what changed in it.</p>
      ) : error ? (
        <ErrorPanel error={error} />
      ) : file === null ? (
        <p className="diff-pane__empty muted">Reading the commit…</p>
      ) : (
        <>
          <DiffHeader file={file} diff={diff} />
          {diff ? (
            <DiffBody diff={diff} />
          ) : (
            <p role="status" className="diff-note">
              Reading the changes…
            </p>
          )}
        </>
      )}
    </section>
  );
}

function DiffBody({ diff }: { readonly diff: DiffView }) {
  switch (diff.kind) {
    case 'text':
      return <TextDiff diff={diff} />;
    case 'image':
      return <ImageDiff diff={diff} />;
    case 'lfs':
      return (
        <div className="diff-note">
          <p>{sizeChangeText(diff)}</p>
          <p className="muted">
            {diff.before ? `Before: ${shortOid(diff.before.oid)}` : 'New file'}
            {' · '}
            {diff.after ? `After: ${shortOid(diff.after.oid)}` : 'Deleted'}
            {' (the large file’s id; nothing was downloaded to show this)'}
          </p>
        </div>
      );
    case 'binary':
      return <p className="diff-note">{sizeChangeText(diff)}</p>;
    case 'none':
      return <p className="diff-note">{diff.reason}</p>;
    default:
      return assertNever(diff);
  }
}

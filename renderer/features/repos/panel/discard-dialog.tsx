import { useShallow } from 'zustand/react/shallow';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useAppStore } from '../../../store/app-store';
import { countOf, discardWhere } from '../workspace/workspace-text';

/** "Discard changes…" asks first, and says where the files go and that they can be restored. */
export function DiscardDialog({
  files,
  onClose,
}: {
  readonly files: readonly string[];
  readonly onClose: () => void;
}) {
  const { discard, transport } = useAppStore(
    useShallow((store) => ({ discard: store.discardRepoFiles, transport: store.appInfo?.transport })),
  );
  const what = files.length === 1 ? files[0] : countOf(files.length, 'file');
  return (
    <ConfirmDialog
      title={`Discard the changes to ${what}?`}
      onClose={onClose}
      actions={[
        {
          label: 'Discard changes',
          primary: true,
          onClick: () => {
            onClose();
            void discard(files);
          },
        },
      ]}
    >
      <p>
        {files.length === 1 ? 'The file goes back to how it was' : 'The files go back to how they were'} at
        the last commit. {discardWhere(transport)}
      </p>
      {files.length > 1 ? (
        <ul className="dialog__files">
          {files.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </ConfirmDialog>
  );
}

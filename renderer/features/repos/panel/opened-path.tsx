import { CopyButton } from '../../../components/copy-button';
import { useAppStore } from '../../../store/app-store';

/** In browser mode the app cannot open files on this computer for you: the path, to open yourself. */
export function OpenedPath() {
  const opened = useAppStore((store) => store.openedPath);
  if (!opened) return null;
  return (
    <p className="note opened-path" role="status">
      Open this yourself (the app in a browser cannot open files for you): <code>{opened.path}</code>{' '}
      <CopyButton text={opened.path} label="Copy the path" />
    </p>
  );
}

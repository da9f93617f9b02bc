import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import * as hub from './hub-service';

/** How long after typing stops the typed folder is looked at. */
const TYPING_PAUSE_MS = 500;

/**
 * The path Electron gives a dropped file or folder, where it gives one (a `path` on the File
 * before Electron 32); null otherwise, and always in a browser tab.
 */
export function droppedPath(event: { readonly dataTransfer: DataTransfer | null }): string | null {
  const file = event.dataTransfer?.files[0] as (File & { readonly path?: string }) | undefined;
  return file?.path ? file.path : null;
}

/**
 * Step 1, the folder: the native picker in the desktop app, a typed path in browser mode, or a
 * folder dropped onto the window; what is in it is looked at as soon as it is chosen.
 */
export function PublishFolderStep() {
  const { desktop, path, inspect } = useAppStore(
    useShallow((state) => ({
      desktop: state.appInfo?.transport === 'electron',
      path: state.publishPath,
      inspect: state.inspectPublishFolder,
    })),
  );
  const [typed, setTyped] = useState(path ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const text = typed.trim();
    if (text === '' || text === path) return undefined;
    const timer = window.setTimeout(() => void inspect(text), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, path, inspect]);

  useEffect(() => {
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      const dropped = droppedPath(event);
      if (dropped) {
        setProblem(null);
        setTyped(dropped);
        void inspect(dropped);
      } else
        setProblem(
          desktop
            ? 'The app did not get that folder’s path: choose it with “Choose a folder…” instead.'
            : 'A browser tab cannot see where a dropped folder is: type its path instead.',
        );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [desktop, inspect]);

  const choose = async () => {
    const picked = await hub.pickFolder('Choose the folder to publish');
    if (!picked.ok) setProblem(`${picked.error.message} ${picked.error.hint}`);
    else if (picked.value) {
      setProblem(null);
      setTyped(picked.value);
      void inspect(picked.value);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== '') void inspect(typed.trim());
  };

  return (
    <section className="panel" aria-labelledby="publish-folder-title">
      <h2 className="panel__title" id="publish-folder-title">
        1. The folder
      </h2>
      <form className="token-form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor="publish-folder">
            Folder to publish
          </label>
          <div className="input-row">
            <input
              id="publish-folder"
              className="input input--mono"
              value={typed}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setTyped(event.target.value)}
            />
            {desktop ? (
              <button type="button" className="button" onClick={() => void choose()}>
                Choose a folder…
              </button>
            ) : null}
          </div>
          <p className="field__hint">
            {desktop
              ? 'Choose it, drop it onto this window, or type its path.'
              : 'Type or paste its full path (for example /home/you/my-model).'}{' '}
            It need not be a Git repository: the app makes it one.
          </p>
          {problem ? <p className="inline-error">{problem}</p> : null}
        </div>
      </form>
    </section>
  );
}

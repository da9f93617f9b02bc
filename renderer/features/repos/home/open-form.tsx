import { useState } from 'react';
import { useAppStore } from '../../../store/app-store';

/** Opens a repository already on this computer, by its path. */
export function OpenForm() {
  const openRepoAt = useAppStore((state) => state.openRepoAt);
  const [path, setPath] = useState('');
  return (
    <form
      className="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) openRepoAt(path.trim());
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="open-path">
          Open a repository on this computer
        </label>
        <div className="input-row">
          <input
            id="open-path"
            className="input input--mono"
            value={path}
            spellCheck={false}
            onChange={(event) => setPath(event.target.value)}
          />
          <button type="submit" className="button">
            Open
          </button>
        </div>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { useAppStore } from '../../../store/app-store';
import { describedBy, FIELD_LIMITS } from './field-limits';
import { LimitNote } from './limit-note';

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
            maxLength={FIELD_LIMITS.path}
            aria-describedby={describedBy(path, FIELD_LIMITS.path, 'open-path-limit')}
            onChange={(event) => setPath(event.target.value)}
          />
          <button type="submit" className="button">
            Open
          </button>
        </div>
        <LimitNote id="open-path-limit" value={path} max={FIELD_LIMITS.path} />
      </div>
    </form>
  );
}

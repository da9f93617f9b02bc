import { useState } from 'react';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';

/** The commit message and the Commit button, which says how many files go in. */
export function CommitForm({ state }: { readonly state: RepoState }) {
  const commit = useAppStore((store) => store.commitRepo);
  const [message, setMessage] = useState('');
  const staged = state.changes.filter((change) => change.staged);
  return (
    <form
      className="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        void commit(message).then((done) => {
          if (done) setMessage('');
        });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="commit-message">
          Commit message
        </label>
        <textarea
          id="commit-message"
          className="input"
          rows={3}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button--primary"
        aria-disabled={staged.length === 0 || message.trim() === '' || state.identity === null}
      >
        Commit {staged.length} file(s)
      </button>
    </form>
  );
}

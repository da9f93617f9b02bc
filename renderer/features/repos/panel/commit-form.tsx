import { useState } from 'react';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { commitBlock, countOf } from '../workspace/workspace-text';

/** The commit message and the Commit button, which says how many files go in, or why it cannot yet. */
export function CommitForm({ state }: { readonly state: RepoState }) {
  const commit = useAppStore((store) => store.commitRepo);
  const [message, setMessage] = useState('');
  const staged = state.changes.filter((change) => change.staged && !change.conflict);
  const block = commitBlock(state);
  const empty = message.trim() === '';
  return (
    <form
      className="commit-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (block || empty) return;
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
          rows={2}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      {block ? (
        <p className="commit-form__why" id="commit-why">
          {block}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        aria-disabled={block !== null || empty}
        aria-describedby={block ? 'commit-why' : undefined}
      >
        {state.inProgress && staged.length === 0
          ? 'Commit the merge'
          : staged.length === 0
            ? 'Commit'
            : `Commit ${countOf(staged.length, 'file')}${state.branch ? ` to ${state.branch}` : ''}`}
      </button>
    </form>
  );
}

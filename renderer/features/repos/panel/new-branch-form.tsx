import { useState } from 'react';
import { useAppStore } from '../../../store/app-store';

/** "New branch…": a name, made from where you are and switched to; uncommitted changes come along. */
export function NewBranchForm({ onDone }: { readonly onDone: () => void }) {
  const create = useAppStore((store) => store.createRepoBranch);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  if (!open)
    return (
      <button type="button" className="button button--small" data-arrow-item onClick={() => setOpen(true)}>
        New branch…
      </button>
    );
  return (
    <form
      className="new-branch"
      onSubmit={(event) => {
        event.preventDefault();
        void create(name.trim()).then((made) => {
          if (made) onDone();
        });
      }}
    >
      <label className="field__label" htmlFor="new-branch-name">
        New branch name
      </label>
      <div className="button-row">
        <input
          id="new-branch-name"
          className="input"
          value={name}
          // The form opened on the person's click: the name field is where they type next.
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={name.trim() === ''}>
          Create branch
        </button>
      </div>
    </form>
  );
}

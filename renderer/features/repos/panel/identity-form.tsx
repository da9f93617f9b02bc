import { useState } from 'react';
import { useAppStore } from '../../../store/app-store';

/** "Who is committing?": Git's name and email, asked for once when Git has none. */
export function IdentityForm() {
  const save = useAppStore((store) => store.saveRepoIdentity);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  return (
    <form
      className="panel token-form"
      aria-labelledby="identity-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save(name.trim(), email.trim());
      }}
    >
      <h2 className="panel__title" id="identity-title">
        Who is committing?
      </h2>
      <p>
        Git puts a name and an email on every commit; they are public on the Hub. They are saved in your Git
        settings.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="identity-name">
          Name
        </label>
        <input
          id="identity-name"
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="identity-email">
          Email
        </label>
        <input
          id="identity-email"
          className="input"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Save
      </button>
    </form>
  );
}

import { useId } from 'react';

/** Git's name and email for the first commit, asked once when none is set (prefilled from the Hub's account). */
export function IdentityFields({
  name,
  email,
  onChange,
}: {
  readonly name: string;
  readonly email: string;
  readonly onChange: (identity: { readonly name: string; readonly email: string }) => void;
}) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel__title" id={`${id}-title`}>
        3. Your name and email on the commits
      </h2>
      <p className="field__hint">
        Git has none set on this computer. The Hub shows them on every commit; the app saves them for Git.
      </p>
      <div className="input-row">
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          id={`${id}-name`}
          className="input"
          placeholder="Name"
          value={name}
          onChange={(event) => onChange({ name: event.target.value, email })}
        />
        <label className="visually-hidden" htmlFor={`${id}-email`}>
          Email
        </label>
        <input
          id={`${id}-email`}
          className="input"
          type="email"
          placeholder="Email"
          value={email}
          onChange={(event) => onChange({ name, email: event.target.value })}
        />
      </div>
    </section>
  );
}

import { useState } from 'react';
import type { AppError } from '../../../preload/contract';
import { useAppStore } from '../../store/app-store';
import { identityProblem } from './machine-slice';

/**
 * The Check screen's own fix for a missing name and email: a form that sets git's global
 * user.name and user.email (setIdentity), instead of `git config` lines for a terminal.
 */
export function IdentityFix() {
  const save = useAppStore((state) => state.saveCheckIdentity);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="fix token-form"
      // The app's own words for a bad email, not the browser's bubble.
      noValidate
      aria-label="Your name and email for commits"
      onSubmit={(event) => {
        event.preventDefault();
        const why = identityProblem(name, email);
        setProblem(why);
        if (why !== null || saving) return;
        setSaving(true);
        void save(name, email).then((failed) => {
          setSaving(false);
          setError(failed);
        });
      }}
    >
      <p className="fix__label">Tell Git who you are</p>
      <p>
        Every commit carries a name and an email, public on the Hub. Use the email of your Hugging Face
        account so the Hub links your commits to you.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="check-identity-name">
          Name
        </label>
        <input
          id="check-identity-name"
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="check-identity-email">
          Email
        </label>
        <input
          id="check-identity-email"
          className="input"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      {problem ? (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          {error.message} {error.hint}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" aria-disabled={saving}>
        Save name and email
      </button>
    </form>
  );
}

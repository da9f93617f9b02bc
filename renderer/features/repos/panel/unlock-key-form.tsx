import { useState } from 'react';
import type { AppError } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';

/**
 * Unlock in place: the app's SSH key is on this computer but not in the agent (after a restart).
 * Its passphrase goes to main (addKeyToAgent) and no further; then the push or pull runs again.
 */
export function UnlockKeyForm({ keyName }: { readonly keyName: string }) {
  const unlock = useAppStore((store) => store.unlockKeyAndRetry);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="token-form"
      aria-label={`Unlock ${keyName}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || passphrase === '') return;
        setBusy(true);
        void unlock(keyName, passphrase).then((failed) => {
          setBusy(false);
          setError(failed);
          // The passphrase leaves the screen either way: a wrong one is typed again.
          setPassphrase('');
        });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="unlock-passphrase">
          Passphrase of {keyName}
        </label>
        <input
          id="unlock-passphrase"
          className="input"
          type="password"
          autoComplete="off"
          value={passphrase}
          aria-invalid={error !== null}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        {error ? (
          <p className="inline-error" role="alert">
            {error.message} {error.hint}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--primary" aria-disabled={busy || passphrase === ''}>
        Unlock and try again
      </button>
    </form>
  );
}

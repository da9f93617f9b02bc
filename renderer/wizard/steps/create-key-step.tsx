import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { generateKey, listKeys } from '../../services/ssh';
import { useAppStore } from '../../store/app-store';
import { PassphraseFields } from '../keys/passphrase-fields';
import { passphraseProblem } from '../keys/strength';

/** "Create a key": an ed25519 key with a passphrase (or, knowingly, without one). */
export function CreateKeyStep() {
  const { chooseKey, goTo } = useAppStore(
    useShallow((state) => ({ chooseKey: state.chooseKey, goTo: state.goTo })),
  );
  const [name, setName] = useState('');
  const [comment, setComment] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [noPassphrase, setNoPassphrase] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void listKeys().then(
      (result) => result.ok && setName((current) => current || result.value.suggestedName),
    );
  }, []);

  const problem = passphraseProblem(noPassphrase, first, second);
  const mismatch = !noPassphrase && second.length > 0 && first !== second;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    const result = await generateKey({
      name: name.trim(),
      comment: comment.trim(),
      passphrase: noPassphrase ? null : first,
    });
    // The passphrase is not kept once the key is made: the agent step asks for it again.
    setFirst('');
    setSecond('');
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    chooseKey(result.value.name);
    goTo('agent');
  };

  return (
    <form className="step" onSubmit={(event) => void submit(event)}>
      <StepHeading>Create a key</StepHeading>
      <p className="lead">The app makes an Ed25519 key, the kind the Hub recommends, in your SSH folder.</p>
      <label className="field">
        <span className="field__label">File name</span>
        <input className="input" value={name} onChange={(event) => setName(event.target.value)} required />
      </label>
      <label className="field">
        <span className="field__label">Email (a label on the key, usually your Hub account's email)</span>
        <input
          className="input"
          type="email"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </label>
      <fieldset className="choices">
        <legend className="choices__legend">Passphrase</legend>
        <p className="muted">
          A passphrase locks the key file: without it, anyone who copies the file can use your Hub account.
          The agent remembers it, so you type it once per session.
        </p>
        {noPassphrase ? null : (
          <PassphraseFields
            first={first}
            second={second}
            mismatch={mismatch}
            onChange={(a, b) => (setFirst(a), setSecond(b))}
          />
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={noPassphrase}
            onChange={(event) => setNoPassphrase(event.target.checked)}
          />
          Don&apos;t use a passphrase (anyone who gets the key file can use it)
        </label>
      </fieldset>
      {error ? <ErrorPanel error={error} /> : null}
      <div className="step-actions">
        <p className="step-actions__note" role="status">
          {busy ? 'Creating your key…' : second.length > 0 && problem && !mismatch ? problem : ''}
        </p>
        <button type="button" className="button" onClick={() => goTo('keys')}>
          Back
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || problem !== null || !name.trim()}
        >
          Create key
        </button>
      </div>
    </form>
  );
}

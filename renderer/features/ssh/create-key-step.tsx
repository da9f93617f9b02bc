import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { keyNameProblem } from './key-name';
import { KeyNameField } from './key-name-field';
import { PassphraseChoice } from './passphrase-choice';
import { passphraseProblem } from './strength';

/** "Create a key": an Ed25519 key with a passphrase (or, knowingly, without one). */
export function CreateKeyStep() {
  const { keyList, loadKeys, createKey, goTo } = useAppStore(
    useShallow((state) => ({
      keyList: state.keyList,
      loadKeys: state.loadKeys,
      createKey: state.createKey,
      goTo: state.goTo,
    })),
  );
  const [name, setName] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [noPassphrase, setNoPassphrase] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void loadKeys();
  }, [loadKeys]);

  // Until the person types, the name follows the app's suggestion (it arrives with the key list).
  const shownName = name ?? keyList?.suggestedName ?? '';
  const nameProblem = keyNameProblem(shownName, keyList);
  const shownNameProblem = nameProblem?.kind === 'empty' && !tried ? null : nameProblem;
  const phraseProblem = passphraseProblem(noPassphrase, first, second);
  const shownPhraseProblem = tried || (phraseProblem?.field === 'second' && second) ? phraseProblem : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    if (nameProblem || phraseProblem) {
      const field = nameProblem
        ? 'key-name'
        : phraseProblem?.field === 'first'
          ? 'passphrase'
          : 'passphrase-again';
      document.getElementById(field)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await createKey({
      name: shownName.trim(),
      comment: comment.trim(),
      passphrase: noPassphrase ? null : first,
    });
    // The passphrase is dropped as soon as the call returns, whatever it answered.
    setFirst('');
    setSecond('');
    setTried(false);
    setBusy(false);
    if (failure) setError(failure);
    else goTo('agent');
  };

  return (
    <form className="step" noValidate onSubmit={(event) => void submit(event)}>
      <StepHeading>Create a key</StepHeading>
      <p className="lead">
        The app makes an Ed25519 key, the kind the Hub recommends, and keeps both halves in your SSH folder.
      </p>
      <KeyNameField
        value={shownName}
        onChange={setName}
        sshDir={keyList?.sshDir ?? '~/.ssh'}
        problem={shownNameProblem}
      />
      <div className="field">
        <label className="field__label" htmlFor="key-comment">
          Email (optional)
        </label>
        <input
          id="key-comment"
          className="input"
          inputMode="email"
          autoComplete="email"
          value={comment}
          aria-describedby="key-comment-hint"
          onChange={(event) => setComment(event.target.value)}
        />
        <p id="key-comment-hint" className="field__hint">
          Written into the key as a label, so you can recognise it on the Hub later.
        </p>
      </div>
      <PassphraseChoice
        first={first}
        second={second}
        onChange={(a, b) => (setFirst(a), setSecond(b))}
        noPassphrase={noPassphrase}
        onNoPassphrase={setNoPassphrase}
        problem={shownPhraseProblem}
      />
      {error ? <ErrorPanel error={error} /> : null}
      {error && !noPassphrase ? (
        <p className="field__hint">For your safety the passphrase fields were emptied: type it again.</p>
      ) : null}
      <div className="step-actions">
        <p className="step-actions__note" role="status">
          {busy ? 'Creating your key…' : ''}
        </p>
        <button type="button" className="button" onClick={() => goTo('keys')}>
          Back
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Create key
        </button>
      </div>
    </form>
  );
}

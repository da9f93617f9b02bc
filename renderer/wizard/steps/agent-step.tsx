import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AgentResult, AppError, KeyInfo } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { addKeyToAgent, listKeys } from '../../services/ssh';
import { useAppStore } from '../../store/app-store';

/** "Add to the agent": the agent keeps the key unlocked, so git never has to ask for the passphrase. */
export function AgentStep() {
  const { keyName, goTo } = useAppStore(
    useShallow((state) => ({ keyName: state.keyName, goTo: state.goTo })),
  );
  const [key, setKey] = useState<KeyInfo | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<AgentResult | null>(null);

  useEffect(() => {
    void listKeys().then((result) => {
      if (result.ok) setKey(result.value.keys.find((candidate) => candidate.name === keyName) ?? null);
    });
  }, [keyName]);

  const needsPassphrase = key?.passphraseProtected !== false;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!keyName || busy) return;
    setBusy(true);
    setError(null);
    const result = await addKeyToAgent(keyName, needsPassphrase ? passphrase : null);
    setPassphrase('');
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setError(result.error);
  };
  const wrong = error?.code === 'wrong_passphrase';

  return (
    <form className="step" onSubmit={(event) => void submit(event)}>
      <StepHeading>Add to the agent</StepHeading>
      <p className="lead">
        The SSH agent keeps {keyName ?? 'your key'} unlocked while you are logged in, so Git can use it
        without asking for the passphrase every time.
      </p>
      {needsPassphrase && !done ? (
        <label className="field">
          <span className="field__label">Passphrase of {keyName}</span>
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            aria-invalid={wrong}
            aria-describedby={wrong ? 'agent-error' : undefined}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </label>
      ) : null}
      {wrong && error ? (
        <p id="agent-error" className="inline-error" role="alert">
          {error.message}. {error.hint}
        </p>
      ) : null}
      {error && !wrong ? <ErrorPanel error={error} /> : null}
      {done ? (
        <p className="note" role="status">
          {done.alreadyLoaded
            ? `${done.keyName} was already in the agent.`
            : `${done.keyName} is now in the agent.`}
          {done.agent === 'app' ? ' No agent was running, so the app started one for its own use.' : ''}
        </p>
      ) : null}
      <div className="step-actions">
        <p className="step-actions__note" role="status">
          {busy ? 'Adding the key…' : ''}
        </p>
        <button type="button" className="button" onClick={() => goTo('keys')}>
          Back
        </button>
        {done ? (
          <button type="button" className="button button--primary" onClick={() => goTo('copy')}>
            Continue
          </button>
        ) : (
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || (needsPassphrase && !passphrase)}
          >
            Add to agent
          </button>
        )}
      </div>
    </form>
  );
}

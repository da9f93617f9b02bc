import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { selectChosenKey } from './keys-slice';
import { agentDoneText, EMPTY_PASSPHRASE, WRONG_PASSPHRASE } from './agent-text';

/** "Add to the agent": the agent keeps the key unlocked, so git never has to ask for the passphrase. */
export function AgentStep() {
  const { keyName, key, listed, loadKeys, done, addToAgent, goTo } = useAppStore(
    useShallow((state) => ({
      keyName: state.keyName,
      key: selectChosenKey(state),
      listed: state.keyList !== null,
      loadKeys: state.loadKeys,
      done: state.agentResult,
      addToAgent: state.addChosenKeyToAgent,
      goTo: state.goTo,
    })),
  );
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadKeys();
  }, [loadKeys]);

  const needsPassphrase = key?.passphraseProtected !== false;
  const [empty, setEmpty] = useState(false);
  const wrong = error?.code === 'wrong_passphrase';
  const fieldProblem = wrong ? WRONG_PASSPHRASE : empty ? EMPTY_PASSPHRASE : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !key) return;
    setEmpty(needsPassphrase && !passphrase);
    if (needsPassphrase && !passphrase) {
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await addToAgent(needsPassphrase ? passphrase : null);
    // Dropped as soon as the agent has answered, right or wrong.
    setPassphrase('');
    setBusy(false);
    setError(failure);
    if (failure?.code === 'wrong_passphrase') field.current?.focus();
  };

  return (
    <form className="step" noValidate onSubmit={(event) => void submit(event)}>
      <StepHeading>Add to the agent</StepHeading>
      <p className="lead">
        The SSH agent is a small program that keeps <strong>{keyName}</strong> unlocked while you are logged
        in, so Git can use the key without asking for its passphrase every time.
      </p>
      {listed && !key ? (
        <ErrorPanel
          error={{
            code: 'key_not_found',
            message: `There is no key named ${keyName ?? '(none)'} in your SSH folder any more.`,
            hint: 'Go back to “Your keys” and choose or create one.',
          }}
        />
      ) : null}
      {key && needsPassphrase && !done ? (
        <div className="field">
          <label className="field__label" htmlFor="agent-passphrase">
            Passphrase of {key.name}
          </label>
          <input
            id="agent-passphrase"
            ref={field}
            className="input"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            aria-invalid={fieldProblem !== null}
            aria-describedby={fieldProblem ? 'agent-problem' : undefined}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          {fieldProblem ? (
            <p id="agent-problem" className="inline-error" role="alert">
              {fieldProblem}
            </p>
          ) : null}
        </div>
      ) : null}
      {key && !needsPassphrase && !done ? (
        <p>{key.name} has no passphrase, so it goes into the agent as it is.</p>
      ) : null}
      {error && !wrong ? <ErrorPanel error={error} /> : null}
      {done ? (
        <p className="success-note" role="status">
          {agentDoneText(done)}
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
          <button type="submit" className="button button--primary" disabled={busy || !key}>
            Add to agent
          </button>
        )}
      </div>
    </form>
  );
}

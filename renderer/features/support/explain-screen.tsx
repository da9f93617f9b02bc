import { useId, useState, type FormEvent } from 'react';
import type { AppError, Outcome } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { OutcomePanel } from '../../components/outcome-panel';
import { StepHeading } from '../../components/step-heading';
import { explainError } from './support-service';

/**
 * "Explain an error message": a person pastes what a terminal, a notebook or a tutorial printed
 * (git, git-lfs, ssh, the Hub's Python library) and gets the same answer the app's own screens
 * would give for it: what happened, and what to do.
 */
export function ExplainScreen() {
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const result = await explainError(text);
    setBusy(false);
    setAnswer(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  };

  return (
    <div className="step">
      <StepHeading>Explain an error message</StepHeading>
      <p>
        Paste what Git, a terminal, a notebook or a tutorial printed. The app says what it means and what to
        do, the same way it explains its own errors. Nothing you paste leaves this computer.
      </p>
      <form className="token-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor="explain-text">
            The error message
          </label>
          <textarea
            id="explain-text"
            className="input input--mono"
            rows={8}
            value={text}
            aria-describedby={hintId}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={hintId} className="field__hint">
            For example: remote: Password authentication in git is no longer supported.
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
          Explain
        </button>
      </form>
      {error ? <ErrorPanel error={error} /> : null}
      {answer ? (
        answer.kind === 'unknown' ? (
          <div className="verdict verdict--error" role="status" data-kind="unknown">
            <p className="verdict__title">The app does not recognise this message.</p>
            <p>{answer.fix}</p>
          </div>
        ) : (
          <OutcomePanel outcome={answer} okTitle="This message says it worked." />
        )
      ) : null}
    </div>
  );
}

import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError, ConnectionVerdict } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { StatusBadge } from '../../components/status-badge';
import { StepHeading } from '../../components/step-heading';
import { cancelConnectionTest, testConnection } from '../../services/ssh';
import { useAppStore } from '../../store/app-store';
import { verdictHeadline } from '../keys/verdict-text';

/** "Test the connection": the real `ssh -T`, its lines as they arrive, then a verdict in plain words. */
export function TestStep() {
  const { host, goTo } = useAppStore(
    useShallow((state) => ({ host: state.appInfo?.sshHost ?? 'hf.co', goTo: state.goTo })),
  );
  const [lines, setLines] = useState<string[]>([]);
  const [verdict, setVerdict] = useState<ConnectionVerdict | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // The ref tells a late answer from a stale run apart; the state drives what is shown.
  const runId = useRef<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);

  const start = async () => {
    const id = crypto.randomUUID();
    runId.current = id;
    setRunning(id);
    setLines([]);
    setVerdict(null);
    setError(null);
    const result = await testConnection(id, (line) => setLines((previous) => [...previous, line]));
    if (runId.current !== id) return;
    runId.current = null;
    setRunning(null);
    if (result.ok) setVerdict(result.value);
    else setError(result.error);
  };
  const headline = verdict ? verdictHeadline(verdict) : null;

  return (
    <div className="step">
      <StepHeading>Test the connection</StepHeading>
      <p className="lead">
        This runs <code>ssh -T git@{host}</code>, exactly what Git will do, and reads the Hub’s answer.
      </p>
      <div className="step-actions step-actions--start">
        <button
          type="button"
          className="button button--primary"
          disabled={running !== null}
          onClick={() => void start()}
        >
          {verdict ? 'Test again' : 'Test connection'}
        </button>
        {running ? (
          <button type="button" className="button" onClick={() => void cancelConnectionTest(running)}>
            Cancel
          </button>
        ) : null}
      </div>
      <pre
        className="code-block terminal"
        tabIndex={0}
        role="log"
        aria-live="polite"
        aria-label="What ssh says"
      >
        {lines.length > 0 ? lines.join('\n') : running ? 'Connecting…' : 'Nothing yet.'}
      </pre>
      {error ? <ErrorPanel error={error} /> : null}
      {verdict && headline ? (
        <section className={`verdict verdict--${headline.tone}`} aria-labelledby="verdict-title">
          <div className="check-item__head">
            <h2 id="verdict-title" className="check-item__title">
              {headline.text}
            </h2>
            <StatusBadge status={headline.tone} />
          </div>
          <p>{verdict.message}</p>
          <p>{verdict.hint}</p>
          <details>
            <summary>Details</summary>
            <pre className="code-block terminal" tabIndex={0}>
              {verdict.output}
            </pre>
          </details>
        </section>
      ) : null}
      <div className="step-actions">
        <button type="button" className="button" onClick={() => goTo('copy')}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={verdict?.kind !== 'authenticated'}
          onClick={() => goTo('done')}
        >
          Continue
        </button>
      </div>
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { assertNever } from '../../lib/assert-never';
import { useAppStore } from '../../store/app-store';
import { selectChosenKey } from './keys-slice';
import { VerdictPanel } from './verdict-panel';
import type { VerdictAction } from './verdict-text';

/** "Test the connection": the real `ssh -T`, its lines as they arrive, then a verdict in plain words. */
export function TestStep() {
  const { host, keyName, chosenKey, loadKeys, runId, lines, verdict, error, run, cancel, goTo } = useAppStore(
    useShallow((state) => ({
      host: state.appInfo?.sshHost ?? 'hf.co',
      keyName: state.keyName,
      chosenKey: selectChosenKey(state),
      loadKeys: state.loadKeys,
      runId: state.connectionRunId,
      lines: state.connectionLines,
      verdict: state.connectionVerdict,
      error: state.connectionError,
      run: state.runConnectionTest,
      cancel: state.cancelConnectionTest,
      goTo: state.goTo,
    })),
  );
  const [ranHere, setRanHere] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const log = useRef<HTMLPreElement>(null);
  // Like a terminal, the newest line stays in view as lines arrive.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [lines]);
  const running = runId !== null;
  // The verdict names the chosen key's fingerprint; after a restart the list has to be read first.
  useEffect(() => {
    void loadKeys();
  }, [loadKeys]);
  const key = chosenKey ?? (keyName ? { name: keyName, fingerprint: null } : null);
  // While ssh runs the Test button is disabled, so Cancel takes the focus it would otherwise lose.
  useEffect(() => {
    if (running) cancelButton.current?.focus();
  }, [running]);

  const start = () => {
    setRanHere(true);
    void run();
  };
  const act = (action: VerdictAction) => {
    switch (action) {
      case 'continue':
        return goTo('done');
      case 'back-to-copy':
        return goTo('copy');
      case 'back-to-agent':
        return goTo('agent');
      case 'back-to-check':
        return goTo('check');
      case 'test-again':
        return start();
      default:
        return assertNever(action);
    }
  };

  return (
    <div className="step">
      <StepHeading>Test the connection</StepHeading>
      <p className="lead">
        This runs <code>ssh -T git@{host}</code>, exactly what Git will do, and reads the Hub’s answer. It
        changes nothing, so you can run it as often as you like.
      </p>
      <div className="test-toolbar">
        <button type="button" className="button button--primary" disabled={running} onClick={start}>
          {verdict || error ? 'Test again' : 'Test connection'}
        </button>
        {running ? (
          <button type="button" className="button" ref={cancelButton} onClick={() => void cancel()}>
            Cancel
          </button>
        ) : null}
      </div>
      <section className="terminal-panel" aria-labelledby="ssh-says">
        <h2 id="ssh-says" className="panel__title">
          What ssh says
        </h2>
        <pre
          className="code-block terminal"
          ref={log}
          role="log"
          aria-live="polite"
          aria-labelledby="ssh-says"
          tabIndex={0}
        >
          {lines.length > 0
            ? lines.join('\n')
            : running
              ? 'Connecting…'
              : 'Nothing yet: press “Test connection”.'}
        </pre>
      </section>
      {error ? <ErrorPanel error={error} onRetry={start} /> : null}
      {verdict && !running ? (
        <VerdictPanel verdict={verdict} chosenKey={key} onAction={act} focusOnShow={ranHere} />
      ) : null}
      <div className="step-actions">
        <button type="button" className="button" onClick={() => goTo('copy')}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={verdict?.kind !== 'authenticated' || running}
          onClick={() => goTo('done')}
        >
          Continue
        </button>
      </div>
    </div>
  );
}

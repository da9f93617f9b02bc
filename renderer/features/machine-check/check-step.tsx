import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { BackNext } from '../../components/back-next';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { CheckItemCard } from './check-item-card';
import { checkRows, statusHeadline, summariseCheck } from './check-report';

/**
 * "Check this computer": looks for everything Git needs to reach the Hub and shows each answer as
 * it arrives. The check runs once on arrival; "Check again" reruns it after the user fixed things.
 */
export function CheckStep() {
  const { status, items, report, error, run, back, next } = useAppStore(
    useShallow((state) => ({
      status: state.machineStatus,
      items: state.machineItems,
      report: state.machineReport,
      error: state.machineError,
      run: state.runMachineCheck,
      back: state.back,
      next: state.next,
    })),
  );
  const againRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (status === 'idle') void run();
  }, [status, run]);

  const busy = status === 'idle' || status === 'running';
  const rows = checkRows(status, items);
  const answered = rows.filter((row) => row.item).length;
  const summary = summariseCheck(report?.items ?? []);
  const checkAgain = () => {
    if (!busy) void run();
  };

  return (
    <div className="step">
      <StepHeading>Check this computer</StepHeading>
      <p className="lead">The app looks for the programs and settings Git needs to reach the Hub.</p>
      <div className="check-toolbar">
        <div className="check-status" role="status" aria-live="polite">
          <p className="check-status__headline">{statusHeadline(status, answered, summary)}</p>
          {status === 'done' && summary.detail ? <p>{summary.detail}</p> : null}
        </div>
        <button type="button" className="button" ref={againRef} aria-disabled={busy} onClick={checkAgain}>
          Check again
        </button>
      </div>
      {status === 'failed' && error ? (
        <ErrorPanel
          error={error}
          retryLabel="Try the check again"
          onRetry={() => {
            againRef.current?.focus();
            void run();
          }}
        />
      ) : null}
      <ul className="check-list" aria-label="Results">
        {rows.map((row) => (
          <CheckItemCard key={row.id} row={row} />
        ))}
      </ul>
      <BackNext canContinue={status === 'done'} onBack={back} onNext={next} />
    </div>
  );
}

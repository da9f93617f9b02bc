import { useEffect, useRef } from 'react';
import type { ConnectionVerdict } from '../../../preload/contract';
import { StatusBadge } from '../../components/status-badge';
import {
  actionLabel,
  anonymousAction,
  verdictBody,
  verdictView,
  type ChosenKey,
  type VerdictAction,
} from './verdict-text';

interface VerdictPanelProps {
  readonly verdict: ConnectionVerdict;
  readonly chosenKey: ChosenKey | null;
  readonly onAction: (action: VerdictAction) => void;
  /** True when the person just ran the test here (not when coming back to an old answer). */
  readonly focusOnShow: boolean;
}

/**
 * How the test ended: a headline, what happened, what to do, one button for it, and ssh's full
 * output behind "Details". The headline takes focus, so the answer is the next thing a keyboard
 * or screen reader user meets.
 */
export function VerdictPanel({ verdict, chosenKey, onAction, focusOnShow }: VerdictPanelProps) {
  const view = verdictView(verdict);
  const body = verdictBody(verdict, chosenKey);
  const action = verdict.kind === 'anonymous' ? anonymousAction(verdict, chosenKey) : view.action;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [verdict, focusOnShow]);
  return (
    <section className={`verdict verdict--${view.tone}`} aria-labelledby="verdict-title">
      <div className="verdict__head">
        <h2 id="verdict-title" className="verdict__title" tabIndex={-1} ref={heading}>
          {view.headline}
        </h2>
        <StatusBadge status={view.tone} />
      </div>
      <p>{body.message}</p>
      <p>
        <strong>What to do: </strong>
        {body.hint}
      </p>
      {/* Continue and Test again already sit in the step's own buttons. */}
      {action === 'continue' || action === 'test-again' ? null : (
        <button type="button" className="button" onClick={() => onAction(action)}>
          {actionLabel(action)}
        </button>
      )}
      <details className="verdict__details">
        <summary>Details</summary>
        <pre className="code-block" tabIndex={0}>
          {verdict.output}
        </pre>
      </details>
    </section>
  );
}

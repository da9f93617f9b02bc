import { useState } from 'react';
import { assertNever } from '../../lib/assert-never';
import type { AuthMethod } from '../../store/wizard-slice';

/** The token route's screens do not exist yet, and the note says so. */
function nextNote(method: AuthMethod): string {
  switch (method) {
    case 'ssh':
      return '';
    case 'https':
      return 'Next: your access token. That screen comes in a later version of the app, so the setup stops here for now.';
    default:
      return assertNever(method);
  }
}

interface CheckActionsProps {
  readonly method: AuthMethod;
  readonly canContinue: boolean;
  readonly onBack: () => void;
  readonly onNext: () => void;
}

/** Back and Continue for the check screen; Continue waits until the check has answered. */
export function CheckActions({ method, canContinue, onBack, onNext }: CheckActionsProps) {
  const [showNext, setShowNext] = useState(false);
  return (
    <div className="step-actions">
      <p className="step-actions__note" role="status">
        {showNext ? nextNote(method) : null}
      </p>
      <button type="button" className="button" onClick={onBack}>
        Back
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={!canContinue}
        onClick={() => (method === 'ssh' ? onNext() : setShowNext(true))}
      >
        Continue
      </button>
    </div>
  );
}

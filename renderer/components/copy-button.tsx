import { useEffect, useState } from 'react';
import { copyText } from '../services/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyButtonProps {
  readonly text: string;
  /** The button's accessible name; also its visible text when `prominent`. */
  readonly label: string;
  /** A full-size button that says what it copies, for when copying is the point of the screen. */
  readonly prominent?: boolean;
}

/** Copies a command, then says so in words (announced politely) for a few seconds. */
export function CopyButton({ text, label, prominent = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    // A prominent copy is the screen's main action: its confirmation stays until the screen goes.
    if (state === 'idle' || (prominent && state === 'copied')) return undefined;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state, prominent]);

  const copy = async () => setState((await copyText(text)) ? 'copied' : 'failed');

  return (
    <span className="copy">
      {prominent ? (
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {label}
        </button>
      ) : (
        <button type="button" className="button button--small" aria-label={label} onClick={() => void copy()}>
          Copy
        </button>
      )}
      <span className="copy__status" aria-live="polite">
        {state === 'copied' ? 'Copied' : null}
        {state === 'failed' ? 'Could not copy: select the text and copy it yourself' : null}
      </span>
    </span>
  );
}

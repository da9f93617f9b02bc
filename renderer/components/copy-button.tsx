import { useEffect, useState } from 'react';
import { copyText } from '../services/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies a command, then says so in words (announced politely) for a few seconds. */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(text)) ? 'copied' : 'failed');

  return (
    <span className="copy">
      <button type="button" className="button button--small" aria-label={label} onClick={() => void copy()}>
        Copy
      </button>
      <span className="copy__status" aria-live="polite">
        {state === 'copied' ? 'Copied' : null}
        {state === 'failed' ? 'Could not copy: select the text and copy it yourself' : null}
      </span>
    </span>
  );
}

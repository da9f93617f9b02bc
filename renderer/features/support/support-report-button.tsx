import { useState } from 'react';
import { copyText } from '../../services/clipboard';
import { supportReport } from './support-service';

type State = 'idle' | 'working' | 'copied' | 'failed';

/**
 * "Copy a report for support": main runs the checks and redacts the text (no token, email or
 * home folder), the renderer puts it on the clipboard. If the clipboard refuses, the report is
 * shown to be copied by hand.
 */
export function SupportReportButton() {
  const [state, setState] = useState<State>('idle');
  const [text, setText] = useState<string | null>(null);
  const copy = async () => {
    setState('working');
    const result = await supportReport();
    if (!result.ok) {
      setState('failed');
      setText(null);
      return;
    }
    const copied = await copyText(result.value.text);
    setText(copied ? null : result.value.text);
    setState(copied ? 'copied' : 'failed');
  };
  return (
    <div className="support-report">
      <button
        type="button"
        className="button button--small"
        aria-disabled={state === 'working'}
        onClick={() => state !== 'working' && void copy()}
      >
        Copy a report for support
      </button>
      <span className="copy__status" role="status">
        {state === 'working' ? 'Checking this computer and the connections…' : null}
        {state === 'copied' ? 'Copied. It holds no token, email address or home folder name.' : null}
        {state === 'failed' && !text
          ? 'The report could not be made; run npm run doctor -- --report instead.'
          : null}
        {state === 'failed' && text ? 'Could not copy: select the report below and copy it yourself.' : null}
      </span>
      {text ? (
        <textarea
          className="input support-report__text"
          readOnly
          value={text}
          aria-label="Report for support"
          rows={8}
        />
      ) : null}
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError, HubAccountView, TokenReport } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { ExternalLink } from '../../components/external-link';
import { useAppStore } from '../../store/app-store';
import * as hub from './hub-service';
import { tokenReportLine, writeTokenUrl } from './hub-text';

export interface ApiTokenDialogProps {
  /** One sentence: why this action needs a token ("Creating a repository uses the Hub's API, which SSH keys cannot call."). */
  readonly reason: string;
  /** The account now usable for API actions. */
  readonly onDone: (account: HubAccountView) => void;
  readonly onCancel: () => void;
}

/**
 * Asks for a token in place, with the token screen's check (checkToken: main keeps the token and
 * answers its handle), then uses it for the Hub's API. The pasted text lives only in the field
 * until it is sent; the report kept here holds the handle and the masked form, never the token.
 */
export function ApiTokenDialog(props: ApiTokenDialogProps) {
  const { endpoint, apply, applyError, inUse } = useAppStore(
    useShallow((state) => ({
      endpoint: state.appInfo?.hubEndpoint ?? 'https://huggingface.co',
      apply: state.applyApiToken,
      applyError: state.applyTokenError,
      // A save for Git that failed still leaves the token in use for this session (main says so).
      inUse: state.hubAccount?.source ? state.hubAccount : null,
    })),
  );
  const [value, setValue] = useState('');
  const [report, setReport] = useState<TokenReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [save, setSave] = useState(true);
  const titleId = useId();

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || value.trim() === '') return;
    const pasted = value;
    setValue('');
    setBusy(true);
    setReport(null);
    const result = await hub.checkToken(pasted);
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setError(null);
    } else setError(result.error);
  };

  const use = async () => {
    if (!report || busy) return;
    setBusy(true);
    const account = await apply(report.ref, save);
    setBusy(false);
    if (account) props.onDone(account);
  };

  return (
    <section
      className="panel"
      role="dialog"
      aria-label="An access token is needed"
      aria-describedby={titleId}
    >
      <h2 className="panel__title">An access token is needed</h2>
      <p id={titleId}>{props.reason}</p>
      <p>
        <ExternalLink href={writeTokenUrl(endpoint)}>Create a write token on the Hub</ExternalLink> (the form
        opens filled in), then paste it here. The app asks the Hub what it may do first.
      </p>
      <form className="token-form" onSubmit={(event) => void check(event)}>
        <div className="field">
          <label className="field__label" htmlFor="api-token">
            Access token
          </label>
          <input
            id="api-token"
            className="input input--mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <p className="field__hint">It starts with hf_. The field empties as soon as it is sent.</p>
        </div>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || value.trim() === ''}>
            {busy && !report ? 'Checking…' : 'Check the token'}
          </button>
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {error ? <ErrorPanel error={error} /> : null}
      {report ? (
        <div role="status">
          <p>
            <strong>{tokenReportLine(report)}</strong> <code>{report.masked}</code>
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={save} onChange={(event) => setSave(event.target.checked)} />
            Also save it for Git (so pushes over HTTPS use it too)
          </label>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void use()}>
              {busy ? 'Using it…' : 'Use this token'}
            </button>
          </div>
        </div>
      ) : null}
      {applyError ? <ErrorPanel error={applyError} /> : null}
      {applyError && inUse ? (
        <button type="button" className="button" onClick={() => props.onDone(inUse)}>
          Go on without saving it
        </button>
      ) : null}
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BackNext } from '../../components/back-next';
import { ErrorPanel } from '../../components/error-panel';
import { ExternalLink } from '../../components/external-link';
import { StepHeading } from '../../components/step-heading';
import { readClipboard } from '../../services/clipboard';
import { useAppStore } from '../../store/app-store';
import { TokenSummary } from './token-summary';
import { newTokenUrl } from './token-text';

/**
 * "Your access token": where to get one, a masked field to paste it in, and the Hub's answer about
 * it in plain words. The field is emptied once the token has gone to main to be checked.
 */
export function TokenStep() {
  const { endpoint, report, checking, error, check, back, next } = useAppStore(
    useShallow((state) => ({
      endpoint: state.appInfo?.hubEndpoint ?? 'https://huggingface.co',
      report: state.tokenReport,
      checking: state.tokenChecking,
      error: state.tokenError,
      check: state.checkToken,
      back: state.back,
      next: state.next,
    })),
  );
  const [value, setValue] = useState('');
  const [shown, setShown] = useState(false);
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || value.trim() === '') return;
    const pasted = value;
    setValue('');
    setShown(false);
    await check(pasted);
  };

  const paste = async () => {
    const text = await readClipboard();
    if (text === null)
      setPasteProblem(
        'The app could not read the clipboard: click in the field and press Ctrl+V (⌘V on a Mac).',
      );
    else {
      setPasteProblem(null);
      setValue(text);
    }
  };

  return (
    <div className="step">
      <StepHeading>Your access token</StepHeading>
      <p className="lead">
        An access token is a long password made for programs: Git sends it instead of your Hub password, which
        the Hub no longer accepts for Git. You create it once on the Hub, and you can revoke it there at any
        time.
      </p>
      <p>
        <ExternalLink href={newTokenUrl(endpoint)}>Create a write token on the Hub</ExternalLink> (the form
        opens filled in; give it a name such as “laptop git”). A <em>fine-grained</em> token can be limited to
        some of your repositories; a <em>read</em> token can clone but not push.
      </p>
      <form className="token-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor="token">
            Paste your token
          </label>
          <div className="input-row">
            <input
              id="token"
              className="input input--mono"
              type={shown ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              value={value}
              aria-describedby={hintId}
              onChange={(event) => setValue(event.target.value)}
            />
            <button
              type="button"
              className="button"
              aria-pressed={shown}
              onClick={() => setShown((current) => !current)}
            >
              {shown ? 'Hide' : 'Show'}
            </button>
            <button type="button" className="button" onClick={() => void paste()}>
              Paste
            </button>
          </div>
          <p className="field__hint" id={hintId}>
            It starts with hf_. The app asks the Hub what it may do, then hands it to Git; the app itself does
            not keep it.
          </p>
          {pasteProblem ? <p className="inline-error">{pasteProblem}</p> : null}
        </div>
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={checking || value.trim() === ''}
        >
          {checking ? 'Checking…' : 'Check the token'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {checking ? <p>Asking the Hub about this token…</p> : null}
      </div>
      {error ? <ErrorPanel error={error} /> : null}
      {report ? <TokenSummary report={report} /> : null}
      <BackNext canContinue={!!report} onBack={back} onNext={next} />
    </div>
  );
}

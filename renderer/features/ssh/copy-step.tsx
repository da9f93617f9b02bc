import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../preload/contract';
import { CopyButton } from '../../components/copy-button';
import { LinkText } from '../../components/link-text';
import { StepHeading } from '../../components/step-heading';
import { openExternal } from '../../services/external';
import { useAppStore } from '../../store/app-store';
import { selectChosenKey } from './keys-slice';
import { HostSetup } from './host-setup';

/** "Copy to the Hub": the public key on the clipboard, the Hub's keys page one click away, ssh prepared. */
export function CopyStep() {
  const { keyName, key, loadKeys, endpoint, goTo } = useAppStore(
    useShallow((state) => ({
      keyName: state.keyName,
      key: selectChosenKey(state),
      loadKeys: state.loadKeys,
      endpoint: state.appInfo?.hubEndpoint ?? 'https://huggingface.co',
      goTo: state.goTo,
    })),
  );
  const [ready, setReady] = useState(false);
  const [openError, setOpenError] = useState<AppError | null>(null);
  useEffect(() => {
    void loadKeys();
  }, [loadKeys]);
  const keysPage = `${endpoint}/settings/keys`;
  const open = async () => {
    const result = await openExternal(keysPage);
    setOpenError(result.ok ? null : result.error);
  };

  return (
    <div className="step">
      <StepHeading>Copy to the Hub</StepHeading>
      <p className="lead">
        The Hub needs the public half of <strong>{keyName}</strong> to recognise this computer. It is safe to
        share: it can only check a signature, never make one.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="public-key">
          Your public key
        </label>
        <textarea
          id="public-key"
          className="input public-key"
          readOnly
          rows={3}
          value={key?.publicKey ?? ''}
        />
      </div>
      <div className="copy-row">
        {key?.publicKey ? <CopyButton text={key.publicKey} label="Copy public key" prominent /> : null}
      </div>
      {key?.fingerprint ? (
        <p className="muted">
          The Hub will list it with the fingerprint <code className="fingerprint">{key.fingerprint}</code>.
        </p>
      ) : null}
      <section className="panel" aria-labelledby="on-the-hub">
        <h2 id="on-the-hub" className="panel__title">
          On the Hub
        </h2>
        <ol className="howto">
          <li>
            Open your SSH keys page (sign in if the Hub asks):{' '}
            <button type="button" className="button button--small" onClick={() => void open()}>
              Open your Hub SSH keys page
            </button>
            <LinkText url={keysPage} />
            {openError ? (
              <span className="inline-error" role="alert">
                {' '}
                {openError.message} The address is {keysPage}
              </span>
            ) : null}
          </li>
          <li>Click “Add SSH key”.</li>
          <li>Give the key a name you will recognise, for example “Personal computer”.</li>
          <li>Paste the key into the “Key” box, then click “Add key”.</li>
        </ol>
      </section>
      <HostSetup keyName={keyName} onReady={setReady} />
      <div className="step-actions">
        <p className="step-actions__note" role="status">
          {ready ? '' : 'Testing waits until SSH on this computer is ready (see above).'}
        </p>
        <button type="button" className="button" onClick={() => goTo('agent')}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!ready}
          onClick={() => goTo('test')}
        >
          I added it: test the connection
        </button>
      </div>
    </div>
  );
}

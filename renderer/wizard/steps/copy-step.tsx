import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyInfo } from '../../../preload/contract';
import { CopyButton } from '../../components/copy-button';
import { StepHeading } from '../../components/step-heading';
import { openExternal } from '../../services/external';
import { listKeys } from '../../services/ssh';
import { useAppStore } from '../../store/app-store';
import { HostSetup } from '../keys/host-setup';

/** "Copy to the Hub": the public key on the clipboard and the Hub's keys page one click away. */
export function CopyStep() {
  const { keyName, endpoint, goTo } = useAppStore(
    useShallow((state) => ({
      keyName: state.keyName,
      endpoint: state.appInfo?.hubEndpoint,
      goTo: state.goTo,
    })),
  );
  const [key, setKey] = useState<KeyInfo | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void listKeys().then((result) => {
      if (result.ok) setKey(result.value.keys.find((candidate) => candidate.name === keyName) ?? null);
    });
  }, [keyName]);
  const keysPage = `${endpoint ?? 'https://huggingface.co'}/settings/keys`;

  return (
    <div className="step">
      <StepHeading>Copy to the Hub</StepHeading>
      <p className="lead">
        The Hub needs the public half of {keyName} to recognise this computer. It is safe to share.
      </p>
      <label className="field">
        <span className="field__label">Your public key</span>
        <textarea
          className="input public-key"
          readOnly
          rows={3}
          value={key?.publicKey ?? 'Reading the key…'}
        />
      </label>
      {key?.publicKey ? <CopyButton text={key.publicKey} label="Copy public key" /> : null}
      {key?.fingerprint ? (
        <p className="muted">
          The Hub will list it as <code>{key.fingerprint}</code>.
        </p>
      ) : null}
      <ol className="howto">
        <li>
          <button type="button" className="button" onClick={() => void openExternal(keysPage)}>
            Open your Hub SSH keys page
          </button>
        </li>
        <li>Click “Add SSH key”, and name it, for example “Personal computer”.</li>
        <li>Paste the key into the “Key” box, then click “Add key”.</li>
      </ol>
      <HostSetup keyName={keyName} onReady={setReady} />
      <div className="step-actions">
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

import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError, KeyInfo, KeyList } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { listKeys } from '../../services/ssh';
import { useAppStore } from '../../store/app-store';
import { KeyCard, keyUsable } from '../keys/key-card';

/** "Your keys": the key pairs already in ~/.ssh, to reuse one or make a new one for the Hub. */
export function KeysStep() {
  const { keyName, chooseKey, goTo } = useAppStore(
    useShallow((state) => ({ keyName: state.keyName, chooseKey: state.chooseKey, goTo: state.goTo })),
  );
  const [list, setList] = useState<KeyList | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const result = await listKeys();
    if (result.ok) setList(result.value);
    else setError(result.error);
  }, []);
  useEffect(() => {
    let live = true;
    void listKeys().then((result) => {
      if (!live) return;
      if (result.ok) setList(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const usable = list?.keys.filter(keyUsable) ?? [];
  const chosen = usable.find((key) => key.name === keyName);
  const proceedWith = (key: KeyInfo | undefined) => {
    if (!key) return;
    chooseKey(key.name);
    goTo('agent');
  };

  return (
    <div className="step">
      <StepHeading>Your keys</StepHeading>
      <p className="lead">
        An SSH key is a pair of files: a private key that stays on this computer, and a public key you give
        the Hub. You can reuse a key you already have, or make one just for the Hub.
      </p>
      {error ? <ErrorPanel error={error} onRetry={() => void load()} /> : null}
      {list === null && !error ? <p role="status">Looking in your SSH folder…</p> : null}
      {list && list.keys.length === 0 ? (
        <p className="note">
          There are no SSH keys in {list.sshDir} yet, so you will create one. It takes a few seconds.
        </p>
      ) : null}
      {list && list.keys.length > 0 ? (
        <fieldset className="choices">
          <legend className="choices__legend">Keys found in {list.sshDir}</legend>
          {list.keys.map((key) => (
            <KeyCard
              key={key.name}
              info={key}
              checked={key.name === keyName}
              onChoose={() => chooseKey(key.name)}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="step-actions">
        <button type="button" className="button" onClick={() => goTo('check')}>
          Back
        </button>
        <button type="button" className="button" onClick={() => goTo('create-key')} disabled={list === null}>
          Create a new key for the Hub
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!chosen}
          onClick={() => proceedWith(chosen)}
        >
          Use this key
        </button>
      </div>
    </div>
  );
}

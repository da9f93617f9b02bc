import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { KeyCard, keyUsable } from './key-card';

/** "Your keys": the key pairs already in ~/.ssh, to reuse one or make a new one for the Hub. */
export function KeysStep() {
  const { list, error, loadKeys, keyName, chooseKey, goTo } = useAppStore(
    useShallow((state) => ({
      list: state.keyList,
      error: state.keyListError,
      loadKeys: state.loadKeys,
      keyName: state.keyName,
      chooseKey: state.chooseKey,
      goTo: state.goTo,
    })),
  );
  useEffect(() => {
    void loadKeys();
  }, [loadKeys]);

  const chosen = list?.keys.find((key) => key.name === keyName && keyUsable(key));
  const none = list !== null && list.keys.length === 0;

  return (
    <div className="step">
      <StepHeading>Your keys</StepHeading>
      <p className="lead">
        An SSH key is a pair of files: a private key that never leaves this computer, and a public key you
        give the Hub. You can reuse a key you already have, or make one just for the Hub.
      </p>
      {error ? <ErrorPanel error={error} onRetry={() => void loadKeys()} /> : null}
      {list === null && !error ? <p role="status">Looking in your SSH folder…</p> : null}
      {none ? (
        <div className="note">
          <p>
            There is no SSH key in <code>{list.sshDir}</code> yet.
          </p>
          <p>
            As the Hub’s guide says: if you don’t have such a file under ~/.ssh, you will have to generate a
            new key. The app does that for you in the next step; it takes a few seconds.
          </p>
        </div>
      ) : null}
      {list && !none ? (
        <fieldset className="choices">
          <legend className="choices__legend">Choose a key for the Hub (found in {list.sshDir})</legend>
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
        <p className="step-actions__note" role="status">
          {list && !none && !chosen ? 'Choose a key above, or create a new one.' : ''}
        </p>
        <button type="button" className="button" onClick={() => goTo('check')}>
          Back
        </button>
        <button
          type="button"
          className={`button${none ? ' button--primary' : ''}`}
          disabled={list === null && !error}
          onClick={() => goTo('create-key')}
        >
          Create a new key for the Hub
        </button>
        {none ? null : (
          <button
            type="button"
            className="button button--primary"
            disabled={!chosen}
            onClick={() => goTo('agent')}
          >
            Use this key
          </button>
        )}
      </div>
    </div>
  );
}

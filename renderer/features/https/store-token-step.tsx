import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CredentialSetup } from '../../../preload/contract';
import { BackNext } from '../../components/back-next';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';

/** Whether saving with this setup would put the token in a plain-text file. */
export function writesPlaintext(setup: CredentialSetup): boolean {
  if (setup.configured.some((helper) => helper.storage === 'plaintext')) return true;
  return !setup.secure && setup.configured.length === 0;
}

function Destination({ setup }: { readonly setup: CredentialSetup }) {
  if (setup.secure)
    return (
      <p>
        Git will keep the token in <strong>{setup.secure.name}</strong>, your system’s secure store, and use
        it only for {setup.host}.
        {setup.secure.configured
          ? ' It is already set up in Git.'
          : ` The app adds it to Git’s settings for ${setup.host} only; nothing else in your Git settings changes.`}
      </p>
    );
  const others = setup.configured.filter((helper) => helper.storage !== 'plaintext');
  if (others.length > 0)
    return (
      <p>
        Git will hand the token to the credential helper{others.length > 1 ? 's' : ''} you set up:{' '}
        {others.map((helper) => helper.name).join(', ')}.
      </p>
    );
  return null;
}

/** "Save it for Git": where the token will live, consent for plain text, and the save itself. */
export function StoreTokenStep() {
  const { report, setup, setupError, load, stored, storing, storeError, save, goTo, back, next } =
    useAppStore(
      useShallow((state) => ({
        report: state.tokenReport,
        setup: state.credentialSetup,
        setupError: state.credentialSetupError,
        load: state.loadCredentialSetup,
        stored: state.storedToken,
        storing: state.storing,
        storeError: state.storeError,
        save: state.storeToken,
        goTo: state.goTo,
        back: state.back,
        next: state.next,
      })),
    );
  const [plaintextOk, setPlaintextOk] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  if (!report && !stored)
    return (
      <div className="step">
        <StepHeading>Save it for Git</StepHeading>
        <p className="lead">
          The app does not keep your token, so it needs it once more before Git can save it.
        </p>
        <div className="step-actions">
          <button type="button" className="button button--primary" onClick={() => goTo('token')}>
            Paste the token
          </button>
        </div>
      </div>
    );

  const plaintext = setup ? writesPlaintext(setup) : false;
  const canSave = setup !== null && !storing && (!plaintext || plaintextOk) && !stored;

  return (
    <div className="step">
      <StepHeading>Save it for Git</StepHeading>
      <p className="lead">
        Git keeps tokens with a <em>credential helper</em>, so it never asks for them and they never appear in
        a repository’s address.
      </p>
      {setupError ? <ErrorPanel error={setupError} onRetry={() => void load()} /> : null}
      {setup === null && !setupError ? <p role="status">Looking at Git’s settings…</p> : null}
      {setup ? (
        <>
          <Destination setup={setup} />
          {setup.storedUser && !stored ? (
            <p className="note">
              Git already has a token for {setup.storedUser} on {setup.host}; saving replaces it.
            </p>
          ) : null}
          {plaintext && !stored ? (
            <div className="danger" role="group" aria-labelledby="plaintext-title">
              <h2 className="danger__title" id="plaintext-title">
                Only a plain-text file is available
              </h2>
              <p>
                This computer has no secure store Git can use, so Git would write the token, unencrypted, to{' '}
                <code>{setup.plaintextPath}</code>. Anyone who can read your files could use it.
              </p>
              <p>
                <strong>Safer: </strong>
                {setup.advice}
              </p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={plaintextOk}
                  onChange={(event) => setPlaintextOk(event.target.checked)}
                />
                Save it in plain text anyway (only this user account can read the file)
              </label>
            </div>
          ) : null}
        </>
      ) : null}
      {storeError ? <ErrorPanel error={storeError} /> : null}
      {stored ? (
        <p className="success-note" role="status">
          Saved. Git will sign in to {stored.host} as {stored.username} with this token ({stored.helper}
          {stored.storage === 'plaintext' ? ', plain text' : ''}).
        </p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={!canSave}
          onClick={() => void save(plaintext && plaintextOk)}
        >
          {storing ? 'Saving…' : 'Save the token for Git'}
        </button>
      )}
      <BackNext canContinue={!!stored} onBack={back} onNext={next} />
    </div>
  );
}

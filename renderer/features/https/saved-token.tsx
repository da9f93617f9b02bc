import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { useAppStore } from '../../store/app-store';

/** "The saved token": forgetting it, after a second click to confirm, and the step's own way out. */
export function SavedToken() {
  const { forget, forgetError, startOver, back } = useAppStore(
    useShallow((state) => ({
      forget: state.forgetToken,
      forgetError: state.forgetError,
      startOver: state.startOver,
      back: state.back,
    })),
  );
  const [forgotten, setForgotten] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  return (
    <>
      <h2 className="subheading">The saved token</h2>
      <p>
        Forgetting it removes it from Git’s credential helper; revoke it on the Hub too if it may have leaked.
      </p>
      {forgetError ? <ErrorPanel error={forgetError} /> : null}
      {forgotten ? (
        <p className="success-note" role="status">
          Git no longer has a token for the Hub.
        </p>
      ) : null}
      <div className="step-actions">
        <button type="button" className="button" onClick={back}>
          Back
        </button>
        {confirmForget ? (
          <>
            <span className="step-actions__note" role="status">
              Git will ask for a token again on the next push.
            </span>
            <button type="button" className="button" onClick={() => setConfirmForget(false)}>
              Keep it
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() =>
                void forget().then((done) => {
                  setForgotten(done);
                  setConfirmForget(false);
                })
              }
            >
              Yes, forget it
            </button>
          </>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirmForget(true)}>
            Forget this token
          </button>
        )}
        <button type="button" className="button" onClick={startOver}>
          Start over
        </button>
      </div>
    </>
  );
}

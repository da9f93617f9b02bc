import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { ApiTokenDialog } from './api-token-dialog';
import { PublishDone } from './publish-done';
import { PublishFolderStep } from './publish-folder-step';
import { PublishForm } from './publish-form';
import { PublishProgress } from './publish-progress';
import './hub.css';

/** Why publishing asks for a token, in one sentence. */
export const PUBLISH_TOKEN_REASON =
  'Creating the repository on the Hub uses the Hub’s API, which SSH keys cannot call.';

/**
 * "Publish a folder": the folder (and what publishing it will do), the Hub repository, one
 * Publish button, the steps and the push's progress, then where it is.
 */
export function PublishView() {
  const s = useAppStore(
    useShallow((state) => ({
      account: state.hubAccount,
      accountError: state.hubAccountError,
      loadAccount: state.loadHubAccount,
      path: state.publishPath,
      inspection: state.publishInspection,
      inspectError: state.publishInspectError,
      inspecting: state.inspecting,
      run: state.publishRun,
      result: state.publishResult,
      error: state.publishError,
      cancel: state.cancelPublish,
      showView: state.showView,
      inspect: state.inspectPublishFolder,
      tokenNotSaved: state.hubAccount?.source ? state.applyTokenError : null,
    })),
  );
  const { loadAccount, inspect, path } = s;
  useEffect(() => {
    void loadAccount();
  }, [loadAccount]);
  // A token given in the dialog (or its save for Git refused, the token still in use): the folder
  // is looked at again with the account, whose name becomes the suggestion for commits.
  const source = s.account ? s.account.source : undefined;
  const before = useRef(source);
  useEffect(() => {
    if (before.current === null && source && path) void inspect(path);
    before.current = source;
  }, [source, path, inspect]);

  const body = () => {
    if (s.result) return <PublishDone result={s.result} />;
    if (s.run) return <PublishProgress run={s.run} onCancel={() => void s.cancel()} />;
    return (
      <>
        <PublishFolderStep />
        <div role="status" aria-live="polite">
          {s.inspecting ? <p>Looking at {s.path}…</p> : null}
        </div>
        {s.inspectError ? <ErrorPanel error={s.inspectError} /> : null}
        {s.tokenNotSaved ? (
          <p className="warning-note" role="note">
            {s.tokenNotSaved.message} {s.tokenNotSaved.hint}
          </p>
        ) : null}
        {s.inspection && s.account && !s.account.source ? (
          <ApiTokenDialog
            reason={PUBLISH_TOKEN_REASON}
            onDone={() => void loadAccount()}
            onCancel={() => s.showView('hub')}
          />
        ) : s.inspection && s.account ? (
          <PublishForm key={s.inspection.path} inspection={s.inspection} namespaces={s.account.namespaces} />
        ) : null}
        {s.error ? <ErrorPanel error={s.error} /> : null}
      </>
    );
  };

  return (
    <div className="step">
      <StepHeading>Publish a folder</StepHeading>
      <p className="lead">
        Put a folder with a model, a dataset or a Space app on the Hub: the app makes it a Git repository if
        needed, stores large files with Git LFS, creates the repository and pushes.
      </p>
      {s.accountError ? <ErrorPanel error={s.accountError} onRetry={() => void loadAccount()} /> : null}
      {body()}
      {!s.run ? (
        <p>
          <button type="button" className="button button--quiet" onClick={() => s.showView('hub')}>
            Back to your repositories on the Hub
          </button>
        </p>
      ) : null}
    </div>
  );
}

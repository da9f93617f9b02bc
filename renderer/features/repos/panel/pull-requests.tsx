import { Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../../components/error-panel';
import { ExternalLink } from '../../../components/external-link';
import { useAppStore } from '../../../store/app-store';
import { ApiTokenDialog } from '../../hub';
import { PR_TOKEN_REASON } from '../pull-request-slice';
import { PullRequestForm } from './pull-request-form';
import { PullRequestList } from './pull-request-list';

/**
 * Pull requests on the Hub, in the workspace: the form to open one (after a push refused for lack
 * of write access, or from the sync bar), the open ones, the link once it is done, and the token
 * dialog in place when the Hub's API needs one.
 */
export function PullRequests() {
  const { panel, done, error, tokenNeeded, given, cancelled, close, list } = useAppStore(
    useShallow((store) => ({
      panel: store.prPanel,
      done: store.prDone,
      error: store.prError,
      tokenNeeded: store.prTokenNeeded,
      given: store.prTokenGiven,
      cancelled: store.prTokenCancelled,
      close: store.closePullRequests,
      list: store.showPullRequests,
    })),
  );
  if (panel === 'closed') return null;
  return (
    <section className="panel" aria-labelledby="pr-title-heading">
      <h2 className="panel__title" id="pr-title-heading">
        {panel === 'form' ? 'Open a pull request' : 'Pull requests'}
      </h2>
      {done ? (
        <div className="success-note" role="status">
          <p>
            {done.opened ? `Pull request #${done.pr.num} is open` : `Pushed to pull request #${done.pr.num}`}:
            your commits are on its branch <code>{done.pr.ref}</code> on the Hub, up to{' '}
            <code>{done.pushed.slice(0, 7)}</code>.
          </p>
          <p>
            <ExternalLink href={done.pr.url}>See the pull request on the Hub</ExternalLink>
          </p>
        </div>
      ) : panel === 'form' ? (
        <PullRequestForm />
      ) : (
        <PullRequestList />
      )}
      {tokenNeeded ? (
        // Its own boundary: the dialog's first load must not blank the workspace around it.
        <Suspense fallback={null}>
          <ApiTokenDialog reason={PR_TOKEN_REASON} onDone={() => void given()} onCancel={cancelled} />
        </Suspense>
      ) : null}
      {error ? <ErrorPanel error={error} /> : null}
      <div className="button-row">
        {panel === 'form' && !done ? (
          <button type="button" className="button" onClick={() => void list()}>
            Show the open pull requests
          </button>
        ) : null}
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { ExternalLink } from '../../components/external-link';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { ApiTokenDialog } from './api-token-dialog';
import { HubAccount } from './hub-account';
import { HubRepoListView } from './hub-repo-list';
import { kindInText } from './hub-text';
import { NewRepoForm } from './new-repo-form';
import './hub.css';

/** Why the list asks for a token, in one sentence. */
export const LIST_TOKEN_REASON = 'Listing your repositories uses the Hub’s API, which SSH keys cannot call.';

/**
 * "Your repositories on the Hub": who the API acts as, Publish a folder, New repository, a search,
 * and the account's and its organizations' repositories with Clone or Open. Without a token the
 * token dialog takes the list's place.
 */
export function HubView() {
  const s = useAppStore(
    useShallow((state) => ({
      account: state.hubAccount,
      accountError: state.hubAccountError,
      list: state.hubRepos,
      listError: state.hubReposError,
      loading: state.hubReposLoading,
      created: state.hubCreated,
      loadAccount: state.loadHubAccount,
      loadRepos: state.loadHubRepos,
      showView: state.showView,
      resetPublish: state.resetPublish,
    })),
  );
  const { loadAccount, loadRepos } = s;
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void loadAccount();
  }, [loadAccount]);
  useEffect(() => {
    const text = search.trim();
    const timer = window.setTimeout(() => void loadRepos(text === '' ? null : text, false), text ? 250 : 0);
    return () => window.clearTimeout(timer);
  }, [search, loadRepos]);

  const needsToken = s.listError?.code === 'api_token_needed';
  const publish = () => {
    s.resetPublish();
    s.showView('publish');
  };

  return (
    <div className="step">
      <StepHeading>Your repositories on the Hub</StepHeading>
      {s.account ? <HubAccount account={s.account} /> : null}
      {s.accountError ? <ErrorPanel error={s.accountError} onRetry={() => void loadAccount()} /> : null}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={publish}>
          Publish a folder
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={creating}
          onClick={() => setCreating((open) => !open)}
        >
          New repository
        </button>
      </div>
      {s.created ? (
        <p role="status">
          {s.created.created ? 'Created' : 'It was already there, and it is yours'}:{' '}
          <ExternalLink href={s.created.url}>
            {kindInText(s.created.kind)} {s.created.id}
          </ExternalLink>
        </p>
      ) : null}
      {needsToken ? (
        <ApiTokenDialog
          reason={s.listError?.message ?? LIST_TOKEN_REASON}
          onDone={() => void loadRepos(search.trim() || null, true)}
          onCancel={() => s.showView('repos')}
        />
      ) : (
        <>
          {creating && s.account ? (
            <NewRepoForm namespaces={s.account.namespaces} onClose={() => setCreating(false)} />
          ) : null}
          <div className="field">
            <label className="field__label" htmlFor="hub-search">
              Search your repositories
            </label>
            <input
              id="hub-search"
              className="input"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <div role="status" aria-live="polite">
            {s.loading && !s.list ? <p>Asking the Hub for your repositories…</p> : null}
          </div>
          {s.listError ? (
            <ErrorPanel error={s.listError} onRetry={() => void loadRepos(search.trim() || null, true)} />
          ) : null}
          {s.list ? <HubRepoListView list={s.list} search={search} /> : null}
        </>
      )}
    </div>
  );
}

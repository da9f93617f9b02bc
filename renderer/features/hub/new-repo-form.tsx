import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError, HubNamespaceView } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { openExternal } from '../../services/external';
import { useAppStore } from '../../store/app-store';
import * as hub from './hub-service';
import { newRepoPageUrl, kindInText } from './hub-text';
import { defaultNamespace, draftProblem, RepoFields, type RepoDraft } from './repo-fields';
import { WaitForRepo } from './wait-for-repo';

/**
 * "New repository": created through the Hub's API, or on the Hub's own page (the app opens it and
 * notices when the repository exists).
 */
export function NewRepoForm({
  namespaces,
  onClose,
}: {
  readonly namespaces: readonly HubNamespaceView[];
  readonly onClose: () => void;
}) {
  const { endpoint, setCreated, reload } = useAppStore(
    useShallow((state) => ({
      endpoint: state.appInfo?.hubEndpoint ?? 'https://huggingface.co',
      setCreated: state.setHubCreated,
      reload: state.reloadHubRepos,
    })),
  );
  const [draft, setDraft] = useState<RepoDraft>({
    kind: 'model',
    namespace: defaultNamespace(namespaces),
    name: '',
    private: false,
    sdk: null,
  });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [tried, setTried] = useState(false);
  const problem = draftProblem(draft, namespaces);
  const id = `${draft.namespace}/${draft.name}`;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem || busy) return;
    setBusy(true);
    const result = await hub.createHubRepo(draft);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setCreated(result.value);
    await reload(true);
    onClose();
  };

  const onHubPage = async () => {
    setError(null);
    const opened = await openExternal(newRepoPageUrl(endpoint, draft.kind));
    if (!opened.ok) setError(opened.error);
    if (draft.name !== '') setWaiting(true);
  };

  const found = () => {
    setWaiting(false);
    setCreated({
      id,
      kind: draft.kind,
      url: `${endpoint}/${draft.kind === 'model' ? '' : `${draft.kind}s/`}${id}`,
      created: true,
      private: draft.private,
    });
    void reload(true);
    onClose();
  };

  return (
    <section className="panel" aria-labelledby="new-repo-title">
      <h2 className="panel__title" id="new-repo-title">
        New repository
      </h2>
      <form className="token-form" onSubmit={(event) => void create(event)}>
        <RepoFields draft={draft} namespaces={namespaces} onChange={setDraft} />
        {tried && problem ? <p className="inline-error">{problem}</p> : null}
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? 'Creating…' : `Create the ${kindInText(draft.kind)}`}
          </button>
          <button type="button" className="button" onClick={() => void onHubPage()}>
            Create it on the Hub’s page instead
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
        {draft.name === '' ? (
          <p className="field__hint">
            On the Hub’s page, type the same name here first, so the app can notice the repository.
          </p>
        ) : null}
      </form>
      {waiting ? (
        <WaitForRepo kind={draft.kind} id={id} onFound={found} onStop={() => setWaiting(false)} />
      ) : null}
      {error ? <ErrorPanel error={error} /> : null}
    </section>
  );
}

import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HubNamespaceView, HubRepoView } from '../../../preload/contract';
import { useAppStore } from '../../store/app-store';
import { kindInText } from './hub-text';
import { RepoFields, type RepoDraft } from './repo-fields';

/** A new repository to create, or one of the person's that exists. */
export type TargetChoice =
  | { readonly mode: 'new'; readonly draft: RepoDraft }
  | { readonly mode: 'existing'; readonly repo: HubRepoView | null };

/**
 * Step 2, the Hub repository: a new one (prefilled from the folder) or one of the person's own,
 * from the Hub's list.
 */
export function PublishTarget({
  choice,
  draft,
  namespaces,
  onChange,
}: {
  readonly choice: TargetChoice;
  /** The new-repository fields, kept while "one of yours" is picked. */
  readonly draft: RepoDraft;
  readonly namespaces: readonly HubNamespaceView[];
  readonly onChange: (choice: TargetChoice) => void;
}) {
  const id = useId();
  const { list, loadRepos } = useAppStore(
    useShallow((state) => ({ list: state.hubRepos, loadRepos: state.loadHubRepos })),
  );
  const existing = choice.mode === 'existing';
  useEffect(() => {
    if (existing && !list) void loadRepos(null, false);
  }, [existing, list, loadRepos]);

  return (
    <section className="panel" aria-labelledby="publish-target-title">
      <h2 className="panel__title" id="publish-target-title">
        2. The repository on the Hub
      </h2>
      <fieldset className="inline-choices">
        <legend className="visually-hidden">Which repository</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={!existing}
            onChange={() => onChange({ mode: 'new', draft })}
          />
          A new repository
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={existing}
            onChange={() => onChange({ mode: 'existing', repo: null })}
          />
          One of yours
        </label>
      </fieldset>
      {choice.mode === 'new' ? (
        <RepoFields
          draft={choice.draft}
          namespaces={namespaces}
          onChange={(next) => onChange({ mode: 'new', draft: next })}
        />
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-existing`}>
            Your repository
          </label>
          <select
            id={`${id}-existing`}
            className="input"
            value={choice.repo ? `${choice.repo.kind}:${choice.repo.id}` : ''}
            onChange={(event) =>
              onChange({
                mode: 'existing',
                repo: list?.repos.find((repo) => `${repo.kind}:${repo.id}` === event.target.value) ?? null,
              })
            }
          >
            <option value="">{list ? 'Choose one…' : 'Asking the Hub…'}</option>
            {list?.repos.map((repo) => (
              <option key={`${repo.kind}:${repo.id}`} value={`${repo.kind}:${repo.id}`}>
                {repo.id} ({kindInText(repo.kind)}
                {repo.private ? ', private' : ''})
              </option>
            ))}
          </select>
          <p className="field__hint">The folder’s files are joined with what the repository has.</p>
        </div>
      )}
    </section>
  );
}

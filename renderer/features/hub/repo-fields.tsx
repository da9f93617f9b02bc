import { useId } from 'react';
import type { HubNamespaceView, RepoKind, SpaceSdk } from '../../../preload/contract';
import { kindLabel, repoNameProblem, SDK_CHOICES } from './hub-text';

/** What a new Hub repository is: the fields the create form and the publish screen share. */
export interface RepoDraft {
  readonly kind: RepoKind;
  readonly namespace: string;
  readonly name: string;
  readonly private: boolean;
  readonly sdk: SpaceSdk | null;
}

const KINDS: readonly RepoKind[] = ['model', 'dataset', 'space'];

/** The first namespace the token may create in (the account, usually), or the account's. */
export function defaultNamespace(namespaces: readonly HubNamespaceView[]): string {
  return (namespaces.find((namespace) => namespace.canCreate) ?? namespaces[0])?.name ?? '';
}

/** Whether the draft can be sent: a valid name, a namespace the token may write, an SDK for a Space. */
export function draftProblem(draft: RepoDraft, namespaces: readonly HubNamespaceView[]): string | null {
  const named = repoNameProblem(draft.name);
  if (named) return named;
  const namespace = namespaces.find((item) => item.name === draft.namespace);
  if (namespaces.length > 0 && !namespace) return 'Choose where the repository goes.';
  if (namespace && !namespace.canCreate)
    return namespace.why ?? `The token cannot create in ${namespace.name}.`;
  if (draft.kind === 'space' && !draft.sdk) return 'Choose the Space’s SDK.';
  return null;
}

/** Kind, namespace, name, visibility and (for a Space) SDK, as the Hub's own "new" form asks them. */
export function RepoFields({
  draft,
  namespaces,
  onChange,
}: {
  readonly draft: RepoDraft;
  readonly namespaces: readonly HubNamespaceView[];
  readonly onChange: (draft: RepoDraft) => void;
}) {
  const id = useId();
  const nameProblem = draft.name === '' ? null : repoNameProblem(draft.name);
  const chosen = namespaces.find((namespace) => namespace.name === draft.namespace);
  return (
    <>
      <fieldset className="inline-choices">
        <legend className="field__label">It is a</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={draft.kind === kind}
              onChange={() =>
                onChange({ ...draft, kind, sdk: kind === 'space' ? (draft.sdk ?? 'gradio') : null })
              }
            />
            {kindLabel(kind)}
          </label>
        ))}
      </fieldset>
      <div className="input-row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-namespace`}>
            Owner
          </label>
          <select
            id={`${id}-namespace`}
            className="input"
            value={draft.namespace}
            onChange={(event) => onChange({ ...draft, namespace: event.target.value })}
          >
            {namespaces.map((namespace) => (
              <option key={namespace.name} value={namespace.name} disabled={!namespace.canCreate}>
                {namespace.name}
                {namespace.kind === 'org' ? ' (organization)' : ''}
                {namespace.canCreate ? '' : ': cannot create here'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Repository name
          </label>
          <input
            id={`${id}-name`}
            className="input input--mono"
            value={draft.name}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? `${id}-name-problem` : undefined}
            onChange={(event) => onChange({ ...draft, name: event.target.value })}
          />
        </div>
      </div>
      {nameProblem ? (
        <p className="field__problem" id={`${id}-name-problem`}>
          {nameProblem}
        </p>
      ) : null}
      {chosen && !chosen.canCreate && chosen.why ? <p className="field__problem">{chosen.why}</p> : null}
      {namespaces
        .filter((namespace) => !namespace.canCreate && namespace.why && namespace !== chosen)
        .map((namespace) => (
          <p key={namespace.name} className="field__hint">
            {namespace.name}: {namespace.why}
          </p>
        ))}
      {draft.kind === 'space' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-sdk`}>
            Space SDK
          </label>
          <select
            id={`${id}-sdk`}
            className="input"
            value={draft.sdk ?? 'gradio'}
            onChange={(event) => onChange({ ...draft, sdk: event.target.value as SpaceSdk })}
          >
            {SDK_CHOICES.map((choice) => (
              <option key={choice.sdk} value={choice.sdk}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.private}
          onChange={(event) => onChange({ ...draft, private: event.target.checked })}
        />
        Private (only you
        {draft.namespace && chosen?.kind === 'org' ? ` and ${draft.namespace}’s members` : ''} can see it)
      </label>
    </>
  );
}

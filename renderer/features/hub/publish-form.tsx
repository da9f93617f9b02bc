import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FolderInspection, HubNamespaceView, PublishTarget as Target } from '../../../preload/contract';
import { useAppStore } from '../../store/app-store';
import { IdentityFields } from './identity-fields';
import { PublishInspection } from './publish-inspection';
import { PublishTarget, type TargetChoice } from './publish-target';
import { defaultNamespace, draftProblem, type RepoDraft } from './repo-fields';

/** What "Publish" sends for the choice, or the reason it cannot be sent yet. */
export function targetOf(
  choice: TargetChoice,
  namespaces: readonly HubNamespaceView[],
): { readonly target: Target } | { readonly problem: string } {
  if (choice.mode === 'existing') {
    if (!choice.repo) return { problem: 'Choose one of your repositories.' };
    const [namespace = '', name = ''] = choice.repo.id.split('/');
    return {
      target: {
        kind: choice.repo.kind,
        namespace,
        name,
        private: choice.repo.private,
        sdk: null,
        create: false,
      },
    };
  }
  const draft = { ...choice.draft, namespace: choice.draft.namespace || defaultNamespace(namespaces) };
  const problem = draftProblem(draft, namespaces);
  return problem ? { problem } : { target: { ...draft, create: true } };
}

/** The first choice for a folder: where it already pushes, else a new repository named after it. */
function firstChoice(inspection: FolderInspection, namespaces: readonly HubNamespaceView[]): RepoDraft {
  const [namespace = '', name = ''] = inspection.connected?.repo.split('/') ?? [];
  const kind = inspection.connected?.kind ?? inspection.suggestedKind;
  return {
    kind,
    namespace: namespace || defaultNamespace(namespaces),
    name: name || inspection.suggestedName,
    private: false,
    sdk: kind === 'space' ? (inspection.space.sdk ?? 'gradio') : null,
  };
}

/**
 * What will happen, step 2 and the one Publish button, for one inspected folder (keyed by its
 * path, so another folder starts from its own suggestions).
 */
export function PublishForm({
  inspection,
  namespaces,
}: {
  readonly inspection: FolderInspection;
  readonly namespaces: readonly HubNamespaceView[];
}) {
  const publish = useAppStore(useShallow((state) => state.publishFolder));
  const [draft, setDraft] = useState<RepoDraft>(() => firstChoice(inspection, namespaces));
  const [choice, setChoice] = useState<TargetChoice>({ mode: 'new', draft });
  const needsIdentity = !inspection.identity.name || !inspection.identity.email;
  const [identity, setIdentity] = useState({
    name: inspection.identity.name ?? inspection.identity.suggestedName ?? '',
    email: inspection.identity.email ?? inspection.identity.suggestedEmail ?? '',
  });
  const [tried, setTried] = useState(false);
  const chosen = targetOf(choice, namespaces);
  const identityProblem =
    needsIdentity && (identity.name.trim() === '' || !/^\S+@\S+$/.test(identity.email.trim()))
      ? 'Give the name and email Git should put on the commits.'
      : null;
  const problem = 'problem' in chosen ? chosen.problem : identityProblem;

  const change = (next: TargetChoice) => {
    if (next.mode === 'new') setDraft(next.draft);
    setChoice(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem || !('target' in chosen)) return;
    void publish({
      path: inspection.path,
      target: chosen.target,
      identity: needsIdentity ? { name: identity.name.trim(), email: identity.email.trim() } : null,
    });
  };

  const forSpace = 'target' in chosen && chosen.target.kind === 'space';
  return (
    <form className="publish-form" onSubmit={submit}>
      <PublishInspection inspection={inspection} forSpace={forSpace || draft.kind === 'space'} />
      <PublishTarget choice={choice} draft={draft} namespaces={namespaces} onChange={change} />
      {needsIdentity ? (
        <IdentityFields name={identity.name} email={identity.email} onChange={setIdentity} />
      ) : null}
      {tried && problem ? (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="step-actions">
        <button type="submit" className="button button--primary">
          Publish
        </button>
      </div>
    </form>
  );
}

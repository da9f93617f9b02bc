import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GitTransport, RepoKind } from '../../../../preload/contract';
import { ErrorPanel } from '../../../components/error-panel';
import { RunProgress } from '../../../components/run-progress';
import { useAppStore } from '../../../store/app-store';
import { CloneAddressField } from './clone-address-field';
import { CloneDestinationField } from './clone-destination-field';
import { describedBy, FIELD_LIMITS } from './field-limits';
import { KeptClone } from './kept-clone';
import { KindChoice } from './kind-choice';
import { LimitNote } from './limit-note';
import { TransportChoice } from './transport-choice';

/** What the folder field says when Clone is pressed with it empty. */
export const EMPTY_FOLDER = 'Choose a folder to clone into.';

/**
 * "Clone a repository". What is typed stays in the form; main's view of the address, the run and
 * its error are in the store. The address is checked a moment after typing stops.
 */
export function CloneForm() {
  const { access, check, run, error, desktop, checkAddress, clone, cancel, retry } = useAppStore(
    useShallow((state) => ({
      access: state.repoAccess,
      check: state.cloneCheck,
      run: state.repoRuns.clone,
      error: state.cloneError,
      // The native folder picker exists in the desktop app; browser mode takes a typed path.
      desktop: state.appInfo?.transport === 'electron',
      checkAddress: state.checkCloneAddress,
      clone: state.cloneRepo,
      cancel: state.cancelRepoRun,
      retry: state.retryRepoRun,
    })),
  );
  const [input, setInput] = useState('');
  const [kind, setKind] = useState<RepoKind>('model');
  const [destination, setDestination] = useState('');
  const [revision, setRevision] = useState('');
  const [transport, setTransport] = useState<GitTransport | null>(null);
  const [folderProblem, setFolderProblem] = useState<string | null>(null);
  const chosen = transport ?? access?.preferred ?? 'https';
  const problem = input.trim() === '' ? null : check.problem;

  useEffect(() => {
    const text = input.trim();
    if (text === '') return undefined;
    const timer = window.setTimeout(() => {
      void checkAddress(text, kind).then((named) => {
        if (named && revision === '') setRevision(named);
      });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [input, kind, revision, checkAddress]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Refused in words on the field itself, before any call (main's schema would say less).
    if (destination.trim() === '') {
      setFolderProblem(EMPTY_FOLDER);
      document.getElementById('clone-destination')?.focus();
      return;
    }
    void clone({
      input,
      kind: check.bare ? kind : null,
      destination: destination.trim(),
      revision: revision.trim() || null,
      transport: chosen,
    });
  };

  return (
    <section className="panel" aria-labelledby="clone-title">
      <h2 className="panel__title" id="clone-title">
        Clone a repository
      </h2>
      <form className="token-form" onSubmit={submit}>
        <CloneAddressField value={input} problem={problem} onChange={setInput} />
        {check.bare ? <KindChoice value={kind} onChange={setKind} /> : null}
        <CloneDestinationField
          value={destination}
          desktop={desktop}
          problem={folderProblem}
          onChange={(value) => {
            setDestination(value);
            if (value.trim() !== '') setFolderProblem(null);
          }}
        />
        <div className="field">
          <label className="field__label" htmlFor="clone-revision">
            Branch, tag or commit (optional)
          </label>
          <input
            id="clone-revision"
            className="input input--mono"
            value={revision}
            spellCheck={false}
            maxLength={FIELD_LIMITS.revision}
            aria-describedby={describedBy(revision, FIELD_LIMITS.revision, 'clone-revision-limit')}
            onChange={(event) => setRevision(event.target.value)}
          />
          <LimitNote id="clone-revision-limit" value={revision} max={FIELD_LIMITS.revision} />
        </div>
        <TransportChoice access={access} value={chosen} onChange={setTransport} name="clone-transport" />
        {run ? (
          <RunProgress
            label="Clone progress"
            event={run.event}
            onCancel={() => void cancel('clone')}
            onRetry={() => void retry('clone')}
          />
        ) : (
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={problem !== null || input.trim() === ''}
          >
            Clone
          </button>
        )}
      </form>
      <KeptClone />
      {error ? <ErrorPanel error={error} /> : null}
    </section>
  );
}

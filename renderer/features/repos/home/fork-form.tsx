import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GitTransport } from '../../../../preload/contract';
import { ErrorPanel } from '../../../components/error-panel';
import { RunProgress } from '../../../components/run-progress';
import { useAppStore } from '../../../store/app-store';
import { hubAccount } from '../repos-service';
import { describedBy, FIELD_LIMITS } from './field-limits';
import { ForkBranches } from './fork-branches';
import { LimitNote } from './limit-note';
import { TransportChoice } from './transport-choice';

/** The repository's own name in an address or NAME/REPO ("gpt2" of "openai/gpt2", of ".../tree/main"). */
export function upstreamName(input: string): string | null {
  const path = input
    .trim()
    .replace(/^[a-z+]+:\/\/[^/]+\//i, '')
    .replace(/^[^@/]+@[^:]+:/, '')
    .replace(/\/(tree|blob|resolve)\/.*$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? (parts[parts.length - 1] ?? null) : null;
}

/** What the folder field says when Fork is pressed with it empty. */
export const EMPTY_FORK_FOLDER = 'Choose a folder for your copy.';

/**
 * "Fork a repository with its large files": the original, a working folder, and the branches to
 * carry. The app creates the copy on the Hub under the account with the original's name, unless
 * another name is typed.
 */
export function ForkForm() {
  const { access, run, error, fork, cancel, retry } = useAppStore(
    useShallow((state) => ({
      access: state.repoAccess,
      run: state.repoRuns.fork,
      error: state.forkError,
      fork: state.forkRepo,
      cancel: state.cancelRepoRun,
      retry: state.retryRepoRun,
    })),
  );
  const [upstream, setUpstream] = useState('');
  const [target, setTarget] = useState('');
  const [destination, setDestination] = useState('');
  const [branches, setBranches] = useState<readonly string[] | null>(null);
  const [folderProblem, setFolderProblem] = useState<string | null>(null);
  const [account, setAccount] = useState<string | null>(null);
  const [transport, setTransport] = useState<GitTransport | null>(null);
  const chosen = transport ?? access?.preferred ?? 'https';
  const pickBranches = useCallback((picked: readonly string[] | null) => setBranches(picked), []);
  useEffect(() => {
    void hubAccount().then((result) => setAccount(result.ok ? result.value.user : null));
  }, []);
  const name = upstreamName(upstream);
  const suggested = name ? `${account ?? 'your account'}/${name}` : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (destination.trim() === '') {
      setFolderProblem(EMPTY_FORK_FOLDER);
      document.getElementById('fork-destination')?.focus();
      return;
    }
    void fork({
      upstream,
      fork: target.trim() === '' ? null : target.trim(),
      destination: destination.trim(),
      transport: chosen,
      branches: branches && branches.length > 0 ? branches : null,
    });
  };
  return (
    <details className="panel">
      <summary className="panel__title">Fork a repository with its large files</summary>
      <p>
        Copies a repository, every large file included, into a new one of yours on the Hub. The app creates it
        for you.
      </p>
      <form className="token-form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor="fork-upstream">
            The original repository
          </label>
          <input
            id="fork-upstream"
            className="input input--mono"
            value={upstream}
            spellCheck={false}
            maxLength={FIELD_LIMITS.address}
            aria-describedby={describedBy(upstream, FIELD_LIMITS.address, 'fork-upstream-limit')}
            onChange={(event) => setUpstream(event.target.value)}
          />
          <LimitNote id="fork-upstream-limit" value={upstream} max={FIELD_LIMITS.address} />
        </div>
        <ForkBranches upstream={upstream} transport={chosen} picked={branches} onChange={pickBranches} />
        <div className="field">
          <label className="field__label" htmlFor="fork-target">
            Your copy on the Hub (optional)
          </label>
          <input
            id="fork-target"
            className="input input--mono"
            value={target}
            placeholder={suggested}
            spellCheck={false}
            maxLength={FIELD_LIMITS.address}
            aria-describedby="fork-target-hint"
            onChange={(event) => setTarget(event.target.value)}
          />
          <p className="field__hint" id="fork-target-hint">
            {suggested
              ? `Leave it empty for ${suggested}; the app creates it.`
              : 'Leave it empty to use your account and the original’s name; the app creates it.'}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="fork-destination">
            Working folder on this computer
          </label>
          <input
            id="fork-destination"
            className="input input--mono"
            value={destination}
            spellCheck={false}
            maxLength={FIELD_LIMITS.path}
            aria-invalid={folderProblem !== null}
            aria-describedby={describedBy(destination, FIELD_LIMITS.path, 'fork-destination-limit')}
            onChange={(event) => {
              setDestination(event.target.value);
              if (event.target.value.trim() !== '') setFolderProblem(null);
            }}
          />
          <LimitNote id="fork-destination-limit" value={destination} max={FIELD_LIMITS.path} />
          {folderProblem ? (
            <p className="inline-error" role="alert">
              {folderProblem}
            </p>
          ) : null}
        </div>
        <TransportChoice access={access} value={chosen} onChange={setTransport} name="fork-transport" />
        {run ? (
          <RunProgress
            label="Fork progress"
            event={run.event}
            onCancel={() => void cancel('fork')}
            onRetry={() => void retry('fork')}
          />
        ) : (
          <button type="submit" className="button">
            Fork
          </button>
        )}
      </form>
      {error ? <ErrorPanel error={error} /> : null}
    </details>
  );
}

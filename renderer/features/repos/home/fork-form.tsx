import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GitTransport } from '../../../../preload/contract';
import { ErrorPanel } from '../../../components/error-panel';
import { RunProgress } from '../../../components/run-progress';
import { useAppStore } from '../../../store/app-store';
import { describedBy, FIELD_LIMITS } from './field-limits';
import { LimitNote } from './limit-note';
import { TransportChoice } from './transport-choice';

/** "Fork a repository with its large files": the two Hub addresses and a working folder. */
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
  const [transport, setTransport] = useState<GitTransport | null>(null);
  const chosen = transport ?? access?.preferred ?? 'https';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void fork({ upstream, fork: target, destination: destination.trim(), transport: chosen, branches: null });
  };
  return (
    <details className="panel">
      <summary className="panel__title">Fork a repository with its large files</summary>
      <p>
        Copies a repository, every large file included, into one of yours. Create your (empty) repository on
        the Hub first, then paste both addresses.
      </p>
      <form className="token-form" onSubmit={submit}>
        {(
          [
            ['fork-upstream', 'The original repository', upstream, setUpstream, FIELD_LIMITS.address],
            ['fork-target', 'Your new repository', target, setTarget, FIELD_LIMITS.address],
            [
              'fork-destination',
              'Working folder on this computer',
              destination,
              setDestination,
              FIELD_LIMITS.path,
            ],
          ] as const
        ).map(([id, label, value, setValue, max]) => (
          <div className="field" key={id}>
            <label className="field__label" htmlFor={id}>
              {label}
            </label>
            <input
              id={id}
              className="input input--mono"
              value={value}
              spellCheck={false}
              maxLength={max}
              aria-describedby={describedBy(value, max, `${id}-limit`)}
              onChange={(event) => setValue(event.target.value)}
            />
            <LimitNote id={`${id}-limit`} value={value} max={max} />
          </div>
        ))}
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

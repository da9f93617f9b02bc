import { useShallow } from 'zustand/react/shallow';
import { RunProgress } from '../../../components/run-progress';
import { useAppStore } from '../../../store/app-store';

/** What the last action came to: a note, a run's progress, or how a push or pull ended (with Pull when behind). */
export function RunOutcome() {
  const { note, run, outcome, cancel, runRemote } = useAppStore(
    useShallow((store) => ({
      note: store.repoNote,
      run: store.repoRuns.repo,
      outcome: store.repoOutcome,
      cancel: store.cancelRepoRun,
      runRemote: store.runRepoRemote,
    })),
  );
  return (
    <>
      {note ? (
        <p className="success-note" role="status">
          {note}
        </p>
      ) : null}
      {run ? <RunProgress label="Progress" event={run.event} onCancel={() => void cancel('repo')} /> : null}
      {outcome ? (
        <div
          className={`verdict verdict--${outcome.ok ? 'ok' : 'error'}`}
          role={outcome.ok ? 'status' : 'alert'}
        >
          <p className="verdict__title">{outcome.message}</p>
          {outcome.fix ? <p>{outcome.fix}</p> : null}
          {outcome.behind ? (
            <button type="button" className="button" onClick={() => void runRemote('pull')}>
              Pull
            </button>
          ) : null}
          {outcome.output ? (
            <details className="verdict__details">
              <summary>Details</summary>
              <pre className="code-block" tabIndex={0} aria-label="Git’s output">
                {outcome.output}
              </pre>
            </details>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

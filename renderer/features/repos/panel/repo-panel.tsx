import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError, RemoteRunView, RepoState, Result } from '../../../../preload/contract';
import { ErrorPanel } from '../../../components/error-panel';
import { RunProgress } from '../../../components/run-progress';
import { StepHeading } from '../../../components/step-heading';
import {
  commitChanges,
  installLfs,
  lfsPullCall,
  migrateLfs,
  pullCall,
  pushCall,
  repoState,
  setIdentity,
  stageFiles,
  trackLfs,
} from '../repos-service';
import { useAppStore } from '../../../store/app-store';
import { useRun } from '../repos-view';

/** Bytes in the unit a person reads. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  '??': 'new',
  A: 'added',
  M: 'changed',
  D: 'deleted',
  R: 'renamed',
};
const statusWord = (status: string): string =>
  STATUS_WORDS[status === '??' ? '??' : (status.trim()[0] ?? '')] ?? status.trim();

/** One repository: its changes, the Hub's rules, commit, push and pull, large files. */
export function RepoPanel({ path }: { readonly path: string }) {
  const openRepoAt = useAppStore(useShallow((state) => state.openRepoAt));
  const [state, setState] = useState<RepoState | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<RemoteRunView | null>(null);
  const [message, setMessage] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [migrateOk, setMigrateOk] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const run = useRun();

  const apply = (result: Result<RepoState>) => {
    if (result.ok) {
      setState(result.value);
      setError(null);
    } else setError(result.error);
  };
  // Answers can arrive out of order (a reload started before a stage may end after it): only
  // the newest request's answer is shown.
  const seq = useRef(0);
  const update = async (call: Promise<Result<RepoState>>): Promise<Result<RepoState>> => {
    const ticket = ++seq.current;
    const result = await call;
    if (ticket === seq.current) apply(result);
    return result;
  };
  const reload = () => update(repoState(path));
  useEffect(() => {
    let live = true;
    void repoState(path).then((result) => {
      if (!live) return;
      if (result.ok) setState(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [path]);

  const remoteRun = async (call: (runId: string) => Promise<Result<RemoteRunView>>) => {
    setOutcome(null);
    setNote(null);
    const result = await run.start(call);
    if (result.ok) setOutcome(result.value);
    else setError(result.error);
    await reload();
  };

  if (!state)
    return (
      <div className="step">
        <StepHeading>Opening {path}</StepHeading>
        {error ? <ErrorPanel error={error} /> : <p role="status">Reading the repository…</p>}
        <div className="step-actions">
          <button type="button" className="button" onClick={() => openRepoAt(null)}>
            Back to your repositories
          </button>
        </div>
      </div>
    );

  const staged = state.changes.filter((change) => change.staged);
  const origin = state.remotes.find((remote) => remote.name === 'origin') ?? state.remotes[0];
  return (
    <div className="step">
      <StepHeading>{state.path.split(/[\\/]/).pop()}</StepHeading>
      <p className="lead">
        <code>{state.path}</code>
        {state.branch ? ` · branch ${state.branch}` : ' · no branch checked out'}
        {origin
          ? ` · ${origin.kind === 'hub-ssh' ? 'SSH' : origin.kind === 'hub-https' ? 'HTTPS' : 'remote'}: ${origin.shown}`
          : ''}
      </p>
      {state.ahead > 0 || state.behind > 0 ? (
        <p className="note">
          {state.ahead > 0 ? `${state.ahead} commit(s) to push. ` : ''}
          {state.behind > 0 ? `The Hub has ${state.behind} commit(s) you do not have yet: pull first.` : ''}
        </p>
      ) : null}
      {!state.lfs.installed ? (
        <p className="warning-note">Git LFS is not installed. {state.lfs.howToInstall}</p>
      ) : null}
      {state.lfs.installed && !state.lfs.configured ? (
        <p className="warning-note">
          Git LFS is installed but not set up for your user, so large files would not be handled.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void installLfs().then(() => reload())}
          >
            Set up Git LFS
          </button>
        </p>
      ) : null}
      {state.pointers.length > 0 ? (
        <div className="warning-note">
          <p>
            {state.pointers.length} large file(s) are placeholders, not their content (
            {state.pointers.map((p) => p.path).join(', ')}). Programs reading them fail with “You seem to have
            cloned a repository without having git-lfs installed”.
          </p>
          <button
            type="button"
            className="button"
            disabled={run.running}
            onClick={() => void remoteRun(lfsPullCall(state.path))}
          >
            Download the large files
          </button>
        </div>
      ) : null}

      <section aria-labelledby="changes-title">
        <h2 className="subheading" id="changes-title">
          Changes
        </h2>
        {state.changes.length === 0 ? (
          <p>No changes since the last commit.</p>
        ) : (
          <>
            <table className="changes">
              <caption className="visually-hidden">Changed files; tick the ones to commit</caption>
              <thead>
                <tr>
                  <th scope="col">Commit</th>
                  <th scope="col">File</th>
                  <th scope="col">Change</th>
                  <th scope="col">Size</th>
                </tr>
              </thead>
              <tbody>
                {state.changes.map((change) => (
                  <tr key={change.path}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Include ${change.path}`}
                        checked={change.staged}
                        disabled={change.staged}
                        onChange={() => void update(stageFiles(state.path, [change.path]))}
                      />
                    </td>
                    <td>
                      <code>{change.path}</code>
                    </td>
                    <td>{statusWord(change.status)}</td>
                    <td>{change.status.includes('D') ? '' : formatSize(change.size)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="button button--small"
              onClick={() => void update(stageFiles(state.path, null))}
            >
              Select all
            </button>
          </>
        )}
      </section>

      {state.identity === null ? (
        <form
          className="panel token-form"
          aria-labelledby="identity-title"
          onSubmit={(event) => {
            event.preventDefault();
            void setIdentity(name.trim(), email.trim()).then((result) => {
              if (result.ok) void reload();
              else setError(result.error);
            });
          }}
        >
          <h2 className="panel__title" id="identity-title">
            Who is committing?
          </h2>
          <p>
            Git puts a name and an email on every commit; they are public on the Hub. They are saved in your
            Git settings.
          </p>
          <div className="field">
            <label className="field__label" htmlFor="identity-name">
              Name
            </label>
            <input
              id="identity-name"
              className="input"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="identity-email">
              Email
            </label>
            <input
              id="identity-email"
              className="input"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <button type="submit" className="button">
            Save
          </button>
        </form>
      ) : null}

      {state.changes.length > 0 ? (
        <form
          className="token-form"
          onSubmit={(event) => {
            event.preventDefault();
            void update(commitChanges(state.path, message)).then((result) => {
              if (result.ok) {
                setMessage('');
                setNote('Committed.');
              }
            });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor="commit-message">
              Commit message
            </label>
            <textarea
              id="commit-message"
              className="input"
              rows={3}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={staged.length === 0 || message.trim() === '' || state.identity === null}
          >
            Commit {staged.length} file(s)
          </button>
        </form>
      ) : null}

      <section aria-labelledby="rules-title">
        <h2 className="subheading" id="rules-title">
          Before pushing: the Hub’s rules
        </h2>
        {state.prePush.problems.length === 0 ? (
          <p className="success-note">
            {state.prePush.commits > 0
              ? `The ${state.prePush.commits} commit(s) to push follow the Hub’s rules for large and binary files.`
              : 'Nothing to push yet.'}
          </p>
        ) : (
          <ul className="plain-list">
            {state.prePush.problems.map((problem) => (
              <li key={`${problem.rule}-${problem.path}`} className="danger">
                <p>{problem.text}</p>
                {problem.trackPattern ? (
                  <div className="button-row">
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={migrateOk}
                        onChange={(event) => setMigrateOk(event.target.checked)}
                      />
                      Rewrite my unpushed commits to move {problem.trackPattern} into Git LFS (the old ones
                      are kept on a backup branch)
                    </label>
                    <button
                      type="button"
                      className="button"
                      disabled={!migrateOk}
                      onClick={() =>
                        void migrateLfs(state.path, problem.trackPattern ?? '').then((result) => {
                          if (result.ok) {
                            setState(result.value.state);
                            setNote(
                              `Moved into Git LFS. Your previous commits are on the branch ${result.value.backupBranch}.`,
                            );
                          } else setError(result.error);
                        })
                      }
                    >
                      Move into Git LFS
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => void update(trackLfs(state.path, problem.trackPattern ?? ''))}
                    >
                      Track {problem.trackPattern} from now on
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {note ? (
        <p className="success-note" role="status">
          {note}
        </p>
      ) : null}
      {run.running ? <RunProgress label="Progress" event={run.event} onCancel={run.cancel} /> : null}
      {outcome ? (
        <div
          className={`verdict verdict--${outcome.ok ? 'ok' : 'error'}`}
          role={outcome.ok ? 'status' : 'alert'}
        >
          <p className="verdict__title">{outcome.message}</p>
          {outcome.fix ? <p>{outcome.fix}</p> : null}
          {outcome.behind ? (
            <button type="button" className="button" onClick={() => void remoteRun(pullCall(state.path))}>
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
      {error ? <ErrorPanel error={error} /> : null}
      <div className="step-actions">
        <button type="button" className="button" onClick={() => openRepoAt(null)}>
          Back to your repositories
        </button>
        <button type="button" className="button" disabled={run.running} onClick={() => void reload()}>
          Refresh
        </button>
        <button
          type="button"
          className="button"
          disabled={run.running}
          onClick={() => void remoteRun(pullCall(state.path))}
        >
          Pull
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={run.running || state.prePush.problems.length > 0}
          onClick={() => void remoteRun(pushCall(state.path))}
        >
          Push
        </button>
      </div>
    </div>
  );
}

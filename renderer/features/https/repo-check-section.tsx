import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorPanel } from '../../components/error-panel';
import { useAppStore } from '../../store/app-store';
import { PushPanel } from './push-panel';
import { RemoteCard } from './remote-card';
import { useRepoCheck } from './use-repo-check';

/** "Check a repository": finds tokens pasted into remote addresses and explains a refused push. */
export function RepoCheckSection() {
  const { forget, goTo } = useAppStore(
    useShallow((state) => ({ forget: state.forgetToken, goTo: state.goTo })),
  );
  const [path, setPath] = useState('');
  const { repo, error, busy, push, check, clean, runPush } = useRepoCheck();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(path.trim());
  };

  const forgetAndReenter = async () => {
    if (await forget()) goTo('token');
  };

  return (
    <>
      <h2 className="subheading">Check a repository</h2>
      <p>
        Point the app at a folder you cloned: it finds tokens pasted into remote addresses, tells whether your
        token can push there, and explains a refused push.
      </p>
      <form className="token-form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor="repo-path">
            Repository folder
          </label>
          <input
            id="repo-path"
            className="input input--mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={path}
            aria-describedby={hintId}
            onChange={(event) => setPath(event.target.value)}
          />
          <p className="field__hint" id={hintId}>
            The full path, for example /home/you/my-model.
          </p>
        </div>
        <button type="submit" className="button" aria-disabled={busy || path.trim() === ''}>
          Check this repository
        </button>
      </form>
      <div role="status" aria-live="polite">
        {busy ? <p>Working…</p> : null}
      </div>
      {error ? <ErrorPanel error={error} /> : null}
      {repo ? (
        repo.remotes.length === 0 ? (
          <p className="note">{repo.path} has no remotes yet.</p>
        ) : (
          <ul className="plain-list" aria-label="Remotes">
            {repo.remotes.map((remote) => (
              <RemoteCard
                key={remote.name}
                remote={remote}
                storedUser={repo.storedUser}
                busy={busy}
                onClean={() => clean(remote.name)}
                onPush={(dryRun) => runPush(remote.name, dryRun)}
              />
            ))}
          </ul>
        )
      ) : null}
      {push ? (
        <PushPanel
          check={push}
          onForget={() => void forgetAndReenter()}
          onFixUsername={() => {
            const remote = repo?.remotes.find((candidate) => candidate.username !== undefined);
            if (remote) clean(remote.name);
          }}
        />
      ) : null}
    </>
  );
}

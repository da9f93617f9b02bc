import { useEffect, useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError, PushCheck, RepoCheck, RepoRemote } from '../../../preload/contract';
import { CommandList } from '../../components/command-list';
import { ErrorPanel } from '../../components/error-panel';
import { ExternalLink } from '../../components/external-link';
import { StepHeading } from '../../components/step-heading';
import { checkRepo, cleanRemote, tryPush } from './https-service';
import { useAppStore } from '../../store/app-store';
import { newTokenUrl } from './token-text';

function cloneCommands(endpoint: string, user: string): { what: string; command: string }[] {
  return [
    { what: 'A model', command: `git clone ${endpoint}/${user}/REPO` },
    { what: 'A dataset', command: `git clone ${endpoint}/datasets/${user}/REPO` },
    { what: 'A Space', command: `git clone ${endpoint}/spaces/${user}/REPO` },
  ];
}

interface PushPanelProps {
  readonly check: PushCheck;
  readonly endpoint: string;
  readonly onForget: () => void;
  readonly onFixUsername: () => void;
}

/** The outcome of a push, with the one-click fix when there is one. */
function PushPanel({ check, endpoint, onForget, onFixUsername }: PushPanelProps) {
  const good = check.kind === 'ok';
  return (
    <div className={`verdict verdict--${good ? 'ok' : 'error'}`} role={good ? 'status' : 'alert'}>
      <p className="verdict__title">
        {good ? (check.dryRun ? 'The Hub would accept this push.' : 'Pushed.') : check.message}
      </p>
      {good ? (
        <p>{check.dryRun ? 'Git signed in with your token; nothing was sent yet.' : check.message}</p>
      ) : null}
      {!good ? (
        <p>
          <strong>What to do: </strong>
          {check.fix}
        </p>
      ) : null}
      {check.action === 'forget_and_reenter' ? (
        <button type="button" className="button" onClick={onForget}>
          Forget the saved token and paste a new one
        </button>
      ) : null}
      {check.action === 'new_write_token' ? (
        <p>
          <ExternalLink href={newTokenUrl(endpoint)}>Create a write token on the Hub</ExternalLink>
        </p>
      ) : null}
      {check.action === 'fix_username' ? (
        <button type="button" className="button" onClick={onFixUsername}>
          Remove the username from the address
        </button>
      ) : null}
      {check.output ? (
        <details className="verdict__details">
          <summary>Details</summary>
          <pre className="code-block" tabIndex={0} aria-label="Git’s output">
            {check.output}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

function RemoteCard({
  remote,
  storedUser,
  busy,
  onClean,
  onPush,
}: {
  readonly remote: RepoRemote;
  readonly storedUser: string | null;
  readonly busy: boolean;
  readonly onClean: () => void;
  readonly onPush: (dryRun: boolean) => void;
}) {
  const wrongUser = remote.username !== undefined && storedUser !== null && remote.username !== storedUser;
  return (
    <li className="panel remote">
      <h3 className="panel__title">
        {remote.name}: <code>{remote.shown}</code>
      </h3>
      <p>
        {remote.kind === 'hub-https'
          ? `The Hub over HTTPS${remote.repo ? `: ${remote.repo}` : ''}.`
          : remote.kind === 'hub-ssh'
            ? 'The Hub over SSH: the token is not used here (SSH keys are).'
            : 'Not a Hub repository.'}
      </p>
      {remote.hasSecret ? (
        <p className="warning-note">
          <strong>A token or password is written into this address.</strong> It shows up in logs, screenshots
          and shell history. With the token saved for Git, the address does not need it.
        </p>
      ) : null}
      {wrongUser ? (
        <p className="warning-note">
          The address names the user “{remote.username}”, but the token is saved for “{storedUser}”, so Git
          will not find it.
        </p>
      ) : null}
      {remote.hasSecret || wrongUser ? (
        <button type="button" className="button" disabled={busy} onClick={onClean}>
          Remove the credentials from the address
        </button>
      ) : null}
      {remote.prediction ? (
        <p className={remote.prediction.canPush ? 'success-note' : 'warning-note'}>
          {remote.prediction.canPush ? 'Your token can push here: ' : 'Your token cannot push here: '}
          {remote.prediction.reason}
        </p>
      ) : null}
      {remote.kind === 'hub-https' && !remote.hasSecret ? (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => onPush(true)}>
            Check access (dry run)
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => onPush(false)}>
            Push {remote.name}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** "Use it": clone commands, and a repository check that finds leaked tokens and explains refusals. */
export function UseTokenStep() {
  const { endpoint, user, load, forget, forgetError, goTo, startOver, back } = useAppStore(
    useShallow((state) => ({
      endpoint: state.appInfo?.hubEndpoint ?? 'https://huggingface.co',
      user:
        state.storedToken?.username ??
        state.credentialSetup?.storedUser ??
        state.tokenReport?.account ??
        null,
      load: state.loadCredentialSetup,
      forget: state.forgetToken,
      forgetError: state.forgetError,
      goTo: state.goTo,
      startOver: state.startOver,
      back: state.back,
    })),
  );
  const [path, setPath] = useState('');
  const [repo, setRepo] = useState<RepoCheck | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [push, setPush] = useState<PushCheck | null>(null);
  const [forgotten, setForgotten] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  const hintId = useId();

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      setPush(null);
      const result = await checkRepo(path.trim());
      setRepo(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });
  };

  const clean = (remote: string) =>
    void act(async () => {
      if (!repo) return;
      const result = await cleanRemote(repo.path, remote);
      if (result.ok) setRepo(result.value);
      setError(result.ok ? null : result.error);
    });

  const runPush = (remote: string, dryRun: boolean) =>
    void act(async () => {
      if (!repo) return;
      setPush(null);
      const result = await tryPush(repo.path, remote, dryRun);
      setPush(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });

  const forgetAndReenter = async () => {
    if (await forget()) goTo('token');
  };

  return (
    <div className="step">
      <StepHeading>Use it with your repositories</StepHeading>
      <p className="lead">
        {user
          ? `Git on this computer signs in to the Hub as ${user} with your token. Clone with the HTTPS address; Git will not ask for a password.`
          : 'Git has no token for the Hub yet: go back and save one.'}
      </p>
      {user ? <CommandList commands={cloneCommands(endpoint, user)} /> : null}

      <h2 className="subheading">Check a repository</h2>
      <p>
        Point the app at a folder you cloned: it finds tokens pasted into remote addresses, tells whether your
        token can push there, and explains a refused push.
      </p>
      <form className="token-form" onSubmit={check}>
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
          endpoint={endpoint}
          onForget={() => void forgetAndReenter()}
          onFixUsername={() => {
            const remote = repo?.remotes.find((candidate) => candidate.username !== undefined);
            if (remote) clean(remote.name);
          }}
        />
      ) : null}

      <h2 className="subheading">The saved token</h2>
      <p>
        Forgetting it removes it from Git’s credential helper; revoke it on the Hub too if it may have leaked.
      </p>
      {forgetError ? <ErrorPanel error={forgetError} /> : null}
      {forgotten ? (
        <p className="success-note" role="status">
          Git no longer has a token for the Hub.
        </p>
      ) : null}
      <div className="step-actions">
        <button type="button" className="button" onClick={back}>
          Back
        </button>
        {confirmForget ? (
          <>
            <span className="step-actions__note" role="status">
              Git will ask for a token again on the next push.
            </span>
            <button type="button" className="button" onClick={() => setConfirmForget(false)}>
              Keep it
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() =>
                void forget().then((done) => {
                  setForgotten(done);
                  setConfirmForget(false);
                })
              }
            >
              Yes, forget it
            </button>
          </>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirmForget(true)}>
            Forget this token
          </button>
        )}
        <button type="button" className="button" onClick={startOver}>
          Start over
        </button>
      </div>
    </div>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type {
  AppError,
  Events,
  GitTransport,
  RecentRepoView,
  RepoAccess,
  RepoKind,
  Result,
} from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { RunProgress } from '../../components/run-progress';
import { StepHeading } from '../../components/step-heading';
import {
  cancelRepoRun,
  cloneCall,
  forkCall,
  parseRepo,
  pickFolder,
  recentRepos,
  repoAccess,
  withProgress,
} from './repos-service';
import { useAppStore } from '../../store/app-store';
import { RepoPanel } from './panel/repo-panel';

const KINDS: readonly { readonly kind: RepoKind; readonly label: string }[] = [
  { kind: 'model', label: 'Model' },
  { kind: 'dataset', label: 'Dataset' },
  { kind: 'space', label: 'Space' },
];

function transportText(access: RepoAccess | null, transport: GitTransport): string {
  if (transport === 'ssh') return access?.ssh ? 'SSH, with your key' : 'SSH (not set up yet)';
  return access?.httpsUser
    ? `HTTPS, with the token saved for ${access.httpsUser}`
    : 'HTTPS (no token saved yet)';
}

/** "Your repositories": clone, open, recent, fork; or the open repository. */
export function ReposView() {
  const openRepo = useAppStore((state) => state.openRepo);
  return openRepo ? <RepoPanel path={openRepo} /> : <RepoHome />;
}

function RepoHome() {
  const { openRepoAt, showView } = useAppStore(
    useShallow((state) => ({ openRepoAt: state.openRepoAt, showView: state.showView })),
  );
  const [access, setAccess] = useState<RepoAccess | null>(null);
  const [recent, setRecent] = useState<readonly RecentRepoView[]>([]);
  useEffect(() => {
    void repoAccess().then((result) => result.ok && setAccess(result.value));
    void recentRepos().then((result) => result.ok && setRecent(result.value));
  }, []);

  return (
    <div className="step">
      <StepHeading>Your repositories</StepHeading>
      <p className="lead">Clone a model, dataset or Space from the Hub, or open one you already have.</p>
      {access && !access.ssh && !access.httpsUser ? (
        <p className="warning-note">
          Git cannot sign in to the Hub from this computer yet.{' '}
          <button type="button" className="button button--small" onClick={() => showView('setup')}>
            Set up access
          </button>
        </p>
      ) : null}
      {access && !access.lfs.installed ? (
        <p className="warning-note">
          Git LFS is not installed, so large files would arrive as small placeholder files.{' '}
          {access.lfs.howToInstall}
        </p>
      ) : null}
      <CloneForm access={access} onCloned={(path) => openRepoAt(path)} />
      <OpenForm onOpen={(path) => openRepoAt(path)} />
      {recent.length > 0 ? (
        <section aria-labelledby="recent-title">
          <h2 className="subheading" id="recent-title">
            Recent
          </h2>
          <ul className="plain-list">
            {recent.map((item) => (
              <li key={item.path} className="recent">
                <button type="button" className="button" onClick={() => openRepoAt(item.path)}>
                  {item.path}
                </button>
                <span className="muted">
                  {' '}
                  {item.remote || 'no remote'} · {item.lastAction} {new Date(item.at).toLocaleString()}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ForkForm access={access} onForked={(path) => openRepoAt(path)} />
    </div>
  );
}

/** The transport radios, preselected from what is set up, saying which is used. */
function TransportChoice({
  access,
  value,
  onChange,
  name,
}: {
  readonly access: RepoAccess | null;
  readonly value: GitTransport;
  readonly onChange: (value: GitTransport) => void;
  readonly name: string;
}) {
  return (
    <fieldset className="inline-choices">
      <legend className="field__label">Connect with</legend>
      {(['ssh', 'https'] as const).map((transport) => (
        <label key={transport} className="checkbox">
          <input
            type="radio"
            name={name}
            checked={value === transport}
            onChange={() => onChange(transport)}
          />
          {transportText(access, transport)}
        </label>
      ))}
    </fieldset>
  );
}

function useRun() {
  const [runId, setRunId] = useState<string | null>(null);
  const [event, setEvent] = useState<Events['repoProgress'] | null>(null);
  const start = useCallback(async <T,>(call: (runId: string) => Promise<Result<T>>) => {
    setEvent(null);
    const run = withProgress(
      (progress) => setEvent(progress),
      (id) => {
        setRunId(id);
        return call(id);
      },
    );
    const { result } = await run;
    setRunId(null);
    return result;
  }, []);
  const cancel = () => {
    if (runId) void cancelRepoRun(runId);
  };
  return { running: runId !== null, event, start, cancel };
}

function CloneForm({
  access,
  onCloned,
}: {
  readonly access: RepoAccess | null;
  readonly onCloned: (path: string) => void;
}) {
  const [input, setInput] = useState('');
  const [kind, setKind] = useState<RepoKind>('model');
  const [destination, setDestination] = useState('');
  const [revision, setRevision] = useState('');
  const [transport, setTransport] = useState<GitTransport | null>(null);
  const [addressProblem, setAddressProblem] = useState<string | null>(null);
  const [bare, setBare] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useRun();
  const chosen = transport ?? access?.preferred ?? 'https';
  const problem = input.trim() === '' ? null : addressProblem;
  // The native folder picker exists in the desktop app; browser mode takes a typed path.
  const desktop = useAppStore((state) => state.appInfo?.transport === 'electron');

  useEffect(() => {
    const text = input.trim();
    if (text === '') return undefined;
    const timer = window.setTimeout(() => {
      void parseRepo(text, kind).then((result) => {
        setAddressProblem(result.ok ? null : result.error.message);
        setBare(result.ok && !/[:.]/.test(text.split('/')[0] ?? '') && !/^(datasets|spaces)\//.test(text));
        if (result.ok && result.value.revision && revision === '') setRevision(result.value.revision);
      });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [input, kind, revision]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (run.running) return;
    setError(null);
    const result = await run.start(
      cloneCall({
        input,
        kind: bare ? kind : null,
        destination: destination.trim(),
        revision: revision.trim() || null,
        transport: chosen,
      }),
    );
    if (result.ok) onCloned(result.value.path);
    else setError(result.error);
  };

  return (
    <section className="panel" aria-labelledby="clone-title">
      <h2 className="panel__title" id="clone-title">
        Clone a repository
      </h2>
      <form className="token-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor="clone-address">
            Repository address
          </label>
          <input
            id="clone-address"
            className="input input--mono"
            value={input}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem !== null}
            aria-describedby="clone-address-hint"
            onChange={(event) => setInput(event.target.value)}
          />
          <p className="field__hint" id="clone-address-hint">
            Paste it from the Hub (https://huggingface.co/…, git@hf.co:…, a page with /tree/…), or type
            NAME/REPO.
          </p>
          {problem ? <p className="inline-error">{problem}</p> : null}
        </div>
        {bare ? (
          <fieldset className="inline-choices">
            <legend className="field__label">It is a</legend>
            {KINDS.map((option) => (
              <label key={option.kind} className="checkbox">
                <input
                  type="radio"
                  name="clone-kind"
                  checked={kind === option.kind}
                  onChange={() => setKind(option.kind)}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="clone-destination">
            Into the folder
          </label>
          <div className="input-row">
            <input
              id="clone-destination"
              className="input input--mono"
              value={destination}
              spellCheck={false}
              aria-describedby="clone-destination-hint"
              onChange={(event) => setDestination(event.target.value)}
            />
            {desktop ? (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void pickFolder('Choose where to clone').then((result) => {
                    if (result.ok && result.value) setDestination(result.value);
                  })
                }
              >
                Choose…
              </button>
            ) : null}
          </div>
          <p className="field__hint" id="clone-destination-hint">
            A new or empty folder, by its full path (for example /home/you/models/my-model). A folder with
            files in it is never used.
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="clone-revision">
            Branch, tag or commit (optional)
          </label>
          <input
            id="clone-revision"
            className="input input--mono"
            value={revision}
            spellCheck={false}
            onChange={(event) => setRevision(event.target.value)}
          />
        </div>
        <TransportChoice access={access} value={chosen} onChange={setTransport} name="clone-transport" />
        {run.running ? (
          <RunProgress label="Clone progress" event={run.event} onCancel={run.cancel} />
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
      {error ? <ErrorPanel error={error} /> : null}
    </section>
  );
}

function OpenForm({ onOpen }: { readonly onOpen: (path: string) => void }) {
  const [path, setPath] = useState('');
  return (
    <form
      className="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) onOpen(path.trim());
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="open-path">
          Open a repository on this computer
        </label>
        <div className="input-row">
          <input
            id="open-path"
            className="input input--mono"
            value={path}
            spellCheck={false}
            onChange={(event) => setPath(event.target.value)}
          />
          <button type="submit" className="button">
            Open
          </button>
        </div>
      </div>
    </form>
  );
}

function ForkForm({
  access,
  onForked,
}: {
  readonly access: RepoAccess | null;
  readonly onForked: (path: string) => void;
}) {
  const [upstream, setUpstream] = useState('');
  const [fork, setFork] = useState('');
  const [destination, setDestination] = useState('');
  const [transport, setTransport] = useState<GitTransport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const run = useRun();
  const chosen = transport ?? access?.preferred ?? 'https';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (run.running) return;
    setError(null);
    const result = await run.start(
      forkCall({ upstream, fork, destination: destination.trim(), transport: chosen }),
    );
    if (result.ok) onForked(result.value.path);
    else setError(result.error);
  };
  return (
    <details className="panel">
      <summary className="panel__title">Fork a repository with its large files</summary>
      <p>
        Copies a repository, every large file included, into one of yours. Create your (empty) repository on
        the Hub first, then paste both addresses.
      </p>
      <form className="token-form" onSubmit={(event) => void submit(event)}>
        {(
          [
            ['fork-upstream', 'The original repository', upstream, setUpstream],
            ['fork-target', 'Your new repository', fork, setFork],
            ['fork-destination', 'Working folder on this computer', destination, setDestination],
          ] as const
        ).map(([id, label, value, set]) => (
          <div className="field" key={id}>
            <label className="field__label" htmlFor={id}>
              {label}
            </label>
            <input
              id={id}
              className="input input--mono"
              value={value}
              spellCheck={false}
              onChange={(event) => set(event.target.value)}
            />
          </div>
        ))}
        <TransportChoice access={access} value={chosen} onChange={setTransport} name="fork-transport" />
        {run.running ? (
          <RunProgress label="Fork progress" event={run.event} onCancel={run.cancel} />
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

export { useRun };

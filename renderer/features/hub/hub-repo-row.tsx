import { useShallow } from 'zustand/react/shallow';
import type { HubRepoView } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { ExternalLink } from '../../components/external-link';
import { RunProgress } from '../../components/run-progress';
import { useAppStore } from '../../store/app-store';
import { cloneDestination, kindLabel, updatedText } from './hub-text';

/** One repository of the list: kind, privacy, when it changed, and Clone (with progress) or Open. */
export function HubRepoRow({
  repo,
  folder,
  defaultFolder,
}: {
  readonly repo: HubRepoView;
  readonly folder: string;
  readonly defaultFolder: string;
}) {
  const { clone, cloneError, cloned, startClone, cancel, openRepoAt } = useAppStore(
    useShallow((state) => ({
      clone: state.hubClone,
      cloneError: state.hubCloneError?.repoId === repo.id ? state.hubCloneError.error : null,
      cloned: state.hubCloned?.repoId === repo.id ? state.hubCloned.path : null,
      startClone: state.cloneHubRepo,
      cancel: state.cancelHubClone,
      openRepoAt: state.openRepoAt,
    })),
  );
  const mine = clone?.repoId === repo.id;
  const updated = updatedText(repo.updatedAt);
  const destination = cloneDestination(repo.cloneTo, defaultFolder, folder);
  return (
    <li className="hub-repo" aria-label={repo.id}>
      <div className="hub-repo__row">
        <span className={`hub-kind hub-kind--${repo.kind}`}>{kindLabel(repo.kind)}</span>
        <strong className="hub-repo__id">{repo.id}</strong>
        {repo.private ? (
          <span className="hub-private" title="Private">
            <svg className="badge__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" />
            </svg>
            Private
          </span>
        ) : null}
        {updated ? <span className="muted">{updated}</span> : null}
        <span className="hub-repo__action">
          {repo.localPath ? (
            <button
              type="button"
              className="button"
              aria-label={`Open ${repo.id}`}
              onClick={() => openRepoAt(repo.localPath ?? '')}
            >
              Open
            </button>
          ) : (
            <button
              type="button"
              className="button"
              aria-label={`Clone ${repo.id}`}
              aria-disabled={clone !== null}
              onClick={() => void startClone(repo, destination)}
            >
              Clone
            </button>
          )}
        </span>
      </div>
      <p className="muted hub-repo__where">
        {repo.localPath
          ? `On this computer in ${repo.localPath}. `
          : mine
            ? ''
            : `Clone puts it in ${destination}. `}
        <ExternalLink href={repo.url}>{repo.id} on the Hub</ExternalLink>
      </p>
      {mine ? (
        <RunProgress label={`Cloning ${repo.id}`} event={clone.event} onCancel={() => void cancel()} />
      ) : null}
      {cloned && !repo.localPath ? <p role="status">Cloned into {cloned}.</p> : null}
      {cloneError ? <ErrorPanel error={cloneError} /> : null}
    </li>
  );
}

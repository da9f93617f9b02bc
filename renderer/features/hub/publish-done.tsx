import { useShallow } from 'zustand/react/shallow';
import type { PublishResult } from '../../../preload/contract';
import { ExternalLink } from '../../components/external-link';
import { useAppStore } from '../../store/app-store';
import { kindInText } from './hub-text';
import { SpaceStatus } from './space-status';

/** The end: where it is on the Hub, what the app did, Open in the app, and a Space's runtime. */
export function PublishDone({ result }: { readonly result: PublishResult }) {
  const { openRepoAt, resetPublish } = useAppStore(
    useShallow((state) => ({ openRepoAt: state.openRepoAt, resetPublish: state.resetPublish })),
  );
  const { repo } = result;
  return (
    <>
      <div className="verdict verdict--ok" role="status">
        <p className="verdict__title">
          Published: your {kindInText(repo.kind)} {repo.id} is on the Hub.
        </p>
        <p>
          {repo.created ? 'The app created it' : 'It was there already'}
          {repo.private ? ' (private)' : ''}, and pushed the branch {result.branch} over{' '}
          {result.transport === 'ssh' ? 'SSH' : 'HTTPS'}.
        </p>
        {result.notes.length > 0 ? (
          <ul className="plain-list">
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
        <p className="button-row">
          <ExternalLink href={repo.url}>See it on the Hub</ExternalLink>
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => openRepoAt(result.path)}>
            Open in the app
          </button>
          <button type="button" className="button" onClick={resetPublish}>
            Publish another folder
          </button>
        </div>
      </div>
      {repo.kind === 'space' ? <SpaceStatus space={repo.id} /> : null}
    </>
  );
}

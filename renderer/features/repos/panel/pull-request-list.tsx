import { useShallow } from 'zustand/react/shallow';
import { ExternalLink } from '../../../components/external-link';
import { useAppStore } from '../../../store/app-store';

/** The repository's open pull requests on the Hub, each with "Push my commits to this pull request". */
export function PullRequestList() {
  const { list, running, push } = useAppStore(
    useShallow((store) => ({
      list: store.pullRequests,
      running: store.repoRuns.repo !== null,
      push: store.pushToPullRequest,
    })),
  );
  if (list === null) return <p role="status">Asking the Hub for its pull requests…</p>;
  if (list.length === 0) return <p>This repository has no open pull requests.</p>;
  return (
    <ul className="pr-list" aria-label="Open pull requests">
      {list.map((pr) => (
        <li key={pr.num} className="pr-list__item">
          <span>
            <ExternalLink href={pr.url}>
              #{pr.num} {pr.title}
            </ExternalLink>
            {pr.author ? <span className="muted"> by {pr.author}</span> : null}
            {pr.status === 'draft' ? <span className="muted"> (draft)</span> : null}
          </span>
          <button type="button" className="button" aria-disabled={running} onClick={() => void push(pr.num)}>
            Push my commits to this pull request
          </button>
        </li>
      ))}
    </ul>
  );
}

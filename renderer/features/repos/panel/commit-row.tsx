import type { CommitView } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { relativeTime } from '../workspace/workspace-text';

/** One commit: its summary, who and when, and whether it is on the Hub yet. */
export function CommitRow({ commit, selected }: { readonly commit: CommitView; readonly selected: boolean }) {
  const select = useAppStore((store) => store.selectCommit);
  return (
    <li>
      <button
        type="button"
        className="commit-row"
        data-arrow-item
        aria-pressed={selected}
        onClick={() => void select(commit.sha)}
      >
        <span className="commit-row__summary">{commit.summary || '(no message)'}</span>
        <span className="commit-row__meta muted">
          {commit.author} · <time dateTime={commit.at}>{relativeTime(commit.at)}</time>
          {commit.pushed ? null : <span className="badge">Not on the Hub yet</span>}
        </span>
      </button>
    </li>
  );
}

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';
import { relativeTime } from '../workspace/workspace-text';
import { CommitActions } from './commit-actions';
import { CommitFiles } from './commit-files';

/** Atop the diff when a commit is chosen: what it is, Undo or Revert, and its files to pick from. */
export function CommitDetail({ sha }: { readonly sha: string }) {
  const { commit, latest } = useAppStore(
    useShallow((store) => ({
      commit: store.history?.commits.find((entry) => entry.sha === sha),
      latest: store.history?.commits[0]?.sha === sha,
    })),
  );
  if (!commit) return null;
  return (
    <div className="commit-detail">
      <div className="commit-detail__head">
        <div>
          <p className="commit-detail__summary">{commit.summary || '(no message)'}</p>
          <p className="muted commit-detail__meta">
            {commit.author} · {relativeTime(commit.at)} · <code>{commit.sha.slice(0, 7)}</code>
            {commit.pushed ? ' · on the Hub' : ' · not on the Hub yet'}
          </p>
        </div>
        <CommitActions commit={commit} latest={latest} />
      </div>
      {commit.body ? <p className="commit-detail__body">{commit.body}</p> : null}
      <CommitFiles />
    </div>
  );
}

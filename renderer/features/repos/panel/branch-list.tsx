import { useEffect, useRef } from 'react';
import { useAppStore } from '../../../store/app-store';
import { branchDistance } from '../workspace/workspace-text';
import { moveFocusWithArrows } from './arrow-keys';
import { NewBranchForm } from './new-branch-form';

interface BranchListProps {
  readonly current: string | null;
  readonly onPick: (branch: string) => void;
  readonly onClose: () => void;
}

/** The branch menu's list: local branches with how far they are from the Hub, the Hub's other branches, its pull requests. */
export function BranchList({ current, onPick, onClose }: BranchListProps) {
  const branches = useAppStore((store) => store.branches);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-arrow-item]')?.focus();
  }, [branches]);
  return (
    <div
      className="branch-list"
      id="branch-list"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
        else moveFocusWithArrows(event);
      }}
    >
      {branches === null ? (
        <p role="status">Reading the branches…</p>
      ) : (
        <>
          <h2 className="branch-list__title">Branches</h2>
          <ul className="plain-list">
            {branches.local.map((branch) => (
              <li key={branch.name}>
                <button
                  type="button"
                  className="branch-list__item"
                  data-arrow-item
                  aria-current={branch.name === current ? 'true' : undefined}
                  onClick={() => onPick(branch.name)}
                >
                  <span>
                    {branch.pullRequest !== null ? `Pull request #${branch.pullRequest}` : branch.name}
                  </span>
                  <span className="muted">
                    {branchDistance(branch.ahead, branch.behind, branch.upstream)}
                  </span>
                </button>
              </li>
            ))}
            {branches.remote.map((branch) => (
              <li key={`${branch.remote}/${branch.name}`}>
                <button
                  type="button"
                  className="branch-list__item"
                  data-arrow-item
                  onClick={() => onPick(branch.name)}
                >
                  <span>{branch.name}</span>
                  <span className="muted">only on the Hub</span>
                </button>
              </li>
            ))}
            {branches.pullRequests
              .filter((pr) => pr.local === null)
              .map((pr) => (
                // Not fetched here yet: named, so the person knows it exists, but nothing to switch to.
                <li key={pr.ref} className="branch-list__item branch-list__item--info">
                  <span>Pull request #{pr.number}</span>
                  <span className="muted">on the Hub only</span>
                </li>
              ))}
          </ul>
          <NewBranchForm onDone={onClose} />
        </>
      )}
    </div>
  );
}

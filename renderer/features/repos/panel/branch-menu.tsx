import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { BranchList } from './branch-list';
import { SwitchDialog } from './switch-dialog';

/** "Current branch: main", which opens the list of branches and pull requests, and "New branch…". */
export function BranchMenu({ state }: { readonly state: RepoState }) {
  const { loadBranches, switchBranch, running } = useAppStore(
    useShallow((store) => ({
      loadBranches: store.loadBranches,
      switchBranch: store.switchRepoBranch,
      running: store.repoRuns.repo !== null,
    })),
  );
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Closing the list (Escape) puts the focus back on the button that opened it.
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const [target, setTarget] = useState<string | null>(null);
  const pick = (branch: string) => {
    setOpen(false);
    if (branch === state.branch) return;
    // With nothing uncommitted there is nothing to choose about.
    if (state.changes.length === 0) void switchBranch(branch, 'carry');
    else setTarget(branch);
  };
  return (
    <div className="branch-menu">
      <button
        type="button"
        ref={button}
        className="button branch-menu__button"
        aria-expanded={open}
        aria-controls="branch-list"
        disabled={running}
        onClick={() => {
          if (!open) void loadBranches();
          setOpen(!open);
        }}
      >
        <span className="muted">Current branch</span>{' '}
        <strong>{state.branch ?? 'none (a detached commit)'}</strong>
      </button>
      {open ? <BranchList current={state.branch} onPick={pick} onClose={close} /> : null}
      {target ? (
        <SwitchDialog
          from={state.branch ?? 'this commit'}
          to={target}
          changes={state.changes.length}
          onChoose={(changes) => {
            setTarget(null);
            void switchBranch(target, changes);
          }}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </div>
  );
}

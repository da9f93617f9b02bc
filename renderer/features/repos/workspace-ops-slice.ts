import type { StateCreator } from 'zustand';
import type { BranchList, RecoveryView } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { countOf } from './workspace/workspace-text';
import * as ws from './workspace-service';

/**
 * What the workspace does to the repository, beside what it shows (workspace-slice.ts): branches,
 * conflicts, ticking, discarding and bringing back, undo and revert. Every operation goes through
 * the workspace's changeRepo, so the watcher waits for it and what follows the state is refreshed.
 */
export interface WorkspaceOpsSlice {
  readonly branches: BranchList | null;
  readonly loadBranches: () => Promise<void>;
  readonly switchRepoBranch: (branch: string, changes: 'carry' | 'leave') => Promise<void>;
  readonly createRepoBranch: (name: string) => Promise<boolean>;
  /** What the app did around the last operation ("Your 3 uncommitted changes were set aside and put back."). */
  readonly workspaceNotes: readonly string[];
  readonly resolveRepoConflict: (file: string, choice: 'mine' | 'theirs' | 'fixed') => Promise<void>;
  readonly abortRepoOperation: () => Promise<void>;
  readonly unstageRepoFiles: (files: readonly string[] | null) => Promise<void>;
  readonly storeRepoWithLfs: (pattern: string) => Promise<void>;
  readonly discardRepoFiles: (files: readonly string[]) => Promise<void>;
  readonly recovery: RecoveryView | null;
  readonly loadRecovery: () => Promise<void>;
  readonly restoreRepoDiscarded: (id: string) => Promise<void>;
  readonly applyRepoStash: (commit: string) => Promise<void>;
  readonly restoreRepoBackup: (branch: string) => Promise<void>;
  readonly undoRepoCommit: () => Promise<void>;
  readonly revertRepoCommit: (commit: string) => Promise<void>;
}

/** Nothing read yet: a visit starts here (the workspace slice resets to it on entering and leaving). */
export const OPS_START = { branches: null, workspaceNotes: [], recovery: null } as const;

export const createWorkspaceOpsSlice: StateCreator<AppStore, [], [], WorkspaceOpsSlice> = (set, get) => {
  const path = () => get().repoState?.path ?? get().openRepo;
  return {
    ...OPS_START,
    loadBranches: async () => {
      const repo = path();
      if (!repo) return;
      const visit = get().repoVisit;
      const result = await ws.listBranches(repo);
      if (get().repoVisit !== visit) return;
      if (result.ok) set({ branches: result.value });
      else set({ repoError: result.error });
    },
    switchRepoBranch: async (branch, changes) => {
      set({ workspaceNotes: [], repoNote: null, repoOutcome: null });
      await get().changeRepo(
        (repo) => ws.switchBranch(repo, branch, changes),
        (value) => value.state,
        (value) => set({ workspaceNotes: value.notes, history: null, selection: null, diff: null }),
      );
    },
    createRepoBranch: async (name) => {
      const made = await get().changeRepo(
        (repo) => ws.createBranch(repo, name),
        (state) => state,
        () => set({ repoNote: `Created the branch ${name} and switched to it.`, history: null }),
      );
      return made !== null;
    },
    resolveRepoConflict: async (file, choice) => {
      await get().changeRepo(
        (repo) => ws.resolveConflict(repo, file, choice),
        (state) => state,
      );
    },
    abortRepoOperation: async () => {
      await get().changeRepo(
        (repo) => ws.abortOperation(repo),
        (state) => state,
        () => set({ repoOutcome: null, repoNote: 'Stopped. Your repository is as it was before.' }),
      );
    },
    unstageRepoFiles: async (files) => {
      await get().changeRepo(
        (repo) => ws.unstageFiles(repo, files),
        (state) => state,
      );
    },
    storeRepoWithLfs: async (pattern) => {
      await get().changeRepo(
        (repo) => ws.storeWithLfs(repo, pattern),
        (state) => state,
        () => set({ repoNote: `Files matching ${pattern} will be stored with Git LFS.` }),
      );
    },
    discardRepoFiles: async (files) => {
      await get().changeRepo(
        (repo) => ws.discardChanges(repo, files),
        (value) => value.state,
        (value) =>
          set({
            repoNote: `Discarded ${countOf(value.discarded.files.length, 'file')}. You can restore them under “Set aside and discarded”.`,
          }),
      );
    },
    loadRecovery: async () => {
      const repo = path();
      if (!repo) return;
      const visit = get().repoVisit;
      const result = await ws.recoveryList(repo);
      if (get().repoVisit === visit && result.ok) set({ recovery: result.value });
    },
    restoreRepoDiscarded: async (id) => {
      await get().changeRepo(
        (repo) => ws.restoreDiscarded(repo, id),
        (state) => state,
        () => set({ repoNote: 'Restored. The files are back in your changes.' }),
      );
    },
    applyRepoStash: async (commit) => {
      await get().changeRepo(
        (repo) => ws.applyStash(repo, commit),
        (state) => state,
        (state) =>
          set({
            repoNote: state.inProgress
              ? 'Put back, with conflicts: choose what to keep below.'
              : 'Put back. The changes are in your list again.',
          }),
      );
    },
    restoreRepoBackup: async (branch) => {
      await get().changeRepo(
        (repo) => ws.restoreBackup(repo, branch),
        (state) => state,
        () => set({ repoNote: `Restored the branch from ${branch}. What it was just before is kept too.` }),
      );
    },
    undoRepoCommit: async () => {
      await get().changeRepo(
        (repo) => ws.undoCommit(repo),
        (state) => state,
        () =>
          set({ repoNote: 'Undone. The commit’s changes are back in your list, ticked.', selection: null }),
      );
    },
    revertRepoCommit: async (commit) => {
      await get().changeRepo(
        (repo) => ws.revertCommit(repo, commit),
        (state) => state,
        (state) =>
          set({
            repoNote: state.inProgress
              ? 'The revert met conflicts: choose what to keep in Changes.'
              : 'Reverted: a new commit takes that commit’s changes back. Push it to share it.',
          }),
      );
    },
  };
};

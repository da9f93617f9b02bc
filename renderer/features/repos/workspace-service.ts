import type { DiffSource, Events, Unsubscribe } from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

// Thin wrappers over the bridge for the workspace (issue 12): diffs, history, branches, conflicts,
// discarding and bringing back, fetch and the work-tree watcher.

export const unstageFiles = (path: string, files: readonly string[] | null) =>
  settle(() => getBridge().unstageFiles({ path, files }));

/** "Store with Git LFS" for one problem's pattern; the person ticked the consent beside it. */
export const storeWithLfs = (path: string, pattern: string) =>
  settle(() => getBridge().storeWithLfs({ path, pattern, consent: true }));

export const resolveConflict = (path: string, file: string, choice: 'mine' | 'theirs' | 'fixed') =>
  settle(() => getBridge().resolveConflict({ path, file, choice }));

export const abortOperation = (path: string) => settle(() => getBridge().abortOperation({ path }));

export const switchBranch = (path: string, branch: string, changes: 'carry' | 'leave') =>
  settle(() => getBridge().switchBranch({ path, branch, changes }));

export const createBranch = (path: string, name: string) =>
  settle(() => getBridge().createBranch({ path, name, switchTo: true }));

export const listBranches = (path: string) => settle(() => getBridge().listBranches({ path }));

export const discardChanges = (path: string, files: readonly string[]) =>
  settle(() => getBridge().discardChanges({ path, files }));

export const restoreDiscarded = (path: string, id: string) =>
  settle(() => getBridge().restoreDiscarded({ path, id }));

export const recoveryList = (path: string) => settle(() => getBridge().recoveryList({ path }));

export const applyStash = (path: string, commit: string) =>
  settle(() => getBridge().applyStash({ path, commit }));

export const restoreBackup = (path: string, branch: string) =>
  settle(() => getBridge().restoreBackup({ path, branch }));

export const undoCommit = (path: string) => settle(() => getBridge().undoCommit({ path }));

export const revertCommit = (path: string, commit: string) =>
  settle(() => getBridge().revertCommit({ path, commit }));

export const commitHistory = (path: string, skip: number, limit: number) =>
  settle(() => getBridge().commitHistory({ path, skip, limit }));

export const commitFiles = (path: string, commit: string) =>
  settle(() => getBridge().commitFiles({ path, commit }));

export const fileDiff = (path: string, file: string, source: DiffSource) =>
  settle(() => getBridge().fileDiff({ path, file, source }));

/** Fetches the Hub remote; main throttles unless `force` (the Refresh button). */
export const fetchRepo = (path: string, force: boolean) =>
  settle(() => getBridge().fetchRepo({ path, force }));

export const cancelFetch = (path: string) => settle(() => getBridge().cancelFetch({ path }));

export const watchRepo = (path: string) => settle(() => getBridge().watchRepo({ path }));

export const unwatchRepo = (path: string) => settle(() => getBridge().unwatchRepo({ path }));

export const openPath = (path: string, file: string | null, how: 'editor' | 'folder') =>
  settle(() => getBridge().openPath({ path, file, how }));

/** Files changed on disk in the watched repository. */
export const onRepoChanged = (listener: (event: Events['repoChanged']) => void): Unsubscribe =>
  getBridge().onRepoChanged(listener);

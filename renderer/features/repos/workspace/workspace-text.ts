import type { ConflictView, DiffView, InProgressView, RepoState } from '../../../../preload/contract';
import { countOf } from '../../../lib/plural';
import { formatSize } from '../repo-text';

// The workspace's words: counts that read naturally, times a person reads, and what a diff is.

/** Counts read naturally (renderer/lib/plural.ts); kept here for the workspace's imports. */
export { countOf };

/**
 * The Hub's commits this branch lacks and the other way round, as the sync button's caption says
 * them. A branch with no upstream (a first push to come) has no distance: `unpushed` (the
 * pre-push check's count of commits no remote branch has) says what a push would send.
 */
export function syncText(ahead: number, behind: number, unpushed?: number): string {
  if (unpushed !== undefined)
    return unpushed > 0
      ? `${countOf(unpushed, 'commit')} to push: this branch is not on the Hub yet`
      : 'This branch is not on the Hub yet';
  if (behind > 0 && ahead > 0)
    return `The Hub has ${countOf(behind, 'new commit')}: Pull first (${countOf(ahead, 'commit')} to push)`;
  if (behind > 0) return `The Hub has ${countOf(behind, 'new commit')}: Pull`;
  if (ahead > 0) return `${countOf(ahead, 'commit')} to push`;
  return 'Up to date with the Hub';
}

const DURING: Readonly<Record<InProgressView['during'], string>> = {
  pull: 'pull',
  switch: 'branch switch',
  revert: 'revert',
  restore: 'restore',
  migrate: 'move into Git LFS',
  other: 'merge',
};

/** What the abort button says: "Abort the pull", "Abort the revert"… */
export const abortLabel = (progress: InProgressView): string => `Abort the ${DURING[progress.during]}`;

/** How long ago, in the largest unit that fits: "just now", "5 minutes ago", "3 days ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds) || seconds < 45) return 'just now';
  const units: readonly [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86_400, 'day'],
    [2_592_000, 'month'],
    [31_536_000, 'year'],
  ];
  let chosen: [number, string] = units[0]!;
  for (const unit of units) if (seconds >= unit[0] * 0.95) chosen = unit;
  return `${countOf(Math.max(1, Math.round(seconds / chosen[0])), chosen[1])} ago`;
}

/** A size or "nothing" (the file did not exist on that side). */
const sizeOrNone = (size: number | null | undefined): string =>
  size === null || size === undefined ? 'none' : formatSize(size);

/** The one line an LFS or binary change is shown as: "Stored with Git LFS: 1.2 MB → 1.3 MB". */
export function sizeChangeText(view: Extract<DiffView, { kind: 'lfs' | 'binary' }>): string {
  if (view.kind === 'lfs')
    return `Stored with Git LFS: ${sizeOrNone(view.before?.size)} → ${sizeOrNone(view.after?.size)}`;
  return `Binary file, ${sizeOrNone(view.beforeSize)} → ${sizeOrNone(view.afterSize)}`;
}

/** An object id short enough to compare by eye (git's own seven characters would do; LFS's are longer). */
export const shortOid = (oid: string): string => oid.slice(0, 10);

/** Where discarded files go, as the confirmation says it. */
export function discardWhere(transport: 'electron' | 'browser' | undefined): string {
  return transport === 'electron'
    ? 'Your changes go to your computer’s trash, and the app keeps a copy: restore them from “Set aside and discarded”.'
    : 'The app keeps a copy of your changes in its own folder: restore them from “Set aside and discarded”.';
}

/** A branch's distance from its Hub branch, for the branch menu: "1 to push, 2 to pull". */
export function branchDistance(ahead: number, behind: number, upstream: string | null): string {
  if (upstream === null) return 'not on the Hub yet';
  const parts = [ahead > 0 ? `${ahead} to push` : '', behind > 0 ? `${behind} to pull` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'up to date';
}

const CONFLICT_WORDS: Readonly<Record<ConflictView['xy'], string>> = {
  UU: 'changed by you and on the Hub',
  AA: 'added by you and on the Hub',
  DU: 'deleted by you, changed on the Hub',
  UD: 'changed by you, deleted on the Hub',
  AU: 'added by you',
  UA: 'added on the Hub',
  DD: 'deleted by you and on the Hub',
};

/** Who changed what in a conflicted file, in words; "stored with Git LFS" when it is. */
export const conflictText = (conflict: ConflictView): string =>
  `${CONFLICT_WORDS[conflict.xy]}${conflict.lfs ? ', stored with Git LFS' : ''}`;

/** Why the commit button cannot commit yet, or null when it can (a message is still needed). */
export function commitBlock(state: RepoState): string | null {
  const conflicts = state.changes.filter((change) => change.conflict);
  if (conflicts.some((change) => change.conflict?.markers))
    return 'A file still has conflict markers: fix it, or choose mine or the Hub’s, above.';
  if (conflicts.length > 0) return `Resolve the ${countOf(conflicts.length, 'conflict')} above first.`;
  if (state.staged.problems.some((problem) => problem.blocking))
    return 'A ticked file breaks the Hub’s rules: store it with Git LFS or untick it.';
  if (state.identity === null) return 'Say who is committing first.';
  if (state.inProgress === null && !state.changes.some((change) => change.staged))
    return 'Tick the files to commit.';
  return null;
}

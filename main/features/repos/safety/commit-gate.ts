import type { Result } from '../../../../preload/contract';
import { readConflicts } from '../../../git/conflicts';
import type { GitContext } from '../../../git/core';
import { stagedWithMarkers } from '../../../git/grep-markers';
import { fail } from '../../../ipc/result';
import { files, named } from './words';

// What must be true before a commit: no file left unmerged, no rebase in the middle (its own
// commits are made as it goes on), and no ticked file still holding conflict markers.

/** A refusal when the commit must wait, or null when it may go ahead. */
export async function commitGate(git: GitContext, repo: string): Promise<Result<never> | null> {
  const conflicts = await readConflicts(git, repo);
  if (conflicts.files.length > 0)
    return fail(
      'operation_in_progress',
      `Resolve the ${conflicts.files.length === 1 ? 'conflicted file' : `${conflicts.files.length} conflicted files`} first.`,
      'For each, choose "Keep mine", "Keep the Hub’s", or fix it in your editor and choose "I fixed it"; or abort the pull.',
    );
  if (conflicts.inProgress?.kind === 'rebase')
    return fail(
      'operation_in_progress',
      'The pull is still putting your commits on top of the Hub’s.',
      'Settle the conflicted files, or abort the pull.',
    );
  const marked = await stagedWithMarkers(git, repo);
  if (marked.length > 0)
    return fail(
      'conflict_markers',
      `${files(marked.length) === '1 file' ? named(marked) : `${files(marked.length)} (${named(marked)})`} still ${marked.length === 1 ? 'has' : 'have'} conflict markers (lines starting <<<<<<< or >>>>>>>).`,
      'Open them in your editor, keep the lines you want and delete the marker lines, then tick them again and commit.',
    );
  return null;
}

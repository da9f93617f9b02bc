import type { GitContext } from '../../../git/core';
import { listStagedBlobs } from '../../../git/objects';
import type { PushProblem, RepoTransfers } from '../../../hub/push-rules';
import { blobFacts, problemsOf } from './facts';

/**
 * The Hub's push rules (10 MiB, binary files, 5 GB) on what is ticked: the blobs the index holds
 * that HEAD does not (issue 12, item 7), so "Store with Git LFS" can be offered before a commit
 * exists and no history has to be rewritten. An LFS pointer in the index is a small text file:
 * nothing to report for it unless it records more than 5 GB.
 */
export async function stagedProblems(
  context: GitContext,
  repoPath: string,
  transfers: RepoTransfers,
): Promise<PushProblem[]> {
  const blobs = await listStagedBlobs(context, repoPath);
  if (blobs.length === 0) return [];
  const facts = await blobFacts(context, repoPath, blobs, transfers.partsAbove);
  return problemsOf(blobs, facts, transfers, () => true);
}

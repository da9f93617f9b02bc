import { readConflicts, unmergedEntries } from '../../../git/conflicts';
import { git, type GitContext } from '../../../git/core';
import { gitDir, gitOperation, writeOperation } from '../../../git/merge-state';
import { pull } from '../../../git/pull';
import type { RemoteOptions, RemoteRun } from '../../../git/remote-run';
import { SafetyError } from './errors';
import { putBack, setAside } from './guard';
import { finishOperation } from './operation';
import { changes } from './words';

// A pull that uncommitted work never blocks and never loses: the work is set aside, the pull
// runs (merge or rebase, as the repository says), and the work is put back. A pull that stops on
// conflicts keeps the work set aside until it is finished or aborted (the conflict flow).

export interface SafePull {
  readonly run: RemoteRun;
  readonly notes: readonly string[];
}

/**
 * Refuses to start while something is in the middle: the person settles or aborts that first.
 * An operation finished outside the app (a merge committed in a terminal) first gets its
 * set-aside changes put back, so they are never left behind by the next one.
 */
export async function refuseWhileInProgress(
  context: GitContext,
  repo: string,
  what: string,
): Promise<readonly string[]> {
  const finished = await finishOperation(context, repo);
  const now = await readConflicts(context, repo);
  if (now.files.length > 0)
    throw new SafetyError(
      'operation_in_progress',
      `Resolve the ${now.files.length === 1 ? 'conflicted file' : `${now.files.length} conflicted files`} first.`,
      `Pick what to keep for each file listed as conflicted, or abort, then ${what} again.`,
    );
  if (now.inProgress)
    throw new SafetyError(
      'operation_in_progress',
      `A ${now.inProgress.kind} is not finished yet.`,
      `Commit to finish it, or abort it, then ${what} again.`,
    );
  return finished;
}

/** Pulls with the uncommitted work set aside around it. */
export async function safePull(
  context: GitContext,
  repo: string,
  options: RemoteOptions = {},
): Promise<SafePull> {
  const earlier = await refuseWhileInProgress(context, repo, 'pull');
  const head = (
    await git(context, ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: repo, okExitCodes: [0, 1] })
  ).stdout.trim();
  const aside = await setAside(context, repo, 'hfgd: set aside before pull');
  const run = await pull(context, repo, options);
  const dir = await gitDir(context, repo);
  const stopped = gitOperation(dir) !== null || (await unmergedEntries(context, repo)).length > 0;
  if (stopped && aside.stash !== null) {
    await writeOperation(dir, { during: 'pull', setAside: aside.stash, ...(head ? { head } : {}) });
    return {
      run,
      notes: [
        ...earlier,
        `Your ${changes(aside.count)} ${aside.count === 1 ? 'is' : 'are'} set aside while you settle the conflicts; ${aside.count === 1 ? 'it comes' : 'they come'} back when the pull is finished or aborted.`,
      ],
    };
  }
  if (stopped) {
    await writeOperation(dir, { during: 'pull', ...(head ? { head } : {}) });
    return { run, notes: earlier };
  }
  const back = await putBack(context, repo, aside, {
    conflictFiles: async () => (await unmergedEntries(context, repo)).map((entry) => entry.path),
  });
  switch (back.kind) {
    case 'none':
      return { run, notes: earlier };
    case 'applied':
      return { run, notes: [...earlier, back.note] };
    case 'conflict':
      await writeOperation(dir, {
        during: 'pull',
        setAside: back.stash,
        applying: back.stash,
        ...(head ? { head } : {}),
      });
      return { run, notes: [...earlier, back.note] };
    case 'kept':
      return { run, notes: [...earlier, back.note] };
  }
}

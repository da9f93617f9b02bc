import type { GitContext } from '../../../git/core';
import { hasHead, stashApply, stashDrop, stashPush, uncommittedCount } from '../../../git/stash';
import { assertNever } from '../../../ipc/result';
import { changes, named } from './words';

// The guard around an operation git would refuse or that would overwrite uncommitted work: set
// everything aside (a stash the app names `hfgd: …`), run the operation, put it back, and drop
// the stash only when all of it came back. What happened is said in plain words (notes).

/** What was set aside before an operation. */
export interface SetAside {
  /** The stash's commit id; null when there was nothing to set aside, or git could not (no commit yet). */
  readonly stash: string | null;
  /** How many changed, deleted or new files there were. */
  readonly count: number;
  /** The branch has no commit yet: git cannot set changes aside, and it never overwrites new files itself. */
  readonly unborn: boolean;
}

/** Sets every uncommitted change aside (new files included, ignored files untouched), named `message`. */
export async function setAside(git: GitContext, repo: string, message: string): Promise<SetAside> {
  const count = await uncommittedCount(git, repo);
  if (count === 0) return { stash: null, count, unborn: false };
  if (!(await hasHead(git, repo))) return { stash: null, count, unborn: true };
  return { stash: await stashPush(git, repo, message), count, unborn: false };
}

/** How putting the set-aside changes back ended, with the sentence to show. */
export type PutBack =
  | { readonly kind: 'none' }
  | { readonly kind: 'applied'; readonly note: string }
  /** Some files conflict: they are the conflict flow now; the stash is kept until all of it is back. */
  | {
      readonly kind: 'conflict';
      readonly stash: string;
      readonly note: string;
      readonly files: readonly string[];
    }
  /** git could not put them back (a new file's name is taken now): the stash is kept, untouched. */
  | { readonly kind: 'kept'; readonly stash: string; readonly note: string };

/** Puts the set-aside changes back and drops the stash only when they all came back. */
export async function putBack(
  git: GitContext,
  repo: string,
  aside: SetAside,
  options: { readonly renormalize?: boolean; readonly conflictFiles?: () => Promise<readonly string[]> } = {},
): Promise<PutBack> {
  if (aside.stash === null) return { kind: 'none' };
  const result = await stashApply(git, repo, aside.stash, options);
  switch (result.kind) {
    case 'applied':
      await stashDrop(git, repo, aside.stash);
      return {
        kind: 'applied',
        note: result.index
          ? `Your ${changes(aside.count)} ${aside.count === 1 ? 'was' : 'were'} set aside and put back.`
          : `Your ${changes(aside.count)} ${aside.count === 1 ? 'was' : 'were'} set aside and put back; tick the ones to commit again (Git could not keep them ticked).`,
      };
    case 'conflict': {
      const files = options.conflictFiles ? await options.conflictFiles() : [];
      return {
        kind: 'conflict',
        stash: aside.stash,
        files,
        note: `Your ${changes(aside.count)} ${aside.count === 1 ? 'was' : 'were'} set aside and put back, but ${files.length > 0 ? named(files) : 'some files'} now ${files.length === 1 ? 'conflicts' : 'conflict'} with the new version: for each, keep yours or the other one. A copy of your changes stays set aside until all of them are back.`,
      };
    }
    case 'failed':
      return {
        kind: 'kept',
        stash: aside.stash,
        note: `Your ${changes(aside.count)} ${aside.count === 1 ? 'is' : 'are'} kept set aside, because Git could not put ${aside.count === 1 ? 'it' : 'them'} back (${firstLine(result.output)}). Nothing is lost: bring them back from the list of set-aside changes once that file is out of the way.`,
      };
    default:
      return assertNever(result);
  }
}

function firstLine(output: string): string {
  const line = output
    .split('\n')
    .map((text) => text.replace(/^(error|fatal): /, '').trim())
    .find((text) => text !== '' && !/^(Auto-merging|On branch|Index was not unstashed)/.test(text));
  return line ?? 'it did not say why';
}

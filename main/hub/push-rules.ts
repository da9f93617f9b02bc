import { extname } from 'node:path';

// The Hub's push rules, checked on this computer before a push, so the
// person learns which file breaks which rule, and how to fix it, without waiting for the Hub to
// refuse (HUB-FACTS: files over 10 MiB must be in LFS or Xet; binary files are refused far below
// that; LFS files over 5 GB need the large-file path; a file in any commit being pushed counts,
// even if a later commit deletes it).

export const TEN_MIB = 10 * 1024 * 1024;
export const FIVE_GB = 5 * 1000 ** 3;

export type PushRule = 'too_large' | 'binary' | 'over_5gb';

export interface PushProblem {
  readonly rule: PushRule;
  readonly path: string;
  /** The file's size in bytes (for an LFS file, the size its pointer records). */
  readonly size: number;
  /** True when the file is gone from the branch tip but still in a commit being pushed. */
  readonly inHistoryOnly: boolean;
  /** A `git lfs track` pattern that would cover it, for rules LFS fixes. */
  readonly trackPattern?: string;
}

export interface PrePushReport {
  /** How many commits would be pushed. */
  readonly commits: number;
  readonly problems: readonly PushProblem[];
}

/** The pattern to offer for `git lfs track`: the extension when there is one, else the path. */
export function trackPatternFor(path: string): string {
  const ext = extname(path);
  return ext && ext !== '.' ? `*${ext}` : path;
}

/** What the rules need to know of one file in the commits being pushed. */
export interface FileFacts {
  readonly path: string;
  readonly size: number;
  readonly binary: boolean;
  readonly inHistoryOnly: boolean;
  /** The size an LFS pointer records, when the file is one. */
  readonly pointerSize?: number;
}

/** The rule one file breaks, if any (the first that applies: over 5 GB, over 10 MiB, binary). */
export function checkFile(file: FileFacts): PushProblem | undefined {
  const { path, size, inHistoryOnly } = file;
  if (file.pointerSize !== undefined && file.pointerSize > FIVE_GB)
    return { rule: 'over_5gb', path, size: file.pointerSize, inHistoryOnly };
  if (size > TEN_MIB)
    return { rule: 'too_large', path, size, inHistoryOnly, trackPattern: trackPatternFor(path) };
  if (file.pointerSize === undefined && file.binary)
    return { rule: 'binary', path, size, inHistoryOnly, trackPattern: trackPatternFor(path) };
  return undefined;
}

/** One line per problem, in the words the app and the doctor use. */
export function describeProblem(problem: PushProblem): string {
  const mib = (problem.size / 1024 / 1024).toFixed(1);
  const history = problem.inHistoryOnly
    ? ' It was deleted later, but it is still in a commit being pushed, and the Hub checks every commit.'
    : '';
  switch (problem.rule) {
    case 'too_large':
      return `${problem.path} (${mib} MiB) is over the Hub's 10 MiB limit for files outside Git LFS or Xet: track it with \`git lfs track "${problem.trackPattern}"\`.${history}`;
    case 'binary':
      return `${problem.path} is a binary file outside Git LFS or Xet, which the Hub refuses at any size: track it with \`git lfs track "${problem.trackPattern}"\`.${history}`;
    case 'over_5gb':
      return `${problem.path} (${(problem.size / 1000 ** 3).toFixed(1)} GB) is over 5 GB: run \`hf lfs-enable-largefiles .\` in the repository before pushing, or use Xet.`;
  }
}

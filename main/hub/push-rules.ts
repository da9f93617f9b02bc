import { extname } from 'node:path';
import { git, parsePointer, readBlobs } from '../git/objects';

// Groundwork for issue 6: the Hub's push rules, checked on this computer before a push, so the
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

/**
 * Checks the commits `revision` would push that `exclude` (default: every remote-tracking
 * branch) does not have. Reads objects with three git calls and git's own binary detection
 * (the same .gitattributes rules the Hub's diff sees; an LFS pointer is text).
 */
export async function prePushCheck(
  home: string,
  repoPath: string,
  env: NodeJS.ProcessEnv,
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<PrePushReport> {
  const revision = options.revision ?? 'HEAD';
  const not = options.exclude ?? ['--remotes'];
  const commits = await git(home, repoPath, ['rev-list', '--count', revision, '--not', ...not, '--'], env);
  const listed = await git(home, repoPath, ['rev-list', '--objects', revision, '--not', ...not, '--'], env);
  const objects = listed.stdout
    .split('\n')
    .filter((line) => line.length > 41)
    .map((line) => ({ oid: line.slice(0, 40), path: line.slice(41) }));
  if (objects.length === 0) return { commits: Number(commits.stdout.trim()) || 0, problems: [] };

  const checked = await git(
    home,
    repoPath,
    ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'],
    env,
    `${objects.map((object) => object.oid).join('\n')}\n`,
  );
  const sizes = new Map<string, number>();
  for (const line of checked.stdout.split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob') sizes.set(oid, Number(size));
  }
  const blobs = objects.filter((object) => sizes.has(object.oid));

  // Which paths git calls binary in the commits being pushed ("-\t-\tpath" in --numstat).
  const numstat = await git(
    home,
    repoPath,
    ['log', '--numstat', '--format=', '--no-renames', '-z', revision, '--not', ...not, '--'],
    env,
  );
  const binaryPaths = new Set(
    numstat.stdout
      .split('\u0000')
      .map((entry) => entry.replace(/^\n+/, ''))
      .filter((entry) => entry.startsWith('-\t-\t'))
      .map((entry) => entry.slice(4)),
  );

  const tip = await git(home, repoPath, ['ls-tree', '-r', '-z', revision], env);
  const atTip = new Set(
    tip.stdout
      .split('\u0000')
      .filter(Boolean)
      .map((entry) => {
        const tab = entry.indexOf('\t');
        return `${entry.slice(tab + 1)}\u0000${entry.slice(0, tab).split(' ')[2] ?? ''}`;
      }),
  );
  const pointers = await readBlobs(
    home,
    repoPath,
    blobs.filter((blob) => (sizes.get(blob.oid) ?? 0) < 1024).map((blob) => blob.oid),
    env,
  );

  const problems: PushProblem[] = [];
  const seen = new Set<string>();
  for (const blob of blobs) {
    const size = sizes.get(blob.oid) ?? 0;
    const inHistoryOnly = !atTip.has(`${blob.path}\u0000${blob.oid}`);
    const pointer = pointers.has(blob.oid) ? parsePointer(pointers.get(blob.oid) ?? '') : undefined;
    let problem: PushProblem | undefined;
    if (pointer && pointer.size > FIVE_GB)
      problem = { rule: 'over_5gb', path: blob.path, size: pointer.size, inHistoryOnly };
    else if (size > TEN_MIB)
      problem = {
        rule: 'too_large',
        path: blob.path,
        size,
        inHistoryOnly,
        trackPattern: trackPatternFor(blob.path),
      };
    else if (!pointer && binaryPaths.has(blob.path))
      problem = {
        rule: 'binary',
        path: blob.path,
        size,
        inHistoryOnly,
        trackPattern: trackPatternFor(blob.path),
      };
    const key = problem ? `${problem.rule}\u0000${blob.path}\u0000${blob.oid}` : '';
    if (problem && !seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return { commits: Number(commits.stdout.trim()) || 0, problems };
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

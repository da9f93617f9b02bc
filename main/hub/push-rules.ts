import { extname } from 'node:path';

// The Hub's push rules, checked on this computer before a push, so the person learns which file
// breaks which rule, and how to fix it, without waiting for the Hub to refuse (HUB-FACTS,
// "Repositories and large files"): files over 10 MiB must be in LFS or Xet; binary files over
// 1 MiB too ("over 10MB, or 1MB for binary files", huggingface_hub PR #657, #687; a 1.67 MB mp4
// was refused while a small jpg passed); LFS files over 5 GB need the large-file transfer; a file
// in any commit being pushed counts, even if a later commit deletes it. The app must never block
// a push the Hub accepts: where a limit's exact value is uncertain, it blocks only above the
// highest reading and warns below it.

/** Why: the Hub's limit for any file outside LFS or Xet ("files larger than 10 MiB", its own refusal). */
export const TEN_MIB = 10 * 1024 * 1024;

/**
 * Why: the Hub's limit for a binary file outside LFS or Xet. The Hub team wrote "1MB"
 * (huggingface_hub PR #657), which may mean 1,000,000 or 1,048,576 bytes; 1 MiB is the higher
 * reading (and matches the Hub wording its other limit "10 MiB"), so a binary file the Hub would
 * accept is never blocked. One between the two readings gets a warning, and if the Hub refuses it
 * after all, the failure table explains the Hub's refusal.
 */
export const BINARY_LIMIT = 1024 * 1024;

/** Why: the largest LFS file the basic transfer takes; 5 GB as the Hub counts it (5 * 1000^3 bytes). */
export const FIVE_GB = 5 * 1000 ** 3;

/** Why: the rules the check knows, as the renderer names them. */
export type PushRule = 'too_large' | 'binary' | 'over_5gb';

/** Why: one file a rule applies to, and whether the Hub would refuse the push for it. */
export interface PushProblem {
  readonly rule: PushRule;
  readonly path: string;
  /** The file's size in bytes (for an LFS file, the size its pointer records). */
  readonly size: number;
  /** True when the file is gone from the branch tip but still in a commit being pushed. */
  readonly inHistoryOnly: boolean;
  /** A `git lfs track` pattern that would cover it, for rules LFS fixes. */
  readonly trackPattern?: string;
  /**
   * True when the Hub refuses the push for this file, so the app must not push before it is
   * fixed. False for a warning: the Hub accepts the push (a binary file up to BINARY_LIMIT
   * outside LFS), and LFS or Xet is only advice. Screens and the doctor must show warnings as
   * such, and let the push go ahead.
   */
  readonly blocking: boolean;
}

/** Why: what the check found in the commits not pushed yet. */
export interface PrePushReport {
  /** How many commits would be pushed. */
  readonly commits: number;
  /** Blocking problems and warnings together, each marked by `blocking`. */
  readonly problems: readonly PushProblem[];
}

/** Why: the pattern to offer for `git lfs track`: the extension when there is one, else the path. */
export function trackPatternFor(path: string): string {
  const ext = extname(path);
  return ext && ext !== '.' ? `*${ext}` : path;
}

/** Why: what the rules need to know of one file in the commits being pushed. */
export interface FileFacts {
  readonly path: string;
  readonly size: number;
  readonly binary: boolean;
  readonly inHistoryOnly: boolean;
  /** The size an LFS pointer records, when the file is one. */
  readonly pointerSize?: number;
}

/**
 * Why: what the repository's git config says about transfers, which changes the 5 GB rule. The
 * Hub takes LFS files over 5 GB through the multipart transfer (`hf lfs-enable-largefiles .`
 * sets lfs.customtransfer.multipart.path, huggingface_hub cli/lfs.py) or through Xet (git-xet's
 * custom transfer agent, xet-core git_xet/src/app/install.rs).
 */
export interface RepoTransfers {
  /** A transfer that takes files over 5 GB is set up (multipart or xet): the rule does not apply. */
  readonly largeFiles: boolean;
  /** git-xet is set up as a transfer (lfs.customtransfer.xet.path, or a standalone xet agent). */
  readonly xet?: boolean;
  /**
   * The app can set its own multipart uploader up for this repository when it pushes
   * (main/features/repos/large-files.ts), so a file over 5 GB is a note, not a refusal.
   */
  readonly appUploader?: boolean;
  /**
   * Over how many bytes the Hub needs the large-file transfer: FIVE_GB, lower only where a test
   * sets HFGD_LARGE_FILE_BYTES, so a few MiB stand in for 5 GB.
   */
  readonly partsAbove?: number;
}

/**
 * Why: reads `git config --get-regexp '^lfs\.'` (every scope: git-xet installs itself globally
 * by default) for a transfer that takes files over 5 GB. git-lfs offers a custom transfer in the
 * batch request under its name, and the Hub picks "multipart" (huggingface_hub cli/lfs.py writes
 * lfs.customtransfer.multipart.path) or "xet" (git-xet writes lfs.customtransfer.xet.path, args
 * "transfer"); a download-only agent is never offered for an upload. A standalone transfer agent
 * naming xet (lfs.standalonetransferagent, or its per-URL form) skips the batch API altogether.
 */
export function transfersFromConfig(output: string): RepoTransfers {
  const values = new Map<string, string>();
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ');
    const key = (space < 0 ? line : line.slice(0, space)).trim();
    if (key !== '') values.set(key.toLowerCase(), space < 0 ? '' : line.slice(space + 1).trim());
  }
  const offered = (name: string): boolean =>
    (values.get(`lfs.customtransfer.${name}.path`) ?? '') !== '' &&
    (values.get(`lfs.customtransfer.${name}.direction`) ?? 'both').toLowerCase() !== 'download';
  const standaloneXet = [...values].some(
    ([key, value]) => /^lfs\.(?:.+\.)?standalonetransferagent$/.test(key) && /xet/i.test(value),
  );
  const xet = offered('xet') || standaloneXet;
  return { largeFiles: offered('multipart') || xet, xet };
}

/**
 * Why: the rule one file breaks, if any (the first that applies: over 5 GB, over 10 MiB,
 * binary), and whether it blocks the push.
 */
export function checkFile(
  file: FileFacts,
  transfers: RepoTransfers = { largeFiles: false },
): PushProblem | undefined {
  const { path, size, inHistoryOnly } = file;
  const limit = transfers.partsAbove ?? FIVE_GB;
  if (file.pointerSize !== undefined && file.pointerSize > limit && !transfers.largeFiles)
    return {
      rule: 'over_5gb',
      path,
      size: file.pointerSize,
      inHistoryOnly,
      blocking: transfers.appUploader !== true,
    };
  if (size > TEN_MIB)
    return {
      rule: 'too_large',
      path,
      size,
      inHistoryOnly,
      trackPattern: trackPatternFor(path),
      blocking: true,
    };
  if (file.pointerSize === undefined && file.binary)
    return {
      rule: 'binary',
      path,
      size,
      inHistoryOnly,
      trackPattern: trackPatternFor(path),
      blocking: size > BINARY_LIMIT,
    };
  return undefined;
}

/** Why: a file's size the way people read it. */
function readableSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Why: one line per problem, in the words the app and the doctor use. A warning says plainly
 * that the push can go ahead, so a screen that lists every problem alike still reads right.
 */
export function describeProblem(problem: PushProblem): string {
  const history = problem.inHistoryOnly
    ? ' It was deleted later, but it is still in a commit being pushed, and the Hub checks every commit.'
    : '';
  const track = `\`git lfs track "${problem.trackPattern}"\``;
  switch (problem.rule) {
    case 'too_large':
      return `${problem.path} (${readableSize(problem.size)}) is over the Hub's 10 MiB limit for files outside Git LFS or Xet: track it with ${track}.${history}`;
    case 'binary':
      return problem.blocking
        ? `${problem.path} is a binary file outside Git LFS or Xet, and at ${readableSize(problem.size)} it is over the Hub's 1 MiB limit for such files: track it with ${track}.${history}`
        : `${problem.path} is a binary file outside Git LFS or Xet (${readableSize(problem.size)}). The Hub accepts binary files up to 1 MiB this way, so this does not stop the push; tracking it with ${track} keeps the repository light.`;
    case 'over_5gb':
      return overFiveText(problem);
  }
}

/** Why: a size over 5 GB as the Hub counts it (1000^3), never "0.0 GB" for a test's small stand-in. */
function gigabytes(bytes: number): string {
  return bytes >= 1000 ** 3 ? `${(bytes / 1000 ** 3).toFixed(1)} GB` : readableSize(bytes);
}

/**
 * Why: the 5 GB rule in words. Where the app can set its uploader up it is a note: the push goes
 * ahead in parts (what `hf lfs-enable-largefiles .` sets up by hand); elsewhere (the doctor, a push
 * the app cannot configure) it says what to run.
 */
function overFiveText(problem: PushProblem): string {
  const size = gigabytes(problem.size);
  return problem.blocking
    ? `${problem.path} (${size}) is over 5 GB: run \`hf lfs-enable-largefiles .\` in the repository before pushing, or use Xet.`
    : `${problem.path} (${size}) is over 5 GB, so it goes to the Hub in parts: the app sets this repository up for that when you push.`;
}

/**
 * Why: the same problems found on ticked files, before any commit: the fix is to store the file
 * with Git LFS now, so no commit has to be rewritten later (issue 12, item 7).
 */
export function describeStagedProblem(problem: PushProblem): string {
  const store = `Choose “Store with Git LFS” for ${problem.trackPattern ?? problem.path} before you commit.`;
  switch (problem.rule) {
    case 'too_large':
      return `${problem.path} (${readableSize(problem.size)}) is over the Hub's 10 MiB limit for files outside Git LFS or Xet, so the Hub would refuse a push with it. ${store}`;
    case 'binary':
      return problem.blocking
        ? `${problem.path} is a binary file of ${readableSize(problem.size)}, over the Hub's 1 MiB limit for binary files outside Git LFS or Xet, so the Hub would refuse a push with it. ${store}`
        : `${problem.path} is a binary file (${readableSize(problem.size)}). The Hub accepts binary files up to 1 MiB outside Git LFS, so you can commit it as it is; storing it with Git LFS keeps the repository light.`;
    case 'over_5gb':
      return overFiveText(problem);
  }
}

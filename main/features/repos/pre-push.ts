import { git, type GitContext } from '../../git/core';
import { gitContext } from '../../git/environment';
import { blobsAt, listPushedBlobs, rangeKey, type SizedBlob } from '../../git/objects';
import {
  FIVE_GB,
  TEN_MIB,
  transfersFromConfig,
  type PrePushReport,
  type RepoTransfers,
} from '../../hub/push-rules';
import { blobFacts, problemsOf, type BlobFacts } from './rules/facts';

/**
 * The transfers the repository's git config offers the Hub (every scope, as git-lfs reads it),
 * so a file over 5 GB is not flagged when the large-file transfer or git-xet is set up.
 */
export async function repoTransfers(context: GitContext, repoPath: string): Promise<RepoTransfers> {
  // Exit 1: no lfs.* key at all.
  const config = await git(context, ['config', '--get-regexp', '^lfs\\.'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  return transfersFromConfig(config.exitCode === 0 ? config.stdout : '');
}

/** What the check learnt of one range of commits: objects never change, so it holds while the range does. */
interface Scanned {
  readonly commits: number;
  readonly blobs: readonly SizedBlob[];
  readonly facts: ReadonlyMap<string, BlobFacts>;
  /** The blob at each path of the branch tip, read only once a problem needs placing. */
  tip?: ReadonlyMap<string, string>;
}

/**
 * The last scan per repository, keyed by the commits of its range (rangeKey), so the screen's
 * refreshes (a watcher, window focus) do not walk 50,000 files of a never-pushed branch again
 * until a commit, a fetch or a push moves the range. A few repositories at most.
 */
const scans = new Map<string, { readonly key: string; readonly scanned: Scanned }>();
const KEPT_SCANS = 8;

/** Forgets every kept scan (the bench measures the scan itself, not the kept answer). */
export function forgetScans(): void {
  scans.clear();
}

async function scan(
  context: GitContext,
  repoPath: string,
  options: {
    readonly revision?: string;
    readonly exclude?: readonly string[];
    readonly largeFileBytes?: number;
  },
): Promise<Scanned> {
  const place = `${repoPath}\u0000${options.revision ?? 'HEAD'}\u0000${options.largeFileBytes ?? FIVE_GB}\u0000${(options.exclude ?? []).join('\u0000')}`;
  const kept = scans.get(place);
  // The key before the listing: a commit made meanwhile leaves a newer answer under an older key,
  // which the next call sees as moved, never an older answer under a newer one.
  const key = await rangeKey(context, repoPath, options);
  if (key !== undefined && kept?.key === key) return kept.scanned;
  const { commits, blobs } = await listPushedBlobs(context, repoPath, options);
  // A blob over 10 MiB is a problem whatever its bytes: the tip that places it is read meanwhile.
  const [facts, tip] = await Promise.all([
    blobFacts(context, repoPath, blobs, options.largeFileBytes),
    blobs.some((blob) => blob.size > TEN_MIB)
      ? blobsAt(context, repoPath, options.revision ?? 'HEAD')
      : undefined,
  ]);
  const scanned: Scanned = { commits, blobs, facts, ...(tip ? { tip } : {}) };
  if (key !== undefined) {
    scans.delete(place);
    scans.set(place, { key, scanned });
    for (const old of scans.keys()) if (scans.size > KEPT_SCANS) scans.delete(old);
  }
  return scanned;
}

/**
 * The Hub's push rules (hub/push-rules.ts) over the commits `revision` would push that `exclude`
 * (default: every remote-tracking branch) does not have, so the person learns which file breaks
 * which rule before the Hub refuses the push. Problems with `blocking: false` are warnings.
 * Blob sizes come from object headers; only blobs a rule needs to look into are read
 * (rules/facts.ts), and the branch tip is listed only when there is a problem to place.
 */
export async function prePushCheck(
  home: string,
  repoPath: string,
  env: NodeJS.ProcessEnv,
  options: {
    readonly revision?: string;
    readonly exclude?: readonly string[];
    /** Already read by the caller (the repository state reads it once for two checks). */
    readonly transfers?: Promise<RepoTransfers>;
    /** The 5 GB rule's limit (Settings.largeFileBytes): lower only in tests. */
    readonly largeFileBytes?: number;
    /** The app can set its multipart uploader up when it pushes: a file over 5 GB is then a note. */
    readonly appUploader?: boolean;
  } = {},
): Promise<PrePushReport> {
  const context = gitContext({ home }, env);
  const scanned = await scan(context, repoPath, options);
  const { commits, blobs, facts } = scanned;
  // The transfers change only the 5 GB rule: the config is read only when a pointer is over it.
  const limit = options.largeFileBytes ?? FIVE_GB;
  const overFive = [...facts.values()].some((fact) => (fact.pointerSize ?? 0) > limit);
  const configured: RepoTransfers = overFive
    ? await (options.transfers ?? repoTransfers(context, repoPath))
    : { largeFiles: false };
  const transfers: RepoTransfers = {
    ...configured,
    partsAbove: limit,
    ...(options.appUploader ? { appUploader: true } : {}),
  };
  if (problemsOf(blobs, facts, transfers, () => true).length === 0) return { commits, problems: [] };
  scanned.tip ??= await blobsAt(context, repoPath, options.revision ?? 'HEAD');
  const tip = scanned.tip;
  return {
    commits,
    problems: problemsOf(blobs, facts, transfers, (blob) => tip.get(blob.path) === blob.oid),
  };
}

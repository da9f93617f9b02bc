import { git, type GitContext } from '../../git/core';
import { gitContext } from '../../git/environment';
import { blobsAt, listPushedBlobs } from '../../git/objects';
import { transfersFromConfig, type PrePushReport, type RepoTransfers } from '../../hub/push-rules';
import { blobFacts, problemsOf } from './rules/facts';

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
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<PrePushReport> {
  const context = gitContext({ home }, env);
  const [{ commits, blobs }, transfers] = await Promise.all([
    listPushedBlobs(context, repoPath, options),
    repoTransfers(context, repoPath),
  ]);
  const facts = await blobFacts(context, repoPath, blobs);
  const found = problemsOf(blobs, facts, transfers, () => true);
  if (found.length === 0) return { commits, problems: [] };
  const tip = await blobsAt(context, repoPath, options.revision ?? 'HEAD');
  return {
    commits,
    problems: problemsOf(blobs, facts, transfers, (blob) => tip.get(blob.path) === blob.oid),
  };
}

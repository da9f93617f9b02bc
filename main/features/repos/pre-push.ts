import { git, type GitContext } from '../../git/core';
import { gitContext } from '../../git/environment';
import { listPushedBlobs, parsePointer } from '../../git/objects';
import {
  checkFile,
  transfersFromConfig,
  type PrePushReport,
  type PushProblem,
  type RepoTransfers,
} from '../../hub/push-rules';

/**
 * The transfers the repository's git config offers the Hub (every scope, as git-lfs reads it),
 * so a file over 5 GB is not flagged when the large-file transfer or git-xet is set up.
 */
async function repoTransfers(context: GitContext, repoPath: string): Promise<RepoTransfers> {
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
  const problems: PushProblem[] = [];
  const seen = new Set<string>();
  for (const blob of blobs) {
    const pointer = blob.smallText === undefined ? undefined : parsePointer(blob.smallText);
    const problem = checkFile(
      {
        path: blob.path,
        size: blob.size,
        binary: blob.binary,
        inHistoryOnly: !blob.atTip,
        ...(pointer ? { pointerSize: pointer.size } : {}),
      },
      transfers,
    );
    const key = problem ? `${problem.rule}\u0000${blob.path}\u0000${blob.oid}` : '';
    if (problem && !seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return { commits, problems };
}

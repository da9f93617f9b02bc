import { gitContext } from '../../git/environment';
import { listPushedBlobs, parsePointer } from '../../git/objects';
import { checkFile, type PrePushReport, type PushProblem } from '../../hub/push-rules';

/**
 * The Hub's push rules (hub/push-rules.ts) over the commits `revision` would push that `exclude`
 * (default: every remote-tracking branch) does not have, so the person learns which file breaks
 * which rule before the Hub refuses the push.
 */
export async function prePushCheck(
  home: string,
  repoPath: string,
  env: NodeJS.ProcessEnv,
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<PrePushReport> {
  const { commits, blobs } = await listPushedBlobs(gitContext({ home }, env), repoPath, options);
  const problems: PushProblem[] = [];
  const seen = new Set<string>();
  for (const blob of blobs) {
    const pointer = blob.smallText === undefined ? undefined : parsePointer(blob.smallText);
    const problem = checkFile({
      path: blob.path,
      size: blob.size,
      binary: blob.binary,
      inHistoryOnly: !blob.atTip,
      ...(pointer ? { pointerSize: pointer.size } : {}),
    });
    const key = problem ? `${problem.rule}\u0000${blob.path}\u0000${blob.oid}` : '';
    if (problem && !seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return { commits, problems };
}

import { run } from '../../../core/run';
import { findExecutable } from '../../../core/find-executable';
import { fixFor } from '../fixes';
import {
  cancelledOutcome,
  firstLine,
  outcome,
  timedOutOutcome,
  type ProbeContext,
  type ProbeOutcome,
} from '../probe';

/**
 * Git Xet, the Hub's faster large-file transfer (a Git LFS transfer agent). It is optional: plain
 * Git LFS keeps working with every Hub repository, so its absence is not a warning that nearly
 * every new machine would show and that would teach people to ignore warnings; nor is it a green
 * OK (issue 14): the item is marked `optional`, and the fix text is given as an offer. It is
 * spawned only when it is on PATH.
 */
export async function probeGitXet(context: ProbeContext): Promise<ProbeOutcome> {
  const path = await findExecutable('git-xet', context.env, context.platform);
  if (path === undefined) {
    return outcome(
      'ok',
      'Optional: Git Xet makes uploads and downloads of large files faster. Without it, Git LFS does the same work.',
      { fix: fixFor('git-xet-missing', context.os), optional: true },
    );
  }
  const result = await run(path, ['--version'], {
    env: context.childEnv,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
  });
  if (result.timedOut) return timedOutOutcome('Git Xet', context);
  if (result.cancelled) return cancelledOutcome();
  const banner = firstLine(result.stdout) || firstLine(result.stderr);
  const version = /(\d+\.\d+\.\d+[\w.+-]*)/.exec(banner)?.[1];
  if (result.exitCode === 0 && version !== undefined) {
    return outcome('ok', `Git Xet ${version} is installed.`, { detail: `${path}: ${banner}` });
  }
  return outcome('warn', 'Git Xet is installed but does not run properly; Git LFS will be used instead.', {
    detail: `${path}: ${banner || `exit code ${String(result.exitCode)}`}`,
    fix: fixFor('git-xet-missing', context.os),
  });
}

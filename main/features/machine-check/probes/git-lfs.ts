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

/** "git-lfs/3.3.0 (GitHub; linux amd64; go 1.19.8)" */
const LFS_VERSION = /git-lfs\/(\d[^\s)]*)/;

function notInstalled(context: ProbeContext): ProbeOutcome {
  return outcome(
    'error',
    'Git LFS is not installed. Hub repositories keep model weights and datasets in it: without it, downloads give you small placeholder files and large uploads are refused.',
    { fix: fixFor('git-lfs-missing', context.os) },
  );
}

/**
 * Git LFS as git itself finds it: `git lfs version` also sees a git-lfs kept in git's own
 * folders (Git for Windows, Homebrew). Only when git is missing is `git-lfs` run directly.
 */
export async function probeGitLfs(context: ProbeContext): Promise<ProbeOutcome> {
  const git = await findExecutable('git', context.env, context.platform);
  const lfs = git === undefined ? await findExecutable('git-lfs', context.env, context.platform) : undefined;
  const command = git === undefined ? lfs : git;
  if (command === undefined) return notInstalled(context);
  const args = git === undefined ? ['version'] : ['lfs', 'version'];
  const result = await run(command, args, {
    env: context.childEnv,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
  });
  if (result.timedOut) return timedOutOutcome('Git LFS', context);
  if (result.cancelled) return cancelledOutcome();
  if (result.notFound) return notInstalled(context);
  const banner = firstLine(result.stdout);
  const version = LFS_VERSION.exec(banner)?.[1];
  if (result.exitCode === 0 && version !== undefined) {
    return outcome('ok', `Git LFS ${version} is installed.`, { detail: banner });
  }
  // git's own words for a subcommand it cannot find: "git: 'lfs' is not a git command."
  if (/is not a git command/.test(result.stderr)) return notInstalled(context);
  return outcome('error', 'Git LFS is installed but does not run properly.', {
    detail: firstLine(result.stderr) || banner || `exit code ${String(result.exitCode)}`,
    fix: fixFor('git-lfs-missing', context.os),
  });
}

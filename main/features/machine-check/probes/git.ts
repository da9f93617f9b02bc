import { findExecutable } from '../../../core/find-executable';
import { fixFor } from '../fixes';
import { cancelledOutcome, outcome, timedOutOutcome, type ProbeContext, type ProbeOutcome } from '../probe';
import { simpleGitClient, gitFailure } from '../../../git/simple-client';

function notInstalled(context: ProbeContext): ProbeOutcome {
  return outcome('error', 'Git is not installed, so the app cannot download or upload your repositories.', {
    fix: fixFor('git-missing', context.os),
  });
}

/** Git itself, through simple-git's version(): without it nothing else the app does can work. */
export async function probeGit(context: ProbeContext): Promise<ProbeOutcome> {
  const path = await findExecutable('git', context.env, context.platform);
  if (path === undefined) return notInstalled(context);
  try {
    const version = await simpleGitClient(context, context).version();
    if (!version.installed) return notInstalled(context);
    if (version.major === 0) {
      return outcome('warn', 'Git is installed, but it did not say which version it is.', {
        detail: path,
        fix: fixFor('git-missing', context.os),
      });
    }
    return outcome('ok', `Git ${version.major}.${version.minor}.${version.patch} is installed.`, {
      detail: path,
    });
  } catch (error) {
    const failure = gitFailure(error);
    switch (failure.kind) {
      case 'timeout':
        return timedOutOutcome('Git', context);
      case 'cancelled':
        return cancelledOutcome();
      case 'not-found':
        return notInstalled(context);
      case 'failed':
        return outcome('error', 'Git is installed but does not run properly.', {
          detail: `${path}: ${failure.message}`,
          fix: fixFor('git-missing', context.os),
        });
    }
  }
}

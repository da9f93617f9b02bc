import type { Outcome, RemoteRunView } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import type { GitContext } from '../../git/core';
import { explainFailure, type FailureContext } from '../../git/failures';
import type { RemoteRun } from '../../git/remote-run';
import { listRemotes, mainRemote } from '../../git/remotes';
import type { RemoteUrlInfo } from '../../git/remote-url';
import { failureContext } from '../https';
import { hubAddresses } from './state';

/** The failure table's answer for what a run against `remote` printed. */
export async function outcomeOf(
  output: string,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  operation: FailureContext['operation'],
  remote: RemoteUrlInfo | undefined,
  flags: FailureContext['flags'],
): Promise<Outcome> {
  return explainFailure(output, await failureContext(settings, env, operation, remote, flags));
}

/** How the repository screen names each run when it worked. */
const DONE: Readonly<Record<'push' | 'pull' | 'lfs_pull' | 'fetch', string>> = {
  push: 'Push done.',
  pull: 'Pull done.',
  lfs_pull: 'The large files are downloaded.',
  fetch: 'Fetched.',
};

/** A push, pull or LFS download as the repository screen shows it: what happened and what to do. */
export async function explainRun(
  result: RemoteRun,
  path: string,
  settings: Settings,
  git: GitContext,
  operation: Extract<FailureContext['operation'], 'push' | 'pull' | 'lfs_pull' | 'fetch'>,
): Promise<RemoteRunView> {
  const origin = mainRemote(await listRemotes(git, path, hubAddresses(settings)).catch(() => []));
  const outcome = await outcomeOf(result.output, settings, git.env, operation, origin, {
    exitCode: result.exitCode,
    cancelled: result.cancelled,
    timedOut: result.timedOut,
  });
  return {
    ok: result.ok,
    cancelled: result.cancelled,
    behind: outcome.kind === 'non_fast_forward',
    output: result.output,
    message: result.ok ? DONE[operation] : outcome.message,
    fix: result.ok ? '' : outcome.fix,
    outcome,
  };
}

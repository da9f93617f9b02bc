import type { RemoteRunView } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import type { GitContext } from '../../git/core';
import type { RemoteRun } from '../../git/remote-run';
import { listRemotes, mainRemote } from '../../git/remotes';
import { diagnose, readStoredToken } from '../https';
import { hubAddresses } from './state';

/** A push, pull or LFS download as the repository screen shows it: what happened and what to do. */
export async function explainRun(
  result: RemoteRun,
  path: string,
  settings: Settings,
  git: GitContext,
  verb: string,
): Promise<RemoteRunView> {
  const view = { ok: result.ok, cancelled: result.cancelled, behind: result.behind, output: result.output };
  if (result.ok) return { ...view, message: `${verb} done.`, fix: '' };
  if (result.cancelled)
    return {
      ...view,
      message: `${verb} cancelled. Nothing on the Hub changed that was not complete.`,
      fix: 'Start it again when you are ready.',
    };
  if (result.behind)
    return {
      ...view,
      message: 'The Hub has commits this copy does not have yet.',
      fix: 'Pull first (the app merges them in), then push again.',
    };
  const origin = mainRemote(await listRemotes(git, path, hubAddresses(settings)).catch(() => []));
  if (/pre-receive hook declined|Offending files/.test(result.output))
    return {
      ...view,
      message: 'The Hub refused files in this push (its rules for large and binary files).',
      fix: 'See the check below: track those files with Git LFS, then push again.',
    };
  if (
    origin?.kind === 'hub-ssh' &&
    /Permission denied \(publickey\)|Host key verification failed/.test(result.output)
  )
    return {
      ...view,
      message: 'The Hub did not accept the SSH key, or its host key is not pinned.',
      fix: 'Run the SSH setup’s connection test.',
    };
  const stored = await readStoredToken(settings.home, settings.hubEndpoint, git.env);
  const diagnosis = diagnose(1, result.output, {
    repo: origin?.repo,
    endpoint: settings.hubEndpoint,
    urlUsername: origin?.username,
    storedUser: stored?.username,
    summary: undefined,
  });
  return { ...view, message: diagnosis.message, fix: diagnosis.fix };
}

import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { cloneRepo } from './clone';
import { git } from '../../git/objects';
import type { ProgressEvent } from '../../git/progress';
import { cloneUrl, type RepoRef } from '../../hub/repo-ref';
import type { Transport } from '../../git/environment';
import { remoteRun } from '../../git/workflow';

// Seed 004's fork, step by step: clone the (new, empty) fork without LFS content, add the
// upstream, fetch it and all its LFS objects, point the branch at upstream's, then push the
// commits and every LFS object to the fork. "Unable to find source for object" gets its fix.

export interface ForkResult {
  readonly path: string;
  readonly branch: string;
  readonly output: string;
}

export class ForkError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly details: string,
  ) {
    super(message);
  }
}

export async function forkWithLfs(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  request: {
    readonly upstream: RepoRef;
    readonly fork: RepoRef;
    readonly transport: Transport;
    readonly destination: string;
  },
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void } = {},
): Promise<ForkResult> {
  const hub = { endpoint: settings.hubEndpoint, sshHost: settings.sshHost, sshPort: settings.sshPort };
  const stepOptions = (from: number, to: number) => ({
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event: ProgressEvent) =>
      options.onProgress?.({
        ...event,
        percent: from + ((to - from) * event.percent) / 100,
        phase: event.phase === 'done' ? 'lfs' : event.phase,
      }),
  });
  const cloned = await cloneRepo(
    settings,
    session,
    env,
    { ref: request.fork, transport: request.transport, destination: request.destination, lfsContent: false },
    stepOptions(0, 10),
  );
  const path = cloned.path;
  const steps: string[][] = [
    ['lfs', 'install', '--skip-smudge', '--local'],
    ['remote', 'add', 'upstream', cloneUrl(request.upstream, request.transport, hub)],
  ];
  for (const args of steps) {
    const out = await git(settings.home, path, args, env);
    if (out.code !== 0) throw new ForkError('The fork could not be prepared.', 'Try again.', out.stderr);
  }
  const fetched = await remoteRun(
    settings,
    session,
    env,
    path,
    ['fetch', '--progress', 'upstream'],
    stepOptions(10, 30),
  );
  if (!fetched.ok)
    throw new ForkError(
      'The upstream repository could not be fetched.',
      'Check its name, and that you can read it.',
      fetched.output,
    );
  const head = (
    await git(settings.home, path, ['symbolic-ref', '--short', 'refs/remotes/upstream/HEAD'], env)
  ).stdout.trim();
  const branch = head.replace(/^upstream\//, '') || 'main';
  await git(settings.home, path, ['remote', 'set-head', 'upstream', '--auto'], env);
  const lfsFetched = await remoteRun(
    settings,
    session,
    env,
    path,
    ['lfs', 'fetch', '--all', 'upstream'],
    stepOptions(30, 60),
  );
  if (!lfsFetched.ok)
    throw new ForkError(
      'The upstream’s large files could not be fetched.',
      'Try again; check that git-lfs is installed.',
      lfsFetched.output,
    );
  const reset = await git(settings.home, path, ['checkout', '-B', branch, `upstream/${branch}`], env);
  if (reset.code !== 0)
    throw new ForkError('The fork could not take the upstream’s history.', 'Try again.', reset.stderr);
  await git(settings.home, path, ['lfs', 'install', '--force', '--local'], env);
  const pushed = await remoteRun(
    settings,
    session,
    env,
    path,
    ['push', '--progress', '--force-with-lease', '--set-upstream', '--', 'origin', branch],
    stepOptions(60, 95),
  );
  if (!pushed.ok) {
    if (/Unable to find source for object/.test(pushed.output))
      throw new ForkError(
        'Some large files of the upstream are not on this computer.',
        'In the fork’s folder, run git lfs fetch --all upstream, then git push origin (or start the fork again into a new folder).',
        pushed.output,
      );
    throw new ForkError(
      'The fork could not be pushed.',
      'Check that the fork exists on the Hub and that your access can write to it.',
      pushed.output,
    );
  }
  const checkout = await git(settings.home, path, ['lfs', 'checkout'], env);
  return { path, branch, output: `${pushed.output}\n${checkout.stdout}`.trim() };
}

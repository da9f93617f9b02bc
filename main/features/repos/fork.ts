import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { git, GitError } from '../../git/core';
import { gitContext, type Transport } from '../../git/environment';
import type { ProgressEvent } from '../../git/progress';
import { remoteRun } from '../../git/remote-run';
import { cloneUrl, type RepoRef } from '../../hub/repo-ref';
import { cloneRepo } from './clone';

// Seed 004's fork, step by step: clone the (new, empty) fork without LFS content, add the
// upstream, fetch it and all its LFS objects, point the branch at upstream's, then push the
// commits and every LFS object to the fork.

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
  const context = gitContext(settings, env, session);
  const local = (args: readonly string[], okExitCodes?: readonly number[]) =>
    git(context, args, { cwd: path, ...(okExitCodes ? { okExitCodes } : {}) });
  const remote = (args: readonly string[], from: number, to: number) =>
    remoteRun(context, args, { cwd: path, ...stepOptions(from, to) });
  const prepare = async <T>(step: () => Promise<T>, message: string): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      if (error instanceof GitError) throw new ForkError(message, 'Try again.', error.result.output);
      throw error;
    }
  };
  await prepare(async () => {
    await local(['lfs', 'install', '--skip-smudge', '--local']);
    await local(['remote', 'add', 'upstream', cloneUrl(request.upstream, request.transport, hub)]);
  }, 'The fork could not be prepared.');
  const fetched = await remote(['fetch', '--progress', 'upstream'], 10, 30);
  if (!fetched.ok)
    throw new ForkError(
      'The upstream repository could not be fetched.',
      'Check its name, and that you can read it.',
      fetched.output,
    );
  // Exit 128: the upstream is empty and has no HEAD yet; the fork then keeps "main".
  const head = (
    await local(['symbolic-ref', '--short', 'refs/remotes/upstream/HEAD'], [0, 128])
  ).stdout.trim();
  const branch = head.replace(/^upstream\//, '') || 'main';
  await local(['remote', 'set-head', 'upstream', '--auto'], [0, 1, 128]);
  const lfsFetched = await remote(['lfs', 'fetch', '--all', 'upstream'], 30, 60);
  if (!lfsFetched.ok)
    throw new ForkError(
      'The upstream’s large files could not be fetched.',
      'Try again; check that git-lfs is installed.',
      lfsFetched.output,
    );
  await prepare(
    () => local(['checkout', '-B', branch, `upstream/${branch}`]),
    'The fork could not take the upstream’s history.',
  );
  await prepare(() => local(['lfs', 'install', '--force', '--local']), 'The fork could not be prepared.');
  const pushed = await remote(
    ['push', '--progress', '--force-with-lease', '--set-upstream', '--', 'origin', branch],
    60,
    95,
  );
  // Why a step failed (missing LFS objects, no write access…) is the failure table's to say.
  if (!pushed.ok) {
    throw new ForkError(
      'The fork could not be pushed.',
      'Check that the fork exists on the Hub and that your access can write to it.',
      pushed.output,
    );
  }
  const checkout = await prepare(
    () => local(['lfs', 'checkout']),
    'The fork’s large files could not be checked out.',
  );
  return { path, branch, output: `${pushed.output}\n${checkout.stdout}`.trim() };
}

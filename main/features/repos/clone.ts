import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { gitContext, type Transport } from '../../git/environment';
import type { ProgressEvent } from '../../git/progress';
import { remoteRun } from '../../git/remote-run';
import { cloneUrl, type RepoRef } from '../../hub/repo-ref';
import { findPointerFiles, type PointerFile } from './pointers';

/** Why a clone could not start or did not finish, in words for the person. */
export class CloneError extends Error {
  constructor(
    readonly kind: 'destination' | 'cancelled' | 'git',
    message: string,
    readonly details = '',
  ) {
    super(message);
  }
}

export interface CloneRequest {
  readonly ref: RepoRef;
  readonly transport: Transport;
  readonly destination: string;
  /** Overrides ref.revision: a branch, tag or commit. */
  readonly revision?: string;
  /** false leaves LFS files as pointers (the fork does, then fetches them from the upstream). */
  readonly lfsContent?: boolean;
}

export interface CloneResult {
  readonly path: string;
  readonly url: string;
  readonly transport: Transport;
  /** LFS files left as pointers (git-lfs missing, or an object the Hub does not have). */
  readonly pointers: readonly PointerFile[];
  readonly durationMs: number;
}

/** Refuses a destination git would fail on, or that holds the user's files. */
export async function checkDestination(destination: string): Promise<'absent' | 'empty'> {
  if (!isAbsolute(destination) || destination.includes('\u0000'))
    throw new CloneError(
      'destination',
      'Choose a folder by its full path, for example /home/you/models/my-model.',
    );
  const info = await stat(destination).catch(() => undefined);
  if (info) {
    if (!info.isDirectory())
      throw new CloneError('destination', `${destination} is a file. Choose a folder.`);
    if ((await readdir(destination)).length > 0)
      throw new CloneError(
        'destination',
        `${destination} already has files in it. Choose an empty or new folder, so nothing of yours is touched.`,
      );
    return 'empty';
  }
  const parent = await stat(dirname(destination)).catch(() => undefined);
  if (!parent?.isDirectory())
    throw new CloneError('destination', `The folder ${dirname(destination)} does not exist.`);
  return 'absent';
}

/**
 * Clones a Hub repository with git's own progress and git-lfs's, at a revision if asked.
 * Cancel (the signal) stops git and removes what the clone made, so nothing half-made is left.
 */
export async function cloneRepo(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  request: CloneRequest,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void } = {},
): Promise<CloneResult> {
  const started = performance.now();
  const before = await checkDestination(request.destination);
  const url = cloneUrl(request.ref, request.transport, {
    endpoint: settings.hubEndpoint,
    sshHost: settings.sshHost,
    sshPort: settings.sshPort,
  });
  const revision = request.revision ?? request.ref.revision;
  const commit = revision !== undefined && /^[0-9a-f]{7,40}$/.test(revision);
  const cleanup = async (): Promise<void> => {
    if (before === 'absent') await rm(request.destination, { recursive: true, force: true });
    else
      for (const entry of await readdir(request.destination).catch(() => []))
        await rm(`${request.destination}/${entry}`, { recursive: true, force: true });
  };
  const context = gitContext(settings, env, session);
  try {
    const args = [
      'clone',
      '--progress',
      ...(revision !== undefined && !commit ? ['--branch', revision] : []),
      ...(commit ? ['--no-checkout'] : []),
      '--',
      url,
      request.destination,
    ];
    // At a commit, the checkout after the clone is part of the same bar (git-lfs downloads
    // during it), so the bar only rises and says "done" once, at the end.
    let top = 0;
    let checkingOut = false;
    const rising = (event: ProgressEvent): void => {
      if (event.percent < top || (commit && event.phase === 'done' && !checkingOut)) return;
      top = event.percent;
      options.onProgress?.(event);
    };
    const runOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: rising,
      ...(request.lfsContent === false ? { env: { GIT_LFS_SKIP_SMUDGE: '1' } } : {}),
    };
    const cloned = await remoteRun(context, args, runOptions);
    if (cloned.cancelled)
      throw new CloneError('cancelled', 'The clone was cancelled; nothing was left behind.');
    if (!cloned.ok) throw new CloneError('git', 'Git could not clone the repository.', cloned.output);
    if (commit) {
      checkingOut = true;
      const checkout = await remoteRun(context, ['checkout', '--quiet', '--detach', revision, '--'], {
        ...runOptions,
        cwd: request.destination,
      });
      if (checkout.cancelled)
        throw new CloneError('cancelled', 'The clone was cancelled; nothing was left behind.');
      if (!checkout.ok)
        throw new CloneError('git', `The repository has no commit ${revision}.`, checkout.output);
    }
    return {
      path: request.destination,
      url,
      transport: request.transport,
      pointers: await findPointerFiles(settings.home, request.destination, env),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

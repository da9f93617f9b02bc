import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import type { AppSession } from '../../core/session';
import { run } from '../../core/run';
import { redactSecrets } from '../../core/redact';
import type { Settings } from '../../core/settings';
import { watchLfsProgress } from '../../git/lfs-progress';
import { findPointerFiles, type PointerFile } from './pointers';
import { ProgressTracker, type ProgressEvent } from '../../git/progress';
import { cloneUrl, type RepoRef } from '../../hub/repo-ref';
import { hubGitEnv, type Transport } from '../../git/environment';

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
  const tracker = new ProgressTracker((event) => options.onProgress?.(event));
  const lfs = await watchLfsProgress((line) => tracker.lfsLine(line));
  const cleanup = async (): Promise<void> => {
    if (before === 'absent') await rm(request.destination, { recursive: true, force: true });
    else
      for (const entry of await readdir(request.destination).catch(() => []))
        await rm(`${request.destination}/${entry}`, { recursive: true, force: true });
  };
  try {
    const childEnv = hubGitEnv(settings, session, env, {
      GIT_LFS_PROGRESS: lfs.file,
      ...(request.lfsContent === false ? { GIT_LFS_SKIP_SMUDGE: '1' } : {}),
    });
    const args = [
      'clone',
      '--progress',
      ...(revision !== undefined && !commit ? ['--branch', revision] : []),
      ...(commit ? ['--no-checkout'] : []),
      '--',
      url,
      request.destination,
    ];
    const cloned = await run('git', args, {
      env: childEnv,
      timeoutMs: 6 * 60 * 60 * 1000,
      killTree: true,
      ...(options.signal ? { signal: options.signal } : {}),
      onOutput: (stream, text) => {
        if (stream === 'stderr') tracker.gitOutput(text);
      },
    });
    if (cloned.cancelled)
      throw new CloneError('cancelled', 'The clone was cancelled; nothing was left behind.');
    if (cloned.exitCode !== 0)
      throw new CloneError('git', 'Git could not clone the repository.', redactSecrets(cloned.stderr.trim()));
    if (commit) {
      const checkout = await run(
        'git',
        ['-C', request.destination, 'checkout', '--quiet', '--detach', revision, '--'],
        {
          env: childEnv,
          timeoutMs: 6 * 60 * 60 * 1000,
          killTree: true,
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      if (checkout.cancelled)
        throw new CloneError('cancelled', 'The clone was cancelled; nothing was left behind.');
      if (checkout.exitCode !== 0)
        throw new CloneError(
          'git',
          `The repository has no commit ${revision}.`,
          redactSecrets(checkout.stderr.trim()),
        );
    }
    await lfs.stop();
    tracker.done('Cloned.');
    return {
      path: request.destination,
      url,
      transport: request.transport,
      pointers: await findPointerFiles(settings.home, request.destination, env),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    await lfs.stop().catch(() => undefined);
    await cleanup();
    throw error;
  }
}

import { mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { git, GitError, type GitContext } from '../../git/core';
import { gitContext, type Transport } from '../../git/environment';
import type { ProgressEvent } from '../../git/progress';
import { remoteRun } from '../../git/remote-run';
import { cloneUrl, revisionRefusal, type RepoRef } from '../../hub/repo-ref';
import { findPointerFiles, type PointerFile } from './pointers';

/** Why a clone could not start or did not finish, in words for the person. */
export class CloneError extends Error {
  constructor(
    readonly kind: 'destination' | 'revision' | 'cancelled' | 'git',
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
  /**
   * Set when git had every commit but the large files' download stopped (a dropped line, the Hub
   * gone): what git and git-lfs printed. The clone is kept, with `pointers` still to download
   * (`git lfs pull` resumes), rather than deleted with everything it already has.
   */
  readonly lfsInterrupted?: string;
  readonly durationMs: number;
}

/** The folders a clone is running into in this app, by destinationKey. */
const cloning = new Set<string>();

/**
 * One key per folder however it is typed (trailing "/", "..", a symlinked parent resolved by the
 * caller), folded as the platform's default file system compares names: APFS and HFS+ (macOS) are
 * case- and normalization-insensitive, NTFS (Windows) case-insensitive, ext4 and the other Linux
 * file systems neither.
 */
export function destinationKey(destination: string, platform: NodeJS.Platform = process.platform): string {
  const full = resolve(destination);
  if (platform === 'darwin') return full.normalize('NFC').toLowerCase();
  if (platform === 'win32') return full.toLowerCase();
  return full;
}

/**
 * Claims `destination` for one clone at a time in this app: two clones into one new folder would
 * otherwise each clean up after the other's failure and delete its work. Answers the release.
 */
async function claimDestination(destination: string): Promise<() => void> {
  const parent = await realpath(dirname(resolve(destination))).catch(() => dirname(resolve(destination)));
  const key = destinationKey(join(parent, basename(resolve(destination))));
  // Checked and taken with no await in between, so two calls cannot both see it free.
  if (cloning.has(key))
    throw new CloneError(
      'destination',
      `The app is already cloning into ${destination}. Wait for that clone to finish, or choose another folder.`,
    );
  cloning.add(key);
  return () => cloning.delete(key);
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
  if (parent?.isDirectory()) return 'absent';
  // A folder one level up that does not exist yet (the default ~/HuggingFace on a first clone) is
  // made, as GitHub Desktop makes the folders of a clone's path; deeper missing paths are more
  // likely a typo, and are refused in words.
  const grandparent = await stat(dirname(dirname(destination))).catch(() => undefined);
  if (!parent && grandparent?.isDirectory()) {
    await mkdir(dirname(destination)).catch(() => undefined);
    if ((await stat(dirname(destination)).catch(() => undefined))?.isDirectory()) return 'absent';
  }
  throw new CloneError('destination', `The folder ${dirname(destination)} does not exist.`);
}

/**
 * After a checkout that failed (most often git-lfs, when the line to the Hub dropped mid-file),
 * writes the work tree again with the LFS filter off, so large files not yet downloaded become
 * pointers and everything else is as committed. True when that worked: git has every commit and
 * only LFS content is missing. False (a full disk, a path this system refuses) means the clone
 * is not usable and is removed as before.
 */
async function checkoutWithoutLfs(
  context: GitContext,
  destination: string,
  commit?: string,
): Promise<boolean> {
  // This clone's own .git, named: git must never search upward and find a repository the folder
  // sits in (a home that is a work tree), whose edits a reset would throw away.
  const own = ['--git-dir', join(destination, '.git'), '--work-tree', destination];
  const local = (args: readonly string[]) => git(context, [...own, ...args], { cwd: destination });
  // No filter: a large file's blob (its pointer) is written as it is, whether or not git-lfs runs.
  const noFilter = [
    '-c',
    'filter.lfs.process=',
    '-c',
    'filter.lfs.smudge=',
    '-c',
    'filter.lfs.required=false',
  ];
  try {
    await local(['rev-parse', '--verify', '--quiet', `${commit ?? 'HEAD'}^{commit}`]);
    await local(
      commit === undefined
        ? [...noFilter, 'reset', '--hard', '--quiet', 'HEAD']
        : [...noFilter, 'checkout', '--quiet', '--force', '--detach', commit, '--'],
    );
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
  try {
    // Objects that arrived whole before the line dropped become files again (local, no network).
    await local(['lfs', 'checkout']);
  } catch (error) {
    // Without git-lfs, or if this fails, those files stay pointers: counted, and lfs pull fills them.
    if (!(error instanceof GitError)) throw error;
  }
  return true;
}

/**
 * Clones a Hub repository with git's own progress and git-lfs's, at a revision if asked.
 * Cancel (the signal) stops git and removes what the clone made, so nothing half-made is left.
 * A download of large files that stops after git has every commit keeps the clone, with the
 * missing files as pointers (`lfsInterrupted`); any other failure removes what the clone made.
 */
export async function cloneRepo(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  request: CloneRequest,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void } = {},
): Promise<CloneResult> {
  const started = performance.now();
  const revision = request.revision ?? request.ref.revision;
  // Before anything runs: `git clone --branch` would read "-x" as an option.
  const refusal = revision === undefined ? undefined : revisionRefusal(revision);
  if (refusal) throw new CloneError('revision', refusal);
  const release = await claimDestination(request.destination);
  try {
    return await cloneInto(settings, session, env, request, revision, options, started);
  } finally {
    release();
  }
}

async function cloneInto(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  request: CloneRequest,
  revision: string | undefined,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void },
  started: number,
): Promise<CloneResult> {
  const before = await checkDestination(request.destination);
  const url = cloneUrl(request.ref, request.transport, {
    endpoint: settings.hubEndpoint,
    sshHost: settings.sshHost,
    sshPort: settings.sshPort,
  });
  const commit = revision !== undefined && /^[0-9a-f]{7,40}$/.test(revision);
  const cleanup = async (): Promise<void> => {
    if (before === 'absent') await rm(request.destination, { recursive: true, force: true });
    else
      for (const entry of await readdir(request.destination).catch(() => []))
        await rm(`${request.destination}/${entry}`, { recursive: true, force: true });
  };
  const context = gitContext(settings, env, session);
  const cancelled = () => new CloneError('cancelled', 'The clone was cancelled; nothing was left behind.');
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
    let interrupted: string | undefined;
    const cloned = await remoteRun(context, args, runOptions);
    if (cloned.cancelled) throw cancelled();
    if (!cloned.ok) {
      // git removes its own half-made clone when the fetch fails; left here, it has the commits.
      if (commit || !(await checkoutWithoutLfs(context, request.destination)))
        throw new CloneError('git', 'Git could not clone the repository.', cloned.output);
      interrupted = cloned.output;
    }
    if (commit && revision !== undefined) {
      checkingOut = true;
      const checkout = await remoteRun(context, ['checkout', '--quiet', '--detach', revision, '--'], {
        ...runOptions,
        cwd: request.destination,
      });
      if (checkout.cancelled) throw cancelled();
      if (!checkout.ok) {
        if (!(await checkoutWithoutLfs(context, request.destination, revision)))
          throw new CloneError('git', `The repository has no commit ${revision}.`, checkout.output);
        interrupted = checkout.output;
      }
    }
    const pointers = await findPointerFiles(settings.home, request.destination, env);
    return {
      path: request.destination,
      url,
      transport: request.transport,
      pointers,
      ...(interrupted !== undefined && pointers.length > 0 ? { lfsInterrupted: interrupted } : {}),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

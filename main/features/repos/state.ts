import type { ChangedFileView, RepoState } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import { lfsFiltered } from '../../git/check-attr';
import { sharedConfig, type GitContext } from '../../git/core';
import { listRemotes, remoteView } from '../../git/remotes';
import { checkRepoPlaces, type RepoPlaces } from '../../git/repo-path';
import { readRepoConfig, type RepoConfig } from '../../git/repo-config';
import { repoStatus, type ChangedFile, type RepoStatus } from '../../git/status';
import { describeProblem, describeStagedProblem, transfersFromConfig } from '../../hub/push-rules';
import { lfsState } from './lfs';
import { findPointerFiles, lfsTrackedPaths } from './pointers';
import { prePushCheck } from './pre-push';
import { stagedProblems } from './rules/staged';
import { readConflicts, type Conflicts } from '../../git/conflicts';
import { gitContextOf } from '../../git/environment';
import type { HandlerContext } from '../../ipc/dispatch';
import type { FetchTracker } from './history/fetch-tracker';
import { fetchesOf } from './history/fetch-memory';

/** The Hub's web and SSH addresses, for reading remotes. */
export const hubAddresses = (settings: Settings) => ({
  endpoint: settings.hubEndpoint,
  sshHost: settings.sshHost,
});

/** One listed change as the screen gets it: LFS or not, and a conflict when git has it unmerged. */
function changeView(
  change: ChangedFile,
  lfs: ReadonlySet<string>,
  conflicts: ReadonlyMap<string, Conflicts['files'][number]['conflict']>,
): ChangedFileView {
  const { unmerged, ...rest } = change;
  // readConflicts read the index's stages and the file: LFS on either side, markers still there.
  const conflict = unmerged
    ? (conflicts.get(change.path) ?? { xy: unmerged, lfs: false, markers: true })
    : undefined;
  return {
    ...rest,
    ...(lfs.has(change.path) ? { lfs: true } : {}),
    ...(conflict ? { conflict } : {}),
  };
}

/** Conflicted files first (they are what the person must decide), the rest as git listed them. */
const conflictsFirst = (changes: readonly ChangedFileView[]): ChangedFileView[] => [
  ...changes.filter((change) => change.conflict),
  ...changes.filter((change) => !change.conflict),
];

/**
 * Which listed changes are LFS files. Paths in the index come from the list of LFS paths the
 * pointer scan reads anyway; only the others (new files, ticked deletions, conflicts) are asked
 * of `git check-attr`, and only when there are some.
 */
async function lfsOfChanges(
  git: GitContext,
  top: string,
  status: RepoStatus,
  tracked: readonly string[],
): Promise<ReadonlySet<string>> {
  const outside = status.changes
    .filter(
      (change) => !change.folder && (change.status === '??' || change.status[0] === 'D' || change.unmerged),
    )
    .map((change) => change.path);
  const asked = await lfsFiltered(git, top, outside);
  return new Set([...tracked, ...asked]);
}

/** Everything the screen shows, read in parallel in the folder `top`. */
async function readAt(
  settings: Settings,
  git: GitContext,
  top: string,
  fetches: FetchTracker | undefined,
  places: Promise<RepoPlaces>,
  appUploader: boolean,
): Promise<RepoState> {
  // One read of the settings for who commits and for the 5 GB rule, started by the status call.
  // The repository's config is read once: for the status' safety options and for those settings.
  const shared = sharedConfig(git, top);
  let config: Promise<RepoConfig> | undefined;
  const configOnce = () => (config ??= readRepoConfig(git, top, shared));
  const reading = repoStatus(git, top, configOnce, shared);
  // A file over 5 GB is a note where the app can set its uploader up at the push (large-files.ts).
  const transfers = configOnce().then((read) => ({
    ...transfersFromConfig(read.lfs),
    partsAbove: settings.largeFileBytes,
    ...(appUploader ? { appUploader } : {}),
  }));
  // Asked only when a rule needs it; a failed read is the status' failure, said there.
  transfers.catch(() => undefined);
  const tracked = lfsTrackedPaths(git, top);
  const [status, remotes, pointers, prePush, lfs, conflicts] = await Promise.all([
    reading,
    listRemotes(git, top, hubAddresses(settings), shared),
    tracked.then((paths) => findPointerFiles(settings.home, top, git.env, paths)),
    prePushCheck(settings.home, top, git.env, {
      transfers,
      largeFileBytes: settings.largeFileBytes,
      appUploader,
    }),
    lfsState(settings, git.env),
    // The git dir from the check of the folder; the index asked only when the status lists a conflict.
    readConflicts(git, top, {
      gitDir: places.then((known) => known.gitDir),
      unmerged: reading.then((read) => read.changes.some((change) => change.unmerged)),
    }),
  ]);
  const conflicted = new Map(conflicts.files.map((file) => [file.path, file.conflict]));
  // What only a list of changes asks for: nothing ticked, no diff of the index (the usual case).
  const [lfsPaths, staged] = await Promise.all([
    lfsOfChanges(git, top, status, await tracked),
    status.changes.some((change) => change.staged)
      ? transfers.then((known) => stagedProblems(git, top, known))
      : [],
  ]);
  return {
    path: top,
    branch: status.branch,
    upstream: status.upstream,
    ahead: status.ahead,
    behind: status.behind,
    changes: conflictsFirst(status.changes.map((change) => changeView(change, lfsPaths, conflicted))),
    identity: status.identity,
    remotes: remotes.map(remoteView),
    pointers: pointers.map((pointer) => ({ path: pointer.path, size: pointer.size })),
    prePush: {
      commits: prePush.commits,
      problems: prePush.problems.map((problem) => ({ ...problem, text: describeProblem(problem) })),
    },
    lfs,
    largeFiles: {
      lfsFiles: (await tracked).length,
      xet: (await transfers.catch(() => undefined))?.xet ? 'in_use' : lfs.xet ? 'installed' : 'missing',
    },
    staged: {
      problems: staged.map((problem) => ({ ...problem, text: describeStagedProblem(problem) })),
    },
    inProgress: conflicts.inProgress,
    fetch: fetches?.last(top) ?? null,
    moreChanges: status.moreChanges,
  };
}

/**
 * Everything the repository screen shows: changes, remotes, pointers, the Hub's rules, LFS. The
 * screen names the top of the repository it opened, so the reads start there at once, beside
 * the check of the folder; if the folder is not a repository, or not its top, that check's answer
 * wins and the reads run again at the real top.
 */
export async function readRepoState(
  settings: Settings,
  git: GitContext,
  path: string,
  fetches?: FetchTracker,
  /** The app can set its multipart uploader up when it pushes (session.largeFileAgent). */
  appUploader = false,
): Promise<RepoState> {
  // The reads first: starting a process holds up the next, and the status is the longest.
  const checking = checkRepoPlaces(git, path);
  const [guess, places] = await Promise.allSettled([
    readAt(settings, git, path, fetches, checking, appUploader),
    checking,
  ]);
  if (places.status === 'rejected') throw places.reason;
  if (places.value.top === path && guess.status === 'fulfilled') return guess.value;
  // The same repository at its real top: the same git dir.
  return readAt(settings, git, places.value.top, fetches, Promise.resolve(places.value), appUploader);
}

/** The repository state as a handler answers it, with the app instance's last fetch. */
export const repoStateOf = (context: HandlerContext, path: string): Promise<RepoState> =>
  readRepoState(
    context.settings,
    gitContextOf(context),
    path,
    fetchesOf(context.session),
    context.session.largeFileAgent !== undefined,
  );

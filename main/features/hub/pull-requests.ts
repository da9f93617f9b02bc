import type { Outcome, PullRequestView } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import type { HandlerContext } from '../../ipc/dispatch';
import type { GitContext } from '../../git/core';
import { explainFailure } from '../../git/failures';
import type { ProgressEvent } from '../../git/progress';
import { listRemotes, type RemoteEntry } from '../../git/remotes';
import { remoteRun, type RemoteRun } from '../../git/remote-run';
import { checkRepoPath } from '../../git/repo-path';
import { headCommit } from '../../git/resolve-commit';
import type { PullRequest } from '../../hub/hub-api';
import type { RepoKind } from '../../hub/repo-ref';
import { failureContext } from '../https';
import { refuseWhileInProgress, SafetyError } from '../repos';

// Pull requests on the Hub from a repository on this computer: which Hub repository its remote
// names, and the push of the current commit to the pull request's ref. hub-docs
// repositories-pull-requests-discussions.md: no forks; a pull request's commits live on
// `refs/pr/N` of the repository itself (`git push origin pr/42:refs/pr/42`); the app pushes HEAD.

/** The repository at a path, its Hub remote, and which Hub repository that is. */
export interface HubRemoteOf {
  readonly top: string;
  readonly remote: RemoteEntry;
  readonly kind: RepoKind;
  /** NAME/REPO. */
  readonly id: string;
}

/** Why: the screen names a folder; the API needs the Hub repository its remote pushes to (origin first). */
export async function hubRemoteOf(git: GitContext, settings: Settings, path: string): Promise<HubRemoteOf> {
  const top = await checkRepoPath(git, path);
  const remotes = await listRemotes(git, top, { endpoint: settings.hubEndpoint, sshHost: settings.sshHost });
  const onHub = remotes.filter((remote) => remote.kind !== 'other' && remote.repo);
  const remote = onHub.find((candidate) => candidate.name === 'origin') ?? onHub[0];
  if (!remote?.repo)
    throw new SafetyError(
      'invalid_input',
      'This repository has no remote on the Hub, so there is nothing to open a pull request on.',
      'Clone the repository from the Hub, or add its Hub address as a remote.',
    );
  const [first, ...rest] = remote.repo.split('/');
  const kind: RepoKind = first === 'datasets' ? 'dataset' : first === 'spaces' ? 'space' : 'model';
  return { top, remote, kind, id: kind === 'model' ? remote.repo : rest.join('/') };
}

/**
 * Why: git would hand an address with a token in it to git-remote-https on its command line (the
 * token screen's push refuses it for the same reason); checked before a pull request is opened.
 */
export function refuseSecretAddress(target: HubRemoteOf): void {
  if (target.remote.hasSecret)
    throw new SafetyError(
      'not_allowed',
      `${target.remote.name}’s address has a token or password written in it, and Git would show it to every program on this computer while it pushes.`,
      'Remove the credentials from the address first (the token screen does it in one click once your token is saved for Git).',
    );
}

/**
 * Why: what a push to a pull request needs, checked before one is opened so a refusal leaves
 * nothing on the Hub: a clean address, no merge in the middle, a commit. Answers the commit.
 */
export async function readyToPush(git: GitContext, target: HubRemoteOf): Promise<string> {
  refuseSecretAddress(target);
  await refuseWhileInProgress(git, target.top, 'push');
  const commit = await headCommit(git, target.top);
  if (!commit)
    throw new SafetyError(
      'nothing_to_commit',
      'This repository has no commit yet, so there is nothing to put in a pull request.',
      'Commit your changes first.',
    );
  return commit;
}

/** A pull request as the screen shows it, with its page and ref. */
export function pullRequestView(
  endpoint: string,
  kind: RepoKind,
  id: string,
  pr: PullRequest,
): PullRequestView {
  const prefix = kind === 'dataset' ? 'datasets/' : kind === 'space' ? 'spaces/' : '';
  return {
    num: pr.num,
    title: pr.title,
    author: pr.author,
    status: pr.status,
    url: `${endpoint}/${prefix}${id}/discussions/${pr.num}`,
    ref: `refs/pr/${pr.num}`,
    createdAt: pr.createdAt,
  };
}

/** How a push to a pull request ended: the commit pushed, or the failure table's answer. */
export type PrPush =
  | { readonly ok: true; readonly commit: string }
  | { readonly ok: false; readonly outcome: Outcome; readonly run: RemoteRun | null };

/**
 * Pushes HEAD to `refs/pr/N` through the one runner of git against the Hub (remote-run.ts:
 * progress, Cancel, the stall watch). Refused, like every push, mid-merge or with unmerged files.
 */
export async function pushToPrRef(
  git: GitContext,
  settings: Settings,
  target: HubRemoteOf,
  num: number,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void },
): Promise<PrPush> {
  const commit = await readyToPush(git, target);
  const run = await remoteRun(git, ['push', '--progress', '--', target.remote.name, `HEAD:refs/pr/${num}`], {
    cwd: target.top,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (run.ok) return { ok: true, commit };
  const outcome = explainFailure(
    run.output,
    await failureContext(settings, git.env, 'push', target.remote, {
      exitCode: run.exitCode,
      cancelled: run.cancelled,
      timedOut: run.timedOut,
      stalled: run.stalled,
    }),
  );
  return { ok: false, outcome, run };
}

/** The pushes to pull requests going on, per app session, each under the screen's runId. */
const runs = new WeakMap<AppSession, Map<string, AbortController>>();
function runsOf(session: AppSession): Map<string, AbortController> {
  let map = runs.get(session);
  if (!map) {
    map = new Map();
    runs.set(session, map);
  }
  return map;
}

/**
 * Why: cancelRepoRun (the repository feature's) stops these pushes too; true when one was running.
 * The entry wires it: the push's progress comes as repoProgress with the same runId.
 */
export function cancelPullRequestRun(session: AppSession, runId: string): boolean {
  const controller = runsOf(session).get(runId);
  controller?.abort();
  return controller !== undefined;
}

/** Why: one push to a pull request's ref under the screen's runId, its progress as repoProgress events. */
export async function trackPrRun<T>(
  context: HandlerContext,
  runId: string,
  work: (signal: AbortSignal, onProgress: (event: ProgressEvent) => void) => Promise<T>,
): Promise<T> {
  const running = runsOf(context.session);
  if (running.has(runId))
    throw new SafetyError('invalid_input', 'That run is already going.', 'Wait for it.');
  const controller = new AbortController();
  running.set(runId, controller);
  try {
    return await work(controller.signal, (event) => context.emit('repoProgress', { runId, ...event }));
  } finally {
    running.delete(runId);
  }
}

import type { Outcome, RemoteRunView, Result } from '../../../preload/contract';
import type { Settings } from '../../core/settings';
import { GitError, type GitContext } from '../../git/core';
import { explainFailure, type FailureContext } from '../../git/failures';
import { adviseLock, type LockPlaces } from '../../git/locks';
import type { RemoteRun } from '../../git/remote-run';
import { listRemotes, mainRemote } from '../../git/remotes';
import { STALL_LINE } from '../../git/stall';
import type { RemoteUrlInfo } from '../../git/remote-url';
import { failureContext } from '../https';
import { inspectSshSetup } from '../ssh';
import { repoFailure } from './failure';
import { hubAddresses } from './state';

/**
 * When this app started (Node's performance.timeOrigin is the process's start): a lock file older
 * than that cannot be held by a git this app started (main/git/locks.ts).
 */
export const APP_STARTED_AT = performance.timeOrigin;

/**
 * The failure table's answer for what a run against `remote` printed. A run the app stopped
 * because the Hub sent nothing is explained without asking the Hub anything more (whoami would
 * wait on the same silent Hub, and the answer does not depend on the token).
 */
export async function outcomeOf(
  output: string,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  operation: FailureContext['operation'],
  remote: RemoteUrlInfo | undefined,
  flags: FailureContext['flags'],
): Promise<Outcome> {
  if (flags?.stalled === true || STALL_LINE.test(output))
    return explainFailure(output, { operation, endpoint: settings.hubEndpoint, ...(flags ? { flags } : {}) });
  return explainFailure(output, await failureContext(settings, env, operation, remote, flags));
}

/** The SSH refusals a key missing from the agent explains: ssh offered nothing the Hub knows. */
const UNLOCKABLE_KINDS: ReadonlySet<Outcome['kind']> = new Set([
  'ssh_no_key',
  'ssh_key_not_on_account',
  'ssh_anonymous',
]);

/**
 * After a restart the app's own agent is gone (or the system's was emptied), so ssh has no key to
 * offer although the key the app set up is still in ~/.ssh. When an SSH refusal comes with that,
 * the answer is to unlock that key in place (addKeyToAgent with its passphrase) and try again:
 * the outcome then carries the unlock_key action and names the key in `files`. The key is the
 * first IdentityFile of the Hub's Host block (the one configureSsh wrote) that is one of ~/.ssh's
 * keys; it must be protected by a passphrase (ssh reads an unprotected key itself) and not be in
 * the agent. Any other case keeps the failure table's answer.
 */
export async function adviseUnlock(outcome: Outcome, settings: Settings, git: GitContext): Promise<Outcome> {
  if (!UNLOCKABLE_KINDS.has(outcome.kind)) return outcome;
  try {
    const setup = await inspectSshSetup(
      settings,
      { sshAuthSock: git.sshAuthSock, ownAgent: undefined, cleanups: [] },
      git.env,
      git.platform ?? process.platform,
    );
    if (setup.agent.state === 'ssh_add_missing') return outcome;
    const chosen = setup.config.identities.find((identity) => identity.exists && identity.key !== null);
    const key = setup.keys.list.find((candidate) => candidate.name === chosen?.key);
    if (!key || !key.usable || key.passphraseProtected === false || key.inAgent === true) return outcome;
    // The keys page the SSH rule linked is not the way forward here: the passphrase field is.
    return {
      kind: outcome.kind,
      ...(outcome.user === undefined ? {} : { user: outcome.user }),
      message: `Your SSH key ${key.name} is on this computer, but it is locked: it is not in the SSH agent (after a restart it has to be unlocked again).`,
      fix: `Type the passphrase of ${key.name} to unlock it, and the app tries again.`,
      action: 'unlock_key',
      files: [key.name],
    };
  } catch {
    return outcome;
  }
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
  startedAt: number = APP_STARTED_AT,
): Promise<RemoteRunView> {
  const origin = mainRemote(await listRemotes(git, path, hubAddresses(settings)).catch(() => []));
  const told = await outcomeOf(result.output, settings, git.env, operation, origin, {
    exitCode: result.exitCode,
    cancelled: result.cancelled,
    timedOut: result.timedOut,
    stalled: result.stalled,
  });
  const locked = await adviseLock(git, told, { home: settings.home, repo: path }, startedAt);
  const outcome = result.ok ? locked : await adviseUnlock(locked, settings, git);
  return {
    ok: result.ok,
    cancelled: result.cancelled,
    behind: outcome.kind === 'non_fast_forward' || outcome.kind === 'concurrent_push',
    output: result.output,
    message: result.ok ? DONE[operation] : outcome.message,
    fix: result.ok ? '' : outcome.fix,
    outcome,
  };
}

/**
 * A failed local git command (staging, a commit, git's settings, LFS set-up) as the screen shows
 * it: through the failure table when it names the cause (a full disk, a lock file, a folder Git
 * may not write), with a stale lock's one-click removal where it is safe; otherwise as before.
 */
export async function localFailure<T>(
  error: unknown,
  settings: Settings,
  git: GitContext,
  places: Omit<LockPlaces, 'home'>,
  startedAt: number = APP_STARTED_AT,
): Promise<Result<T>> {
  if (!(error instanceof GitError) || error.result.notFound) return repoFailure(error);
  const told = explainFailure(error.result.output, {
    operation: 'local',
    endpoint: settings.hubEndpoint,
    flags: {
      exitCode: error.result.exitCode,
      cancelled: error.result.cancelled,
      timedOut: error.result.timedOut,
    },
  });
  if (told.kind === 'unknown' || told.kind === 'ok') return repoFailure(error);
  const outcome = await adviseLock(git, told, { home: settings.home, ...places }, startedAt);
  return {
    ok: false,
    error: {
      code: 'git_failed',
      message: outcome.message,
      hint: outcome.fix,
      details: error.result.output || error.message,
      outcome,
    },
  };
}

import type { CreatedRepoView, Result } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { git, GitError } from '../../git/core';
import { gitContext, type Transport } from '../../git/environment';
import type { ProgressEvent } from '../../git/progress';
import { remoteRun } from '../../git/remote-run';
import { createHubRepository, HubApiError } from '../../hub/hub-api';
import { cloneUrl, type RepoRef } from '../../hub/repo-ref';
import type { HandlerContext } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { cloneRepo } from './clone';

// Seed 004's fork, step by step: clone the fork without LFS content, add the upstream, fetch it
// and all its LFS objects, point the branch at upstream's, then push the commits and every LFS
// object to the fork: the default branch and each other branch the person picked.

export interface ForkResult {
  readonly path: string;
  readonly branch: string;
  /** Every branch pushed to the fork, the default one first. */
  readonly branches: readonly string[];
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
    /** The upstream's branches to carry; absent or null: its default branch only. */
    readonly branches?: readonly string[] | null;
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
  const others = [...new Set(request.branches ?? [])].filter((name) => name !== branch);
  for (const name of others) {
    const known = await local(
      ['rev-parse', '--verify', '--quiet', `refs/remotes/upstream/${name}^{commit}`],
      [0, 1, 128],
    );
    if (known.exitCode !== 0)
      throw new ForkError(
        `The original has no branch ${name}.`,
        'Pick branches from the list of the original’s branches.',
        known.output,
      );
  }
  // A fork is a copy: a repository the Hub has just created holds one commit of its own (the
  // Hub's .gitattributes, a Space's README), which must not block the upstream's history, so the
  // default branch is forced onto upstream's, with a lease: only over what the clone saw there,
  // never over a commit someone pushed to the fork in between. A copy with work of its own (a
  // repository of the person's that existed) is never forced: a push that is not a fast-forward
  // is refused, and the failure table says why.
  const forced = await onlyHubFirstCommit(local, `refs/remotes/origin/${branch}`);
  const pushed = await remote(
    [
      'push',
      '--progress',
      ...(forced ? ['--force-with-lease'] : []),
      '--set-upstream',
      '--',
      'origin',
      branch,
      ...others.map((name) => `refs/remotes/upstream/${name}:refs/heads/${name}`),
    ],
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
  return {
    path,
    branch,
    branches: [branch, ...others],
    output: `${pushed.output}\n${checkout.stdout}`.trim(),
  };
}

/** The Hub's own first commit and nothing else on the fork's branch (or no branch at all). */
async function onlyHubFirstCommit(
  local: (
    args: readonly string[],
    okExitCodes?: readonly number[],
  ) => Promise<{ stdout: string; exitCode: number | null }>,
  ref: string,
): Promise<boolean> {
  const count = await local(['rev-list', '--count', ref, '--'], [0, 128]);
  if (count.exitCode !== 0) return true;
  if (count.stdout.trim() !== '1') return false;
  const names = (await local(['ls-tree', '--name-only', ref])).stdout
    .split('\n')
    .filter((name) => name !== '');
  return names.every((name) => name === '.gitattributes' || name === 'README.md');
}

/**
 * Creates the fork under the account the API token belongs to, with the upstream's name
 * (huggingface.js createRepo); one that exists and is the person's is used as it is. The hub
 * feature imports this one (its pull requests use the merge gate), so its token is reached when a
 * fork is made (a dynamic import), not when the module loads, which would be an import cycle.
 */
export async function createFork(
  context: HandlerContext,
  upstream: RepoRef,
): Promise<Result<CreatedRepoView>> {
  const { apiAuth } = await import('../hub');
  const auth = await apiAuth(context).catch(() => undefined);
  if (!auth?.user)
    return fail(
      'api_token_needed',
      'Creating your copy on the Hub needs an access token (SSH keys cannot call the Hub’s API).',
      'Give a token with write access once, or type the name of a copy you created yourself.',
    );
  try {
    const made = await createHubRepository(auth, {
      kind: upstream.kind,
      namespace: auth.user,
      name: upstream.name,
      private: false,
      // A Space needs an SDK at creation; the upstream's README, pushed over the Hub's first
      // commit, then says which one the copy runs (hub-docs spaces-config-reference.md).
      sdk: upstream.kind === 'space' ? 'static' : null,
    });
    return ok({ id: made.id, kind: made.kind, url: made.url, created: made.created, private: made.private });
  } catch (error) {
    if (error instanceof HubApiError) return fail(error.code, error.message, error.hint);
    throw error;
  }
}

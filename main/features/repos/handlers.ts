import type { CreatedRepoView, RemoteRunView, Result } from '../../../preload/contract';
import { z } from 'zod';
import { redactSecrets } from '../../core/redact';
import type { HandlerContext, HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { ONE_LINE, PATH, RUN_ID } from '../../ipc/schemas';
import { commit } from '../../git/commit';
import { setIdentity } from '../../git/config';
import { gitContextOf } from '../../git/environment';
import type { ProgressEvent } from '../../git/progress';
import { readConflicts } from '../../git/conflicts';
import { push } from '../../git/push';
import { listRemotes } from '../../git/remotes';
import { checkRepoPath } from '../../git/repo-path';
import { stage } from '../../git/stage';
import { repoStatus } from '../../git/status';
import { repoPageUrl } from '../../hub/hub-api';
import { cloneUrl, parseRepoInput, revisionRefusal, type RepoKind, type RepoRef } from '../../hub/repo-ref';
import { remoteBranches } from '../../git/remote-branches';
import { readStoredToken } from '../https';
import { checkHostKeys, listKeys } from '../ssh';
import { CloneError, cloneRepo } from './clone';
import { repoFailure } from './failure';
import { createFork, ForkError, forkWithLfs } from './fork';
import { largeFilesBeforePush, setUpLargeFiles } from './large-files';
import { largeFilesSentence } from '../../git/lfs-multipart-config';
import { installLfs, lfsPull, lfsState, migrateToLfs, trackWithLfs } from './lfs';
import { removeStaleLock } from '../../git/locks';
import { APP_STARTED_AT, explainRun, localFailure, outcomeOf } from './outcome';
import { readRecent, rememberAction, type RecentRepo } from './recent';
import { RunRegistry } from './runs';
import { commitGate } from './safety/commit-gate';
import { SafetyError } from './safety/errors';
import { safetyFailure } from './safety/handlers';
import { finishOperation } from './safety/operation';
import { refuseWhileInProgress, safePull } from './safety/pull';
import { fetchesOf } from './history/fetch-memory';
import { hubAddresses, repoStateOf } from './state';

// The repository screen's operations: schema, call, map. Paths and addresses from the renderer
// are checked in the services (a folder that is a git work tree; an address parseRepoInput
// accepts); long runs stream repoProgress events and stop on cancelRepoRun.

const KIND = z.enum(['model', 'dataset', 'space']).nullable();
const TRANSPORT = z.enum(['https', 'ssh']);
/** The remote a clone or fork talks to, as the failure table reads it (before any remote exists). */
const hubRemote = (transport: 'https' | 'ssh', repo: string) =>
  ({ kind: transport === 'ssh' ? 'hub-ssh' : 'hub-https', repo, hasSecret: false }) as const;
/**
 * An empty destination said in words, not as the schema's "destination: must not be empty"
 * (issue 14, item 8); what the folder itself holds is checkDestination's to say.
 */
function destinationRefusal(destination: string, what: 'clone' | 'fork'): Result<never> | undefined {
  if (destination.trim() === '')
    return fail(
      'destination_unusable',
      `Choose a folder to ${what} into.`,
      'Choose a folder, or type its full path, for example ~/HuggingFace/my-model; a new or empty folder is best.',
    );
  if (destination.includes('\u0000'))
    return fail(
      'destination_unusable',
      'That folder name holds a character no folder can have.',
      'Choose the folder again.',
    );
  return undefined;
}

/** How the Hub spells a kind in a repository's path (HUB-FACTS, "URLs"). */
const FORK_PREFIX = { model: '', dataset: 'datasets/', space: 'spaces/' } as const;
const PATTERN = ONE_LINE(256).refine((value) => !value.startsWith('-'), 'must not start with "-"');

/**
 * What an identity field must not hold: a web address or an access token. Git writes user.name
 * and user.email into every commit, and the Hub shows them to everyone, so a pasted
 * `https://user:hf_…@huggingface.co` would publish the token (issue 16, item 12). Tokens as
 * redactSecrets knows them, plus shorter `hf_` / `api_org_` words that are not plain names.
 */
const URL_OR_TOKEN = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b(?:hf|api_org)_[A-Za-z0-9]{8,}/i;
const noSecret = (value: string) => !URL_OR_TOKEN.test(value) && redactSecrets(value) === value;
const IDENTITY_NAME = ONE_LINE(200).refine(noSecret, 'must be your name, not a web address or a token');
const IDENTITY_EMAIL = ONE_LINE(254)
  .refine((value) => /^[^\s@/:]+@[^\s@/:]+$/.test(value), 'must be an email address')
  .refine(noSecret, 'must be an email address, not a web address or a token');

/**
 * The repository handlers; one map of running clones and pushes per app instance. `startedAt` is
 * when the app started (tests set it): a git lock file older than that may be offered for removal.
 */
export function repoHandlers(
  options: { readonly startedAt?: number } = {},
): HandlerTable<
  | 'repoAccess'
  | 'parseRepo'
  | 'cloneRepo'
  | 'cancelRepoRun'
  | 'repoState'
  | 'stageFiles'
  | 'commitChanges'
  | 'setIdentity'
  | 'pushRepo'
  | 'pullRepo'
  | 'lfsPull'
  | 'installLfs'
  | 'trackLfs'
  | 'migrateLfs'
  | 'forkRepo'
  | 'recentRepos'
  | 'pickFolder'
  | 'removeStaleLock'
  | 'enableLargeFiles'
> {
  const runs = new RunRegistry();
  const startedAt = options.startedAt ?? APP_STARTED_AT;
  /** A local git command's failure, explained (a lock, a full disk, a folder Git may not write). */
  const local = <T>(error: unknown, context: HandlerContext, repo?: string) =>
    localFailure<T>(
      error,
      context.settings,
      gitContextOf(context),
      repo === undefined ? {} : { repo },
      startedAt,
    );

  const remember = (
    context: HandlerContext,
    path: string,
    lastAction: RecentRepo['lastAction'],
    known?: readonly { readonly name: string; readonly shown: string }[],
  ): Promise<void> =>
    rememberAction(
      context.settings.dataDir,
      path,
      lastAction,
      async () => known ?? listRemotes(gitContextOf(context), path, hubAddresses(context.settings)),
    );

  const state = (path: string, context: HandlerContext) => repoStateOf(context, path);

  /** Runs a long git operation under a runId, streaming progress and honouring cancel. */
  const tracked = <T>(
    runId: string,
    context: HandlerContext,
    work: (signal: AbortSignal, onProgress: (event: ProgressEvent) => void) => Promise<T>,
  ): Promise<T> => runs.track(runId, (event) => context.emit('repoProgress', { runId, ...event }), work);

  const top = (path: string, context: HandlerContext) => checkRepoPath(gitContextOf(context), path);

  /** Push and pull: one run under a runId, remembered when it worked, explained by the failure table. */
  const syncRun = async (
    operation: 'push' | 'pull',
    { runId, path }: { readonly runId: string; readonly path: string },
    context: HandlerContext,
  ): Promise<Result<RemoteRunView>> => {
    try {
      const repo = await top(path, context);
      const git = gitContextOf(context);
      // Nothing is pushed while a merge or rebase is in the middle or a file is unmerged: that is
      // how conflict markers would reach the Hub.
      if (operation === 'push') await refuseWhileInProgress(git, repo, 'push');
      // A background fetch of the same remote would race this run for its refs' locks.
      await fetchesOf(context.session).idle(repo);
      // A file over 5 GB needs the Hub's multipart transfer: set up here, said in the notes.
      const before =
        operation === 'push' ? await largeFilesBeforePush(context.settings, context.session, git, repo) : [];
      const { run: result, notes: after } = await tracked(runId, context, (signal, onProgress) =>
        operation === 'push'
          ? push(git, repo, { signal, onProgress }).then((run) => ({ run, notes: [] as readonly string[] }))
          : safePull(git, repo, { signal, onProgress }),
      );
      const notes = [...before, ...after];
      if (result.ok) await remember(context, repo, operation === 'push' ? 'pushed' : 'pulled');
      const view = await explainRun(result, repo, context.settings, git, operation, startedAt);
      return ok(notes.length > 0 ? { ...view, notes } : view);
    } catch (error) {
      return safetyFailure(error);
    }
  };

  const parse = (input: string, kind: RepoKind | null, context: HandlerContext) =>
    parseRepoInput(input, hubAddresses(context.settings), kind ?? undefined);

  return {
    repoAccess: {
      schema: z.null(),
      handle: async (_request, { settings, env }) => {
        const [stored, keys, hostKeys, lfs] = await Promise.all([
          readStoredToken(settings.home, settings.hubEndpoint, env),
          listKeys(settings.home).catch(() => undefined),
          checkHostKeys(settings).catch(() => undefined),
          lfsState(settings, env),
        ]);
        const ssh =
          (keys?.keys.some((key) => key.problems.every((problem) => problem.code === 'missing_public')) ??
            false) &&
          (hostKeys?.pinned.some((key) => key.present) ?? false) &&
          (hostKeys?.mismatches.length ?? 0) === 0;
        const httpsUser = stored?.username ?? null;
        return ok({ httpsUser, ssh, preferred: ssh ? 'ssh' : httpsUser ? 'https' : null, lfs });
      },
    },

    parseRepo: {
      schema: z.object({ input: z.string().max(4096), kind: KIND }),
      handle: async ({ input, kind }, context) => {
        const parsed = parse(input, kind, context);
        return parsed.ok
          ? ok(parsed.ref)
          : fail(
              'bad_repo_address',
              parsed.reason,
              'Copy the address from the repository’s page on the Hub, or type NAME/REPO.',
            );
      },
    },

    cloneRepo: {
      schema: z.object({
        runId: RUN_ID,
        input: z.string().max(4096),
        kind: KIND,
        destination: z.string().max(4096),
        revision: z.string().max(255).nullable(),
        transport: TRANSPORT,
      }),
      handle: async (request, context) => {
        const destinationProblem = destinationRefusal(request.destination, 'clone');
        if (destinationProblem) return destinationProblem;
        const parsed = parse(request.input, request.kind, context);
        if (!parsed.ok)
          return fail(
            'bad_repo_address',
            parsed.reason,
            'Copy the address from the repository’s page on the Hub, or type NAME/REPO.',
          );
        try {
          const result = await tracked(request.runId, context, (signal, onProgress) =>
            cloneRepo(
              context.settings,
              context.session,
              context.env,
              {
                ref: parsed.ref,
                transport: request.transport,
                destination: request.destination,
                ...(request.revision ? { revision: request.revision } : {}),
              },
              { signal, onProgress },
            ),
          );
          await remember(context, result.path, 'cloned');
          const interrupted =
            result.lfsInterrupted === undefined
              ? undefined
              : await outcomeOf(
                  result.lfsInterrupted,
                  context.settings,
                  context.env,
                  'clone',
                  hubRemote(request.transport, parsed.ref.path),
                  { exitCode: 1 },
                );
          return ok({
            path: result.path,
            url: result.url,
            pointers: result.pointers.length,
            ...(interrupted ? { interrupted } : {}),
          });
        } catch (error) {
          return repoFailure(
            error,
            error instanceof CloneError && error.kind === 'git'
              ? await outcomeOf(
                  error.details,
                  context.settings,
                  context.env,
                  'clone',
                  hubRemote(request.transport, parsed.ref.path),
                  { exitCode: 128 },
                )
              : undefined,
          );
        }
      },
    },

    cancelRepoRun: {
      schema: z.object({ runId: RUN_ID }),
      handle: async ({ runId }) => {
        runs.cancel(runId);
        return ok(null);
      },
    },

    repoState: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        try {
          const result = await state(path, context);
          await remember(context, result.path, 'opened', result.remotes);
          return ok(result);
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    stageFiles: {
      schema: z.object({ path: PATH, files: z.array(ONE_LINE(4096)).max(10_000).nullable() }),
      handle: async ({ path, files }, context) => {
        try {
          const repo = await top(path, context);
          await stage(gitContextOf(context), repo, files ?? 'all');
          return ok(await state(repo, context));
        } catch (error) {
          return local(error, context, path);
        }
      },
    },

    commitChanges: {
      schema: z.object({
        path: PATH,
        message: z
          .string()
          .max(10_000)
          .refine((value) => value.trim() !== '', 'must not be empty')
          .refine((value) => !value.includes('\u0000'), 'must not contain NUL'),
      }),
      handle: async ({ path, message }, context) => {
        try {
          const repo = await top(path, context);
          const before = await repoStatus(gitContextOf(context), repo);
          if (!before.identity)
            return fail(
              'identity_needed',
              'Git needs a name and an email to put on your commits.',
              'Fill them in above; they are saved in your Git settings.',
            );
          const git = gitContextOf(context);
          const gate = await commitGate(git, repo);
          if (gate) return gate;
          // A merge with every conflict settled is committed even when its result is HEAD's tree.
          const merging = (await readConflicts(git, repo)).inProgress?.kind === 'merge';
          if (!merging && !before.changes.some((change) => change.staged))
            return fail(
              'nothing_to_commit',
              'No changes are selected for this commit.',
              'Tick the files to include, or choose Select all.',
            );
          await commit(git, repo, message);
          await remember(context, repo, 'committed');
          // Finishing a pull's merge puts back the changes set aside before it.
          await finishOperation(git, repo);
          return ok(await state(repo, context));
        } catch (error) {
          return local(error, context, path);
        }
      },
    },

    setIdentity: {
      schema: z.object({ name: IDENTITY_NAME, email: IDENTITY_EMAIL }),
      handle: async ({ name, email }, context) => {
        try {
          await setIdentity(gitContextOf(context), name, email);
          return ok(null);
        } catch (error) {
          return local(error, context);
        }
      },
    },

    pushRepo: {
      schema: z.object({ runId: RUN_ID, path: PATH }),
      handle: (request, context) => syncRun('push', request, context),
    },

    pullRepo: {
      schema: z.object({ runId: RUN_ID, path: PATH }),
      handle: (request, context) => syncRun('pull', request, context),
    },

    lfsPull: {
      schema: z.object({ runId: RUN_ID, path: PATH }),
      handle: async ({ runId, path }, context) => {
        try {
          const repo = await top(path, context);
          const lfs = await lfsState(context.settings, context.env);
          if (!lfs.installed)
            return fail(
              'lfs_missing',
              'Git LFS is not installed, so the large files cannot be downloaded.',
              lfs.howToInstall,
            );
          const result = await tracked(runId, context, (signal, onProgress) =>
            lfsPull(context.settings, context.session, context.env, repo, { signal, onProgress }),
          );
          return ok(
            await explainRun(result, repo, context.settings, gitContextOf(context), 'lfs_pull', startedAt),
          );
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    installLfs: {
      schema: z.null(),
      handle: async (_request, context) => {
        const { settings, env } = context;
        const before = await lfsState(settings, env);
        if (!before.installed)
          return fail('lfs_missing', 'Git LFS is not installed on this computer.', before.howToInstall);
        try {
          await installLfs(settings, env);
          return ok(await lfsState(settings, env));
        } catch (error) {
          return local(error, context);
        }
      },
    },

    trackLfs: {
      schema: z.object({ path: PATH, pattern: PATTERN }),
      handle: async ({ path, pattern }, context) => {
        try {
          const repo = await top(path, context);
          await trackWithLfs(context.settings, repo, pattern, context.env);
          return ok(await state(repo, context));
        } catch (error) {
          return local(error, context, path);
        }
      },
    },

    migrateLfs: {
      schema: z.object({ path: PATH, pattern: PATTERN, consent: z.boolean() }),
      handle: async ({ path, pattern, consent }, context) => {
        if (!consent)
          return fail(
            'consent_needed',
            'Moving files into LFS rewrites the commits you have not pushed yet.',
            'Tick that you agree; the app keeps the old commits on a backup branch.',
          );
        try {
          const repo = await top(path, context);
          await refuseWhileInProgress(gitContextOf(context), repo, 'move the files into LFS');
          const { backupBranch, notes } = await migrateToLfs(
            context.settings,
            repo,
            pattern,
            true,
            context.env,
          );
          return ok({ backupBranch, state: await state(repo, context), notes });
        } catch (error) {
          if (error instanceof SafetyError) return safetyFailure(error);
          return local(error, context, path);
        }
      },
    },

    forkRepo: {
      schema: z.object({
        runId: RUN_ID,
        upstream: z.string().max(4096),
        fork: z.string().max(4096).nullable(),
        destination: z.string().max(4096),
        transport: TRANSPORT,
        branches: z.array(z.string().max(255)).max(200).nullable(),
      }),
      handle: async (request, context) => {
        const destinationProblem = destinationRefusal(request.destination, 'fork');
        if (destinationProblem) return destinationProblem;
        const upstream = parse(request.upstream, null, context);
        if (!upstream.ok)
          return fail(
            'bad_repo_address',
            `The original: ${upstream.reason}`,
            'Copy the address of the repository to fork.',
          );
        const badBranch = (request.branches ?? []).find((name) => revisionRefusal(name) !== undefined);
        if (badBranch !== undefined)
          return fail(
            'invalid_input',
            `“${badBranch}” is not a branch name.`,
            'Pick branches from the list of the original’s branches.',
          );
        // The branches asked for, checked against the upstream before anything is created or cloned.
        if ((request.branches ?? []).length > 0) {
          const listed = await remoteBranches(
            gitContextOf(context),
            cloneUrl(upstream.ref, request.transport, {
              endpoint: context.settings.hubEndpoint,
              sshHost: context.settings.sshHost,
              sshPort: context.settings.sshPort,
            }),
            { timeoutMs: 30_000 },
          );
          const missing = listed.ok
            ? (request.branches ?? []).filter((name) => !listed.value.branches.includes(name))
            : [];
          if (missing.length > 0)
            return fail(
              'not_found',
              `The original has no branch ${missing.join(', ')}.`,
              'Pick branches from the list of the original’s branches.',
            );
        }
        // No fork named: the app creates it under the account, with the upstream's name.
        let created: CreatedRepoView | undefined;
        let forkRef: RepoRef;
        if (request.fork === null || request.fork.trim() === '') {
          const made = await createFork(context, upstream.ref);
          if (!made.ok) return made;
          created = made.value;
          const [namespace = '', name = ''] = created.id.split('/');
          forkRef = {
            kind: upstream.ref.kind,
            namespace,
            name,
            path: `${FORK_PREFIX[upstream.ref.kind]}${created.id}`,
          };
        } else {
          const fork = parse(request.fork, upstream.ref.kind, context);
          if (!fork.ok)
            return fail(
              'bad_repo_address',
              `Your copy: ${fork.reason}`,
              'Type NAME/REPO of your copy, or leave it empty and the app creates it under your account.',
            );
          forkRef = fork.ref;
        }
        try {
          const result = await tracked(request.runId, context, (signal, onProgress) =>
            forkWithLfs(
              context.settings,
              context.session,
              context.env,
              {
                upstream: upstream.ref,
                fork: forkRef,
                transport: request.transport,
                destination: request.destination,
                branches: request.branches,
              },
              { signal, onProgress },
            ),
          );
          await remember(context, result.path, 'forked');
          const id = `${forkRef.namespace}/${forkRef.name}`;
          return ok({
            path: result.path,
            branch: result.branch,
            fork: created ?? {
              id,
              kind: forkRef.kind,
              url: repoPageUrl(context.settings.hubEndpoint, forkRef.kind, id),
              created: false,
              private: false,
            },
            branches: result.branches,
          });
        } catch (error) {
          return repoFailure(
            error,
            error instanceof ForkError
              ? await outcomeOf(
                  error.details,
                  context.settings,
                  context.env,
                  'fork',
                  hubRemote(request.transport, forkRef.path),
                  { exitCode: 1 },
                )
              : undefined,
          );
        }
      },
    },

    pickFolder: {
      schema: z.object({ title: ONE_LINE(120) }),
      handle: async ({ title }, context) =>
        context.pickFolder
          ? ok(await context.pickFolder(title))
          : fail(
              'not_allowed',
              'The folder picker is part of the desktop app.',
              'Type the folder’s full path instead.',
            ),
    },

    removeStaleLock: {
      schema: z.object({ path: PATH, repo: PATH.nullable() }),
      handle: async ({ path, repo }, context) => {
        try {
          const git = gitContextOf(context);
          const place = repo === null ? undefined : await checkRepoPath(git, repo);
          const removed = await removeStaleLock(
            git,
            path,
            { home: context.settings.home, ...(place === undefined ? {} : { repo: place }) },
            startedAt,
          );
          return removed.ok
            ? ok({ removed: removed.path })
            : fail('not_allowed', removed.reason, removed.hint);
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    enableLargeFiles: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        try {
          const git = gitContextOf(context);
          const change = await setUpLargeFiles(context.session, git, await top(path, context));
          if (change === undefined)
            return fail(
              'not_allowed',
              'This form of the app has no large-file uploader to set up.',
              'Run `hf lfs-enable-largefiles .` in the repository (huggingface_hub), then push again.',
            );
          return ok({ sentence: largeFilesSentence(change) ?? null });
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    recentRepos: {
      schema: z.null(),
      handle: async (_request, { settings }) => ok(await readRecent(settings.dataDir)),
    },
  };
}

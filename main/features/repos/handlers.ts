import { z } from 'zod';
import type { RemoteRunView, RepoState, Result } from '../../../preload/contract';
import { readStoredToken } from '../https/credentials';
import { diagnose } from '../https/diagnose';
import type { HandlerContext, HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { checkRepoPath, listRemotes, remoteView, RepoPathError } from '../../git/remotes';
import { checkHostKeys } from '../ssh/known-hosts';
import { listKeys } from '../ssh/list-keys';
import { cloneRepo, CloneError } from './clone';
import { forkWithLfs, ForkError } from './fork';
import { installLfs, lfsPull, lfsState, migrateToLfs, trackWithLfs } from './lfs';
import { findPointerFiles } from './pointers';
import { describeProblem, prePushCheck } from '../../hub/push-rules';
import type { ProgressEvent } from '../../git/progress';
import { readRecent, rememberRepo, type RecentRepo } from './recent';
import { parseRepoInput, type RepoKind } from '../../hub/repo-ref';
import {
  commit,
  pullArgs,
  pushArgs,
  remoteRun,
  repoStatus,
  setIdentity,
  stage,
  type RemoteRun,
} from '../../git/workflow';

// The repository screen's operations. Paths and addresses from the renderer are checked here
// (a folder that is a git work tree; an address parseRepoInput accepts); long runs stream
// repoProgress events and stop on cancelRepoRun.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const RUN_ID = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'must be 1 to 64 letters, digits or dashes');
const PATH = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL');
const KIND = z.enum(['model', 'dataset', 'space']).nullable();
const TRANSPORT = z.enum(['https', 'ssh']);
const ONE_LINE = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max)
    .refine((value) => !CONTROL.test(value), 'must be one line without control characters');
const PATTERN = ONE_LINE(256).refine((value) => !value.startsWith('-'), 'must not start with "-"');

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function repoFailure<T>(error: unknown): Result<T> {
  if (error instanceof RepoPathError)
    return fail('repo_unusable', error.message, 'Pick the folder of a repository you cloned from the Hub.');
  if (error instanceof CloneError) {
    if (error.kind === 'destination')
      return fail('destination_unusable', error.message, 'Choose an empty or new folder.');
    if (error.kind === 'cancelled')
      return fail('cancelled', error.message, 'Start it again when you are ready.');
    return fail(
      'git_failed',
      error.message,
      'Open Details for Git’s own words; check your access in the setup.',
      error.details,
    );
  }
  if (error instanceof ForkError) return fail('git_failed', error.message, error.fix, error.details);
  return fail('git_failed', 'Git stopped with an error.', 'Open Details for Git’s own words.', text(error));
}

/** The repository handlers; one map of running clones and pushes per app instance. */
export function repoHandlers(): HandlerTable<
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
> {
  const running = new Map<string, AbortController>();

  const hubAddresses = (context: HandlerContext) => ({
    endpoint: context.settings.hubEndpoint,
    sshHost: context.settings.sshHost,
  });

  const remember = async (
    context: HandlerContext,
    path: string,
    lastAction: RecentRepo['lastAction'],
    known?: readonly { readonly name: string; readonly shown: string }[],
  ): Promise<void> => {
    const remotes =
      known ??
      (await listRemotes(context.settings.home, path, hubAddresses(context), process.env).catch(() => []));
    const origin = remotes.find((remote) => remote.name === 'origin') ?? remotes[0];
    await rememberRepo(context.settings.dataDir, {
      path,
      remote: origin?.shown ?? '',
      lastAction,
      at: new Date().toISOString(),
    }).catch(() => undefined);
  };

  const state = async (path: string, context: HandlerContext): Promise<RepoState> => {
    const { settings } = context;
    const top = await checkRepoPath(settings.home, path, process.env);
    const [status, remotes, pointers, prePush, lfs] = await Promise.all([
      repoStatus(settings, top, process.env),
      listRemotes(settings.home, top, hubAddresses(context), process.env),
      findPointerFiles(settings.home, top, process.env),
      prePushCheck(settings.home, top, process.env),
      lfsState(settings, process.env),
    ]);
    return {
      path: top,
      ...status,
      remotes: remotes.map(remoteView),
      pointers: pointers.map((pointer) => ({ path: pointer.path, size: pointer.size })),
      prePush: {
        commits: prePush.commits,
        problems: prePush.problems.map((problem) => ({ ...problem, text: describeProblem(problem) })),
      },
      lfs,
    };
  };

  /** Runs a long git operation under a runId, streaming progress and honouring cancel. */
  const tracked = async <T>(
    runId: string,
    context: HandlerContext,
    work: (signal: AbortSignal, onProgress: (event: ProgressEvent) => void) => Promise<T>,
  ): Promise<T> => {
    if (running.has(runId)) throw new Error('That run is already going.');
    const controller = new AbortController();
    running.set(runId, controller);
    try {
      return await work(controller.signal, (event) => context.emit('repoProgress', { runId, ...event }));
    } finally {
      running.delete(runId);
    }
  };

  const explain = async (
    result: RemoteRun,
    path: string,
    context: HandlerContext,
    verb: string,
  ): Promise<RemoteRunView> => {
    if (result.ok) return { ...result, message: `${verb} done.`, fix: '' };
    if (result.cancelled)
      return {
        ...result,
        message: `${verb} cancelled. Nothing on the Hub changed that was not complete.`,
        fix: 'Start it again when you are ready.',
      };
    if (result.behind)
      return {
        ...result,
        message: 'The Hub has commits this copy does not have yet.',
        fix: 'Pull first (the app merges them in), then push again.',
      };
    const remotes = await listRemotes(context.settings.home, path, hubAddresses(context), process.env).catch(
      () => [],
    );
    const origin = remotes.find((remote) => remote.name === 'origin') ?? remotes[0];
    if (/pre-receive hook declined|Offending files/.test(result.output))
      return {
        ...result,
        message: 'The Hub refused files in this push (its rules for large and binary files).',
        fix: 'See the check below: track those files with Git LFS, then push again.',
      };
    if (
      origin?.kind === 'hub-ssh' &&
      /Permission denied \(publickey\)|Host key verification failed/.test(result.output)
    )
      return {
        ...result,
        message: 'The Hub did not accept the SSH key, or its host key is not pinned.',
        fix: 'Run the SSH setup’s connection test.',
      };
    const stored = await readStoredToken(context.settings.home, context.settings.hubEndpoint, process.env);
    const diagnosis = diagnose(1, result.output, {
      repo: origin?.repo,
      endpoint: context.settings.hubEndpoint,
      urlUsername: origin?.username,
      storedUser: stored?.username,
      summary: undefined,
    });
    return { ...result, message: diagnosis.message, fix: diagnosis.fix };
  };

  const parse = (input: string, kind: RepoKind | null, context: HandlerContext) =>
    parseRepoInput(input, hubAddresses(context), kind ?? undefined);

  return {
    repoAccess: {
      schema: z.null(),
      handle: async (_request, { settings }) => {
        const [stored, keys, hostKeys, lfs] = await Promise.all([
          readStoredToken(settings.home, settings.hubEndpoint, process.env),
          listKeys(settings.home).catch(() => undefined),
          checkHostKeys(settings).catch(() => undefined),
          lfsState(settings, process.env),
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
        destination: PATH,
        revision: z.string().max(255).nullable(),
        transport: TRANSPORT,
      }),
      handle: async (request, context) => {
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
              process.env,
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
          return ok({ path: result.path, url: result.url, pointers: result.pointers.length });
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    cancelRepoRun: {
      schema: z.object({ runId: RUN_ID }),
      handle: async ({ runId }) => {
        running.get(runId)?.abort();
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
          const top = await checkRepoPath(context.settings.home, path, process.env);
          await stage(context.settings, top, files ?? 'all', process.env);
          return ok(await state(top, context));
        } catch (error) {
          return repoFailure(error);
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
          const top = await checkRepoPath(context.settings.home, path, process.env);
          const before = await repoStatus(context.settings, top, process.env);
          if (!before.identity)
            return fail(
              'identity_needed',
              'Git needs a name and an email to put on your commits.',
              'Fill them in above; they are saved in your Git settings.',
            );
          if (!before.changes.some((change) => change.staged))
            return fail(
              'nothing_to_commit',
              'No changes are selected for this commit.',
              'Tick the files to include, or choose Select all.',
            );
          await commit(context.settings, top, message, process.env);
          await remember(context, top, 'committed');
          return ok(await state(top, context));
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    setIdentity: {
      schema: z.object({
        name: ONE_LINE(200),
        email: ONE_LINE(254).refine((value) => /^[^\s@]+@[^\s@]+$/.test(value), 'must be an email address'),
      }),
      handle: async ({ name, email }, context) => {
        try {
          await setIdentity(context.settings, name, email, process.env);
          return ok(null);
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    pushRepo: {
      schema: z.object({ runId: RUN_ID, path: PATH }),
      handle: async ({ runId, path }, context) => {
        try {
          const top = await checkRepoPath(context.settings.home, path, process.env);
          const result = await tracked(runId, context, (signal, onProgress) =>
            remoteRun(context.settings, context.session, process.env, top, pushArgs(), {
              signal,
              onProgress,
            }),
          );
          if (result.ok) await remember(context, top, 'pushed');
          return ok(await explain(result, top, context, 'Push'));
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    pullRepo: {
      schema: z.object({ runId: RUN_ID, path: PATH }),
      handle: async ({ runId, path }, context) => {
        try {
          const top = await checkRepoPath(context.settings.home, path, process.env);
          const result = await tracked(runId, context, (signal, onProgress) =>
            remoteRun(context.settings, context.session, process.env, top, pullArgs(), {
              signal,
              onProgress,
            }),
          );
          if (result.ok) await remember(context, top, 'pulled');
          return ok(await explain(result, top, context, 'Pull'));
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    lfsPull: {
      schema: z.object({ runId: RUN_ID, path: PATH }),
      handle: async ({ runId, path }, context) => {
        try {
          const top = await checkRepoPath(context.settings.home, path, process.env);
          const lfs = await lfsState(context.settings, process.env);
          if (!lfs.installed)
            return fail(
              'lfs_missing',
              'Git LFS is not installed, so the large files cannot be downloaded.',
              lfs.howToInstall,
            );
          const result = await tracked(runId, context, (signal, onProgress) =>
            lfsPull(context.settings, context.session, process.env, top, { signal, onProgress }),
          );
          return ok(await explain(result, top, context, 'Download of the large files'));
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    installLfs: {
      schema: z.null(),
      handle: async (_request, { settings }) => {
        const before = await lfsState(settings, process.env);
        if (!before.installed)
          return fail('lfs_missing', 'Git LFS is not installed on this computer.', before.howToInstall);
        try {
          await installLfs(settings, process.env);
          return ok(await lfsState(settings, process.env));
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    trackLfs: {
      schema: z.object({ path: PATH, pattern: PATTERN }),
      handle: async ({ path, pattern }, context) => {
        try {
          const top = await checkRepoPath(context.settings.home, path, process.env);
          await trackWithLfs(context.settings, top, pattern, process.env);
          return ok(await state(top, context));
        } catch (error) {
          return repoFailure(error);
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
          const top = await checkRepoPath(context.settings.home, path, process.env);
          const { backupBranch } = await migrateToLfs(context.settings, top, pattern, true, process.env);
          return ok({ backupBranch, state: await state(top, context) });
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    forkRepo: {
      schema: z.object({
        runId: RUN_ID,
        upstream: z.string().max(4096),
        fork: z.string().max(4096),
        destination: PATH,
        transport: TRANSPORT,
      }),
      handle: async (request, context) => {
        const upstream = parse(request.upstream, null, context);
        const fork = parse(request.fork, null, context);
        if (!upstream.ok)
          return fail(
            'bad_repo_address',
            `The original: ${upstream.reason}`,
            'Copy the address of the repository to fork.',
          );
        if (!fork.ok)
          return fail(
            'bad_repo_address',
            `Your copy: ${fork.reason}`,
            'Create the repository on the Hub first, then paste its address.',
          );
        try {
          const result = await tracked(request.runId, context, (signal, onProgress) =>
            forkWithLfs(
              context.settings,
              context.session,
              process.env,
              {
                upstream: upstream.ref,
                fork: fork.ref,
                transport: request.transport,
                destination: request.destination,
              },
              { signal, onProgress },
            ),
          );
          await remember(context, result.path, 'forked');
          return ok({ path: result.path, branch: result.branch });
        } catch (error) {
          return repoFailure(error);
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

    recentRepos: {
      schema: z.null(),
      handle: async (_request, { settings }) => ok(await readRecent(settings.dataDir)),
    },
  };
}

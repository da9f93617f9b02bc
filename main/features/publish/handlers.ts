import type { Result } from '../../../preload/contract';
import { z } from 'zod';
import type { AppSession } from '../../core/session';
import type { HandlerContext, HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { ONE_LINE, PATH, RUN_ID } from '../../ipc/schemas';
import { GitError } from '../../git/core';
import { gitContextOf } from '../../git/environment';
import { explainFailure } from '../../git/failures';
import { remoteBranches } from '../../git/remote-branches';
import { cloneUrl, parseRepoInput } from '../../hub/repo-ref';
import { failureContext } from '../https';
import { SafetyError } from '../repos';
import { PublishError } from './errors';
import { inspectFolder } from './inspect';
import { publishFolder } from './publish';

// Publishing a folder to the Hub, and the branches a fork may carry: schema, call, map.

type PublishOps = 'inspectFolder' | 'publishFolder' | 'hubBranches';

/** The publishes going on, per app session, each under the screen's runId. */
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
 * Why: cancelRepoRun (the repository feature's) stops a publish too, as it stops a clone; true
 * when one was running. The entry wires it: the publish's progress is repoProgress with its runId.
 */
export function cancelPublishRun(session: AppSession, runId: string): boolean {
  const controller = runsOf(session).get(runId);
  controller?.abort();
  return controller !== undefined;
}

const KIND = z.enum(['model', 'dataset', 'space']);
/** The Hub's repository and namespace names (huggingface_hub validate_repo_id: [\w.-], at most 96). */
const HUB_NAME = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,96}$/, 'must be 1 to 96 letters, digits, -, _ or .')
  .refine(
    (value) => !/--|\.\./.test(value) && !/^[.-]|[.-]$/.test(value),
    'must not start or end with - or ., nor hold -- or ..',
  );
const IDENTITY = z.object({
  name: ONE_LINE(200),
  email: ONE_LINE(254).refine((value) => /^[^\s@/:]+@[^\s@/:]+$/.test(value), 'must be an email address'),
});

/** A thrown error of a publish as the screen's result. */
function publishFailure<T>(error: unknown): Result<T> {
  if (error instanceof PublishError)
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        hint: error.hint,
        ...(error.details === undefined ? {} : { details: error.details }),
        ...(error.outcome === undefined ? {} : { outcome: error.outcome }),
      },
    };
  if (error instanceof SafetyError) return fail(error.code, error.message, error.hint);
  if (error instanceof GitError)
    return fail(
      'git_failed',
      'Git stopped with an error.',
      'Open Details for Git’s own words.',
      error.result.output || error.message,
    );
  return fail(
    'internal',
    error instanceof Error ? error.message : String(error),
    'Try again; if it happens again, send the support report.',
  );
}

/** Publishing a folder to the Hub, and the branches a fork may carry. */
export function publishHandlers(): HandlerTable<PublishOps> {
  return {
    inspectFolder: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        try {
          return ok(await inspectFolder(context, path));
        } catch (error) {
          return publishFailure(error);
        }
      },
    },

    publishFolder: {
      schema: z.object({
        runId: RUN_ID,
        path: PATH,
        target: z.object({
          kind: KIND,
          namespace: HUB_NAME,
          name: HUB_NAME,
          private: z.boolean(),
          sdk: z.enum(['gradio', 'docker', 'static', 'streamlit']).nullable(),
          create: z.boolean(),
        }),
        transport: z.enum(['https', 'ssh']).nullable(),
        identity: IDENTITY.nullable(),
        message: z
          .string()
          .max(10_000)
          .refine((value) => !value.includes('\u0000'), 'must not contain NUL')
          .nullable(),
      }),
      handle: async ({ runId, ...request }, context: HandlerContext) => {
        const running = runsOf(context.session);
        if (running.has(runId))
          return fail('invalid_input', 'That publish is already running.', 'Wait for it to finish.');
        const controller = new AbortController();
        running.set(runId, controller);
        try {
          let top = 0;
          const result = await publishFolder(context, request, {
            step: (step, detail) => context.emit('publishStep', { runId, step, detail }),
            // One bar for the run, rising only (the fetch is small; the push is most of it).
            onProgress: (event) => {
              if (event.percent < top) return;
              top = event.percent;
              context.emit('repoProgress', { runId, ...event });
            },
            signal: controller.signal,
          });
          return ok(result);
        } catch (error) {
          return publishFailure(error);
        } finally {
          running.delete(runId);
        }
      },
    },

    hubBranches: {
      schema: z.object({ input: z.string().max(4096), transport: z.enum(['https', 'ssh']) }),
      handle: async ({ input, transport }, context) => {
        const { settings } = context;
        const parsed = parseRepoInput(input, { endpoint: settings.hubEndpoint, sshHost: settings.sshHost });
        if (!parsed.ok)
          return fail(
            'bad_repo_address',
            parsed.reason,
            'Copy the address from the repository’s page on the Hub, or type NAME/REPO.',
          );
        const url = cloneUrl(parsed.ref, transport, {
          endpoint: settings.hubEndpoint,
          sshHost: settings.sshHost,
          sshPort: settings.sshPort,
        });
        try {
          const listed = await remoteBranches(gitContextOf(context), url, { timeoutMs: 30_000 });
          if (listed.ok)
            return ok({
              branches: listed.value.branches,
              defaultBranch: listed.value.defaultBranch ?? listed.value.branches[0] ?? 'main',
            });
          const outcome = explainFailure(
            listed.run.output,
            await failureContext(
              settings,
              context.env,
              'fetch',
              {
                kind: transport === 'ssh' ? 'hub-ssh' : 'hub-https',
                repo: parsed.ref.path,
                hasSecret: false,
              },
              {
                exitCode: listed.run.exitCode,
                cancelled: listed.run.cancelled,
                timedOut: listed.run.timedOut,
              },
            ),
          );
          return {
            ok: false,
            error: {
              code: 'git_failed',
              message:
                outcome.kind === 'unknown'
                  ? `The branches of ${parsed.ref.path} could not be read.`
                  : outcome.message,
              hint:
                outcome.kind === 'unknown'
                  ? 'Check the name, and that you can read the repository.'
                  : outcome.fix,
              details: listed.run.output,
              outcome,
            },
          };
        } catch (error) {
          return publishFailure(error);
        }
      },
    },
  };
}

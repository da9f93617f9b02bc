import { z } from 'zod';
import type { PullRequestView, Result } from '../../../preload/contract';
import { redactSecrets } from '../../core/redact';
import type { HandlerContext, HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { ONE_LINE, PATH, RUN_ID } from '../../ipc/schemas';
import { gitContextOf } from '../../git/environment';
import { RepoPathError } from '../../git/repo-path';
import {
  createHubRepository,
  createPullRequest,
  HubApiError,
  hubRepositoryExists,
  listPullRequests,
  spaceRuntime,
} from '../../hub/hub-api';
import { checkedToken, httpsHandlers } from '../https';
import { SafetyError } from '../repos';
import { accountView, namespaceView } from './account';
import { apiAuth, setRunToken } from './api-token';
import { listHubRepos } from './repo-list';
import { hubRemoteOf, pullRequestView, pushToPrRef, readyToPush, trackPrRun } from './pull-requests';
import { spaceRuntimeView } from './space-status';

// The Hub's API operations: schema, call, map. The token never crosses to the renderer: the
// account view shows its masked form, and every failure text is redacted (here and in dispatch).

type HubOps =
  | 'hubAccount'
  | 'useApiToken'
  | 'createHubRepo'
  | 'hubRepoExists'
  | 'listHubRepos'
  | 'listPullRequests'
  | 'openPullRequest'
  | 'pushToPullRequest'
  | 'spaceRuntime';

const KIND = z.enum(['model', 'dataset', 'space']);
/** One part of NAME/REPO as the Hub allows it (huggingface_hub validate_repo_id). */
const PART = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]{0,95}$/, 'may hold only letters, digits, “-”, “_” and “.”')
  .refine((value) => !/--|\.\.|[.-]$/.test(value), 'must not hold “--” or “..”, nor end with “-” or “.”');
const REPO_ID = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/, 'must be NAME/REPO');
const SDK = z.enum(['gradio', 'docker', 'static', 'streamlit']).nullable();
const REF = z.string().uuid('must be the handle the token check returned');

/** What each action needs the API for, in one sentence: SSH keys cannot call the API. */
const NEEDS_API = {
  create: 'Creating a repository uses the Hub’s API, which SSH keys cannot call.',
  list: 'Listing your repositories uses the Hub’s API, which SSH keys cannot call.',
  listPrs: 'Listing pull requests uses the Hub’s API, which SSH keys cannot call.',
  openPr: 'Opening a pull request uses the Hub’s API, which SSH keys cannot call.',
  pushPr: 'Finding the pull request uses the Hub’s API, which SSH keys cannot call.',
} as const;

function needToken<T>(why: keyof typeof NEEDS_API): Result<T> {
  return fail(
    'api_token_needed',
    NEEDS_API[why],
    'Give the app an access token (a write token for creating and pull requests).',
  );
}

/** A thrown failure as a result: the API's, a repository's, or an unexpected one (redacted). */
function failure<T>(error: unknown): Result<T> {
  if (error instanceof HubApiError) return fail(error.code, error.message, error.hint);
  if (error instanceof SafetyError) return fail(error.code, error.message, error.hint);
  if (error instanceof RepoPathError)
    return fail('repo_unusable', error.message, 'Pick the folder of a repository you cloned from the Hub.');
  return fail(
    'internal',
    'The app could not finish that.',
    'Try again; if it keeps failing, copy a report for support.',
    redactSecrets(error instanceof Error ? error.message : String(error)),
  );
}

/** The Hub's API: the account, creating and listing repositories, pull requests, Spaces. */
export function hubHandlers(): HandlerTable<HubOps> {
  /** Pushes to the pull request and shapes the answer; a refused push keeps the pull request. */
  const pushTo = async (
    runId: string,
    path: string,
    context: HandlerContext,
    find: (target: Awaited<ReturnType<typeof hubRemoteOf>>) => Promise<PullRequestView | Result<never>>,
  ): Promise<Result<{ readonly pr: PullRequestView; readonly pushed: string }>> => {
    const git = gitContextOf(context);
    const target = await hubRemoteOf(git, context.settings, path);
    await readyToPush(git, target);
    const pr = await find(target);
    if ('ok' in pr) return pr;
    const pushed = await trackPrRun(context, runId, (signal, onProgress) =>
      pushToPrRef(git, context.settings, target, pr.num, { signal, onProgress }),
    );
    if (pushed.ok) return ok({ pr, pushed: pushed.commit });
    return {
      ok: false,
      error: {
        code: pushed.run?.cancelled ? 'cancelled' : 'git_failed',
        message: `Pull request #${pr.num} is open on the Hub (${pr.url}), but the push to ${pr.ref} failed: ${pushed.outcome.message}`,
        hint: `${pushed.outcome.fix} Then push to the pull request again.`,
        ...(pushed.run ? { details: pushed.run.output } : {}),
        outcome: pushed.outcome,
      },
    };
  };

  return {
    hubAccount: {
      schema: z.null(),
      handle: async (_request, context) =>
        ok(accountView(await apiAuth(context), context.session.sshGreetingUser ?? null)),
    },

    useApiToken: {
      schema: z.object({ ref: REF, save: z.boolean() }),
      handle: async ({ ref, save }, context) => {
        const entry = checkedToken(context.session, ref);
        if (!entry)
          return fail(
            'token_not_checked',
            'The app no longer holds that token.',
            'Paste the token again and check it.',
          );
        // In memory for this run first, so a save that needs consent still leaves it in use.
        setRunToken(context.session, entry.token);
        if (save) {
          // The token screen's own save (credential helper, plain-text consent asked there).
          const stored = await httpsHandlers().storeToken.handle({ ref, allowPlaintext: false }, context);
          if (!stored.ok)
            return fail(
              stored.error.code,
              `The app uses this token for now, but it was not saved for Git: ${stored.error.message}`,
              stored.error.code === 'plaintext_consent_needed'
                ? 'Save it from the token screen, which asks before writing it in plain text; until then the app forgets it when it quits.'
                : stored.error.hint,
              stored.error.details,
            );
        }
        return ok(accountView(await apiAuth(context), context.session.sshGreetingUser ?? null));
      },
    },

    createHubRepo: {
      schema: z.object({ kind: KIND, namespace: PART, name: PART, private: z.boolean(), sdk: SDK }),
      handle: async (request, context) => {
        const auth = await apiAuth(context);
        if (!auth) return needToken('create');
        try {
          return ok(await createHubRepository(auth, request));
        } catch (error) {
          // A refusal names the role or scope whoami tells, when it tells one.
          if (error instanceof HubApiError && error.code === 'not_allowed' && auth.summary) {
            const kind = request.namespace === auth.summary.account ? 'user' : 'org';
            const why = namespaceView(auth.summary, request.namespace, kind).why;
            if (why)
              return fail(
                'not_allowed',
                `The Hub refused to create ${request.namespace}/${request.name}. ${why}`,
                error.hint,
              );
          }
          return failure(error);
        }
      },
    },

    hubRepoExists: {
      // Works without a token too (public repositories): the route for people who made the
      // repository on the Hub's own page.
      schema: z.object({ kind: KIND, id: REPO_ID }),
      handle: async ({ kind, id }, context) => {
        try {
          const auth = await apiAuth(context);
          return ok({
            exists: await hubRepositoryExists(context.settings.hubEndpoint, auth?.token, kind, id),
          });
        } catch (error) {
          return failure(error);
        }
      },
    },

    listHubRepos: {
      schema: z.object({ search: z.string().max(96).nullable(), refresh: z.boolean() }),
      handle: async (request, context) => {
        const auth = await apiAuth(context);
        if (!auth) return needToken('list');
        if (!auth.summary)
          return fail(
            'token_unknown',
            'The Hub did not say whose the app’s access token is, so the app cannot tell which repositories are yours.',
            'Check the token again on the token screen, or give the app a new one.',
          );
        const authors = [auth.summary.account, ...auth.summary.orgs.map((org) => org.name)];
        try {
          return ok(await listHubRepos(auth, context.settings, context.session, authors, request));
        } catch (error) {
          return failure(error);
        }
      },
    },

    listPullRequests: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        const auth = await apiAuth(context);
        if (!auth) return needToken('listPrs');
        try {
          const target = await hubRemoteOf(gitContextOf(context), context.settings, path);
          const prs = await listPullRequests(auth, target.kind, target.id);
          return ok(prs.map((pr) => pullRequestView(auth.endpoint, target.kind, target.id, pr)));
        } catch (error) {
          return failure(error);
        }
      },
    },

    openPullRequest: {
      schema: z.object({
        runId: RUN_ID,
        path: PATH,
        title: ONE_LINE(200),
        description: z.string().max(20_000),
      }),
      handle: async ({ runId, path, title, description }, context) => {
        const auth = await apiAuth(context);
        if (!auth) return needToken('openPr');
        try {
          return await pushTo(runId, path, context, async (target) => {
            const pr = await createPullRequest(auth, target.kind, target.id, { title, description });
            return pullRequestView(auth.endpoint, target.kind, target.id, pr);
          });
        } catch (error) {
          return failure(error);
        }
      },
    },

    pushToPullRequest: {
      schema: z.object({ runId: RUN_ID, path: PATH, num: z.number().int().positive().max(1_000_000) }),
      handle: async ({ runId, path, num }, context) => {
        const auth = await apiAuth(context);
        if (!auth) return needToken('pushPr');
        try {
          return await pushTo(runId, path, context, async (target) => {
            const open = await listPullRequests(auth, target.kind, target.id);
            const pr = open.find((candidate) => candidate.num === num);
            if (!pr)
              return fail(
                'not_found',
                `Pull request #${num} of ${target.id} is not open (it may be merged or closed).`,
                'Open a new pull request instead.',
              );
            return pullRequestView(auth.endpoint, target.kind, target.id, pr);
          });
        } catch (error) {
          return failure(error);
        }
      },
    },

    spaceRuntime: {
      // A public Space's stage needs no token; a private one's needs the API token.
      schema: z.object({ space: z.string().max(220) }),
      handle: async ({ space }, context) => {
        const id = space.replace(/^spaces\//, '');
        const parsed = REPO_ID.safeParse(id);
        if (!parsed.success)
          return fail(
            'invalid_input',
            `“${space}” is not a Space’s name (NAME/REPO).`,
            'Pick the Space again.',
          );
        try {
          const auth = await apiAuth(context);
          const runtime = await spaceRuntime(context.settings.hubEndpoint, auth?.token, id);
          return ok(spaceRuntimeView(context.settings.hubEndpoint, id, runtime));
        } catch (error) {
          return failure(error);
        }
      },
    },
  };
}

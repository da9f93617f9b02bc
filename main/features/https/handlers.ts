import { z } from 'zod';
import type { ErrorCode, RepoCheck, Result, TokenReport } from '../../../preload/contract';
import type { HandlerContext, HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { PATH, REMOTE } from '../../ipc/schemas';
import { approveToken, CredentialValueError, readStoredToken, rejectToken } from './credentials';
import { explainFailure } from '../../git/failures';
import { failureContext, storedTokenSummary } from './failure-context';
import { predictPush } from './predict';
import { configureHubHelper, planHelpers } from './helpers';
import { maskToken, redactSecrets } from '../../core/redact';
import { gitContextOf } from '../../git/environment';
import { readConflicts } from '../../git/conflicts';
import { push } from '../../git/push';
import { checkRepoPath, RepoPathError } from '../../git/repo-path';
import { listRemotes, remoteView, setRemoteUrl, type RemoteEntry } from '../../git/remotes';
import { checkToken, readTokenInput, type TokenCheck } from '../../hub/token';
import { checkedToken, rememberToken, vaultOf } from './vault';

// The HTTPS route's operations. A pasted token crosses from the renderer once; from then on the
// renderer holds only an opaque handle and the masked form, and the token itself reaches nothing
// but whoami's Authorization header and `git credential approve`'s stdin.

const REF = z.string().uuid('must be the handle the token check returned');

const CHECK_FAILURES: Record<Exclude<TokenCheck, { ok: true }>['reason'], { code: ErrorCode; hint: string }> =
  {
    unauthorized: {
      code: 'token_unknown',
      hint: 'Copy the token again from your Hub settings, or create a new one.',
    },
    rate_limited: { code: 'rate_limited', hint: 'Wait a minute, then press Check again.' },
    dns: { code: 'dns', hint: 'Check the internet connection, then press Check again.' },
    offline: {
      code: 'offline',
      hint: 'Check the internet connection (or proxy and firewall), then press Check again.',
    },
    tls: {
      code: 'tls',
      hint: 'Check the computer’s date and time; on a company network, ask IT about its proxy.',
    },
    unexpected: {
      code: 'hub_error',
      hint: 'Try again in a moment; the Hub’s status page says whether it is having trouble.',
    },
  };

const errorText = (error: unknown): string =>
  redactSecrets(error instanceof Error ? error.message : String(error));

function repoFailure<T>(error: unknown): Result<T> {
  if (error instanceof RepoPathError)
    return fail('repo_unusable', error.message, 'Pick the folder of a repository you cloned from the Hub.');
  return fail('internal', 'The app could not read that repository.', 'Try again.', errorText(error));
}

/** The HTTPS route's handlers; the checked tokens are the session's vault (vault.ts). */
export function httpsHandlers(): HandlerTable<
  'checkToken' | 'credentialSetup' | 'storeToken' | 'forgetToken' | 'checkRepo' | 'cleanRemote' | 'tryPush'
> {
  const inspectRepo = async (
    path: string,
    context: HandlerContext,
  ): Promise<{ readonly check: RepoCheck; readonly raw: readonly RemoteEntry[] }> => {
    const { settings } = context;
    const git = gitContextOf(context);
    const top = await checkRepoPath(git, path);
    const remotes = await listRemotes(git, top, {
      endpoint: settings.hubEndpoint,
      sshHost: settings.sshHost,
    });
    const stored = await storedTokenSummary(context.settings, context.env);
    const check: RepoCheck = {
      path: top,
      storedUser: stored?.username ?? null,
      remotes: remotes.map((remote) => ({
        ...remoteView(remote),
        ...(remote.kind === 'hub-https' && remote.repo && stored?.summary
          ? { prediction: predictPush(stored.summary, remote.repo) }
          : {}),
      })),
    };
    return { check, raw: remotes };
  };

  /** The named remote of an inspected repository, or the failure to return. */
  const remoteNamed = (
    inspected: { readonly raw: readonly RemoteEntry[] },
    name: string,
  ): { readonly remote: RemoteEntry } | { readonly failure: Result<never> } => {
    const remote = inspected.raw.find((candidate) => candidate.name === name);
    return remote
      ? { remote }
      : {
          failure: fail(
            'invalid_input',
            `This repository has no remote named ${name}.`,
            'Check the repository again.',
          ),
        };
  };

  return {
    checkToken: {
      schema: z.object({ token: z.string().max(4096, 'is far too long to be a token') }),
      handle: async ({ token: raw }, { settings, session }) => {
        const input = readTokenInput(raw);
        if (!input.ok)
          return fail(
            'token_invalid',
            input.message,
            'Copy the token from your Hub settings and paste it again.',
          );
        const check = await checkToken(settings.hubEndpoint, input.token);
        if (!check.ok) {
          const failure = CHECK_FAILURES[check.reason];
          return fail(failure.code, check.message, failure.hint);
        }
        const { summary } = check;
        const report: TokenReport = {
          ref: rememberToken(session, input.token, summary),
          masked: maskToken(input.token),
          account: summary.account,
          fullname: summary.fullname,
          orgs: summary.orgs,
          tokenName: summary.tokenName,
          role: summary.role,
          scoped: summary.scoped,
          expiresAt: summary.expiresAt,
        };
        return ok(report);
      },
    },

    credentialSetup: {
      schema: z.null(),
      handle: async (_request, { settings, env }) => {
        const plan = await planHelpers(settings.home, settings.hubEndpoint, env);
        const stored = await readStoredToken(settings.home, settings.hubEndpoint, env);
        return ok({
          host: new URL(settings.hubEndpoint).host,
          configured: plan.configured,
          secure: plan.secure ?? null,
          plaintextPath: plan.plaintextPath,
          advice: plan.advice,
          storedUser: stored?.username ?? null,
        });
      },
    },

    storeToken: {
      schema: z.object({ ref: REF, allowPlaintext: z.boolean() }),
      handle: async ({ ref, allowPlaintext }, { settings, env, session }) => {
        const entry = checkedToken(session, ref);
        if (!entry)
          return fail(
            'token_not_checked',
            'The app no longer holds that token.',
            'Paste the token again and check it.',
          );
        const { home, hubEndpoint } = settings;
        const plan = await planHelpers(home, hubEndpoint, env);
        const others = plan.configured.filter((helper) => helper.storage !== 'plaintext');
        const writesPlaintext =
          plan.configured.some((helper) => helper.storage === 'plaintext') ||
          (!plan.secure && others.length === 0);
        if (writesPlaintext && !allowPlaintext)
          return fail(
            'plaintext_consent_needed',
            `No secure place for the token was found, so Git would keep it in plain text in ${plan.plaintextPath}.`,
            plan.advice,
          );
        const helper = plan.secure?.name ?? others[0]?.name ?? 'store';
        // Added to git's config for the Hub only: the secure helper found, or `store` (consented).
        const toAdd =
          plan.secure && !plan.secure.configured
            ? plan.secure.name
            : !plan.secure && plan.configured.length === 0
              ? 'store'
              : undefined;
        if (toAdd) {
          const configured = await configureHubHelper(home, hubEndpoint, toAdd, env);
          if (!configured.ok)
            return fail(
              'credential_helper_failed',
              'Git’s settings could not be changed.',
              'Check that ~/.gitconfig is writable.',
              configured.details,
            );
        }
        const configuredNow = toAdd !== undefined;
        const target = { endpoint: hubEndpoint, username: entry.summary.account };
        try {
          const approved = await approveToken(home, target, entry.token, env);
          const back = await readStoredToken(home, hubEndpoint, env, entry.summary.account);
          if (!approved.ok || back?.token !== entry.token)
            return fail(
              'credential_helper_failed',
              `Git’s credential helper (${helper}) did not keep the token.`,
              'Open Details for what the helper said; unlock your keychain if it asked, then try again.',
              redactSecrets(approved.details),
            );
        } catch (error) {
          if (error instanceof CredentialValueError)
            return fail('invalid_input', error.message, 'Paste the token again.');
          throw error;
        }
        vaultOf(session).delete(ref);
        const storage =
          plan.configured.find((candidate) => candidate.name === helper)?.storage ??
          (helper === 'store' ? 'plaintext' : 'keychain');
        return ok({
          host: new URL(hubEndpoint).host,
          username: target.username,
          helper,
          storage,
          configuredNow,
        });
      },
    },

    forgetToken: {
      schema: z.null(),
      handle: async (_request, { settings, env, session }) => {
        vaultOf(session).clear();
        const before = await readStoredToken(settings.home, settings.hubEndpoint, env);
        const outcome = await rejectToken(settings.home, { endpoint: settings.hubEndpoint }, env);
        if (!outcome.ok)
          return fail(
            'credential_helper_failed',
            'Git’s credential helper could not forget the token.',
            'Try again; you can also revoke the token on the Hub.',
            redactSecrets(outcome.details),
          );
        const after = await readStoredToken(settings.home, settings.hubEndpoint, env);
        if (after)
          return fail(
            'credential_helper_failed',
            'A token for the Hub is still saved.',
            'Revoke the token on the Hub, then remove it from your keychain by hand.',
          );
        return ok({ forgotten: before !== undefined });
      },
    },

    checkRepo: {
      schema: z.object({ path: PATH }),
      handle: async ({ path }, context) => {
        try {
          return ok((await inspectRepo(path, context)).check);
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    cleanRemote: {
      schema: z.object({ path: PATH, remote: REMOTE }),
      handle: async ({ path, remote }, context) => {
        try {
          const before = await inspectRepo(path, context);
          const named = remoteNamed(before, remote);
          if ('failure' in named) return named.failure;
          if (!before.check.storedUser)
            return fail(
              'not_allowed',
              'Save your token for Git first; without it, a clean address would make Git ask for a password.',
              'Go back one step and save the token.',
            );
          const { clean } = named.remote;
          if (!clean || (!named.remote.hasSecret && named.remote.username === undefined))
            return fail(
              'invalid_input',
              'This remote’s address has no credentials to remove.',
              'Nothing to do.',
            );
          await setRemoteUrl(gitContextOf(context), before.check.path, remote, clean);
          return ok((await inspectRepo(before.check.path, context)).check);
        } catch (error) {
          return repoFailure(error);
        }
      },
    },

    tryPush: {
      schema: z.object({ path: PATH, remote: REMOTE, dryRun: z.boolean() }),
      handle: async ({ path, remote, dryRun }, context) => {
        const { settings } = context;
        try {
          const inspected = await inspectRepo(path, context);
          const named = remoteNamed(inspected, remote);
          if ('failure' in named) return named.failure;
          const found = named.remote;
          const { check } = inspected;
          if (found.kind !== 'hub-https')
            return fail(
              'invalid_input',
              `${remote} does not use the Hub over HTTPS.`,
              found.kind === 'hub-ssh'
                ? 'It uses SSH: set up and test an SSH key instead.'
                : 'Pick a remote on the Hub.',
            );
          // git would hand an address with a token in it to git-remote-https on its command line.
          if (found.hasSecret)
            return fail(
              'not_allowed',
              `${remote}’s address has a token or password written in it, and Git would show it to every program on this computer while it pushes.`,
              'Remove the credentials from the address first (the app does it in one click once your token is saved for Git).',
            );
          // The repository screen's gate, for the same reason: nothing is pushed while a merge or
          // rebase is in the middle or a file is unmerged (conflict markers would reach the Hub).
          if (!dryRun) {
            const conflicts = await readConflicts(gitContextOf(context), check.path);
            if (conflicts.inProgress !== null || conflicts.files.length > 0)
              return fail(
                'operation_in_progress',
                'A pull is in the middle of merging in this repository.',
                'Open it in Repositories, settle or abort the pull there, then push.',
              );
          }
          const pushed = await push(gitContextOf(context), check.path, { remote, dryRun });
          // The table reads the dry run against whoami too: the Hub refuses a ref update only when
          // the push is real, so a dry run that signed in does not promise too much.
          const outcome = explainFailure(
            pushed.output,
            await failureContext(settings, context.env, dryRun ? 'push_dry_run' : 'push', found, {
              exitCode: pushed.exitCode,
              cancelled: pushed.cancelled,
              timedOut: pushed.timedOut,
            }),
          );
          return ok({ ...outcome, dryRun, output: pushed.output });
        } catch (error) {
          return repoFailure(error);
        }
      },
    },
  };
}

// The token the app uses for the Hub's API, and where it comes from. SSH keys cannot call the API,
// so people on the SSH route give one when an API action first needs it.
import type { AppSession } from '../../core/session';
import type { HandlerContext } from '../../ipc/dispatch';
import type { ApiAuth } from '../../hub/hub-api';
import { checkToken, readTokenInput, type TokenSummary } from '../../hub/token';
import { readStoredToken } from '../https';

/** Where the API token came from (HubAccountView.source). */
export type ApiTokenSource = 'env' | 'session' | 'git';

/**
 * Tokens given for this run (useApiToken), in memory only, one per app session: never written,
 * gone when the process ends (the WeakMap lets it go with its session).
 */
const sessionTokens = new WeakMap<AppSession, string>();

/** Why: useApiToken hands the app a checked token for this run only. */
export function setRunToken(session: AppSession, token: string): void {
  sessionTokens.set(session, token);
}

/** Why: "forget" for this run (and tests): the session's token goes, the others stay. */
export function forgetRunToken(session: AppSession): void {
  sessionTokens.delete(session);
}

/** The token from the app's environment, when HF_TOKEN holds one that looks like a token. */
function envToken(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.HF_TOKEN;
  if (!raw) return undefined;
  const input = readTokenInput(raw);
  return input.ok ? input.token : undefined;
}

/**
 * The API token, in this order: HF_TOKEN in the app's environment (the Hub libraries' convention),
 * the one given for this run (useApiToken), the one saved for git; undefined when there is none.
 * `user` and `summary` are whoami's (checkToken caches them); null when the Hub did not answer.
 */
export async function apiAuth(context: HandlerContext): Promise<
  | (ApiAuth & {
      readonly source: ApiTokenSource;
      readonly user: string | null;
      readonly summary: TokenSummary | null;
    })
  | undefined
> {
  const { settings, env, session } = context;
  const found = await (async (): Promise<{ token: string; source: ApiTokenSource } | undefined> => {
    const fromEnv = envToken(env);
    if (fromEnv) return { token: fromEnv, source: 'env' };
    const forRun = sessionTokens.get(session);
    if (forRun) return { token: forRun, source: 'session' };
    const stored = await readStoredToken(settings.home, settings.hubEndpoint, env).catch(() => undefined);
    return stored && readTokenInput(stored.token).ok ? { token: stored.token, source: 'git' } : undefined;
  })();
  if (!found) return undefined;
  const check = await checkToken(settings.hubEndpoint, found.token);
  const summary = check.ok ? check.summary : null;
  return {
    endpoint: settings.hubEndpoint,
    token: found.token,
    source: found.source,
    user: summary?.account ?? null,
    summary,
  };
}

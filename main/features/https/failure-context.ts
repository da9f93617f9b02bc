import type { Settings } from '../../core/settings';
import type { FailureContext } from '../../git/failures';
import type { RemoteUrlInfo } from '../../git/remote-url';
import { checkToken, readTokenInput, type TokenSummary } from '../../hub/token';
import { readStoredToken } from './credentials';

/** The token git holds for the Hub, as whoami describes it (cached by checkToken); never returned raw. */
export async function storedTokenSummary(
  settings: Settings,
  env: NodeJS.ProcessEnv,
): Promise<{ readonly username: string; readonly summary: TokenSummary | undefined } | undefined> {
  const stored = await readStoredToken(settings.home, settings.hubEndpoint, env);
  if (!stored) return undefined;
  const check = readTokenInput(stored.token).ok
    ? await checkToken(settings.hubEndpoint, stored.token)
    : undefined;
  return { username: stored.username, summary: check?.ok ? check.summary : undefined };
}

/**
 * What the failure table needs to know besides git's words, for a run against `remote`: the
 * transport and host from its address, the repository, the usernames, and whoami's word on the
 * saved token (only over HTTPS, where that token is what git used). Read once per failure.
 */
export async function failureContext(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  operation: FailureContext['operation'],
  remote: RemoteUrlInfo | undefined,
  flags: FailureContext['flags'] = {},
): Promise<FailureContext> {
  const https = remote?.kind === 'hub-https';
  const stored = https ? await storedTokenSummary(settings, env).catch(() => undefined) : undefined;
  return {
    operation,
    endpoint: settings.hubEndpoint,
    sshHost: settings.sshHost,
    sshPort: settings.sshPort,
    flags,
    ...(remote === undefined
      ? {}
      : {
          transport: remote.kind === 'hub-ssh' ? ('ssh' as const) : ('https' as const),
          remoteHost: remote.kind === 'other' ? ('other' as const) : ('hub' as const),
        }),
    ...(remote?.repo === undefined ? {} : { repo: remote.repo }),
    ...(remote?.username === undefined ? {} : { urlUsername: remote.username }),
    ...(stored ? { storedUser: stored.username } : {}),
    ...(stored?.summary ? { whoami: stored.summary } : {}),
  };
}

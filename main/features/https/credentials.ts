import { gitCredential } from '../../git/credential';
import { gitContext } from '../../git/environment';

// Groundwork for issue 4: the token goes to git's own credential helper, never into a remote
// URL, a command line or an environment; only `git credential`'s stdin carries it.

/** A value that would end a credential line early, or smuggle in another attribute. */
export class CredentialValueError extends Error {}

export interface CredentialTarget {
  /** The Hub's endpoint, e.g. https://huggingface.co; protocol and host are taken from it. */
  readonly endpoint: string;
  /** The account name; absent only when erasing, where it means "whoever it was saved for". */
  readonly username?: string;
}

function describe(target: CredentialTarget, password?: string): string {
  const url = new URL(target.endpoint);
  const fields: Array<readonly [string, string]> = [
    ['protocol', url.protocol.replace(/:$/, '')],
    ['host', url.host],
  ];
  if (target.username !== undefined || password !== undefined)
    fields.push(['username', target.username ?? '']);
  if (password !== undefined) fields.push(['password', password]);
  for (const [name, value] of fields) {
    // git's credential protocol is line based: CR, LF or NUL would start a forged attribute.
    // eslint-disable-next-line no-control-regex
    if (/[\r\n\u0000]/.test(value))
      throw new CredentialValueError(`The ${name} cannot contain line breaks or NUL.`);
    if (value === '' && name !== 'password') throw new CredentialValueError(`The ${name} is empty.`);
  }
  return `${fields.map(([name, value]) => `${name}=${value}`).join('\n')}\n\n`;
}

/** How a `git credential` call ended. */
export interface CredentialOutcome {
  readonly ok: boolean;
  /** stderr, for a Details disclosure; git never echoes the password there. */
  readonly details: string;
}

function credential(
  home: string,
  action: 'approve' | 'reject' | 'fill',
  input: string,
  env: NodeJS.ProcessEnv,
): Promise<{ readonly ok: boolean; readonly stdout: string; readonly details: string }> {
  return gitCredential(gitContext({ home }, env), action, input);
}

/** Stores the token for the Hub's host in every configured helper (as the Hub's CLI does). */
export async function approveToken(
  home: string,
  target: CredentialTarget,
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CredentialOutcome> {
  const result = await credential(home, 'approve', describe(target, token), env);
  return { ok: result.ok, details: result.details };
}

/** "Forget this token": asks every helper to erase what it holds for this host and user. */
export async function rejectToken(
  home: string,
  target: CredentialTarget,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CredentialOutcome> {
  const result = await credential(home, 'reject', describe(target), env);
  return { ok: result.ok, details: result.details };
}

/**
 * What a helper holds for the host, for main's own use (asking whoami about it); it never goes
 * further than this process. `username` narrows the lookup as a URL's user would.
 */
export async function readStoredToken(
  home: string,
  endpoint: string,
  env: NodeJS.ProcessEnv = process.env,
  username?: string,
): Promise<{ readonly username: string; readonly token: string } | undefined> {
  const input = describe(username === undefined ? { endpoint } : { endpoint, username });
  const result = await credential(home, 'fill', input, env);
  if (!result.ok) return undefined;
  const fields = new Map(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  const token = fields.get('password');
  return token ? { username: fields.get('username') ?? '', token } : undefined;
}

/** Whether a helper holds a credential for the host, and for which user; never the password. */
export async function storedUser(
  home: string,
  endpoint: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  return (await readStoredToken(home, endpoint, env))?.username;
}

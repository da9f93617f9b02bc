import { sshHomeArgs } from '../core/ssh-home';
import type { AppSession } from '../core/session';
import type { Settings } from '../core/settings';
import { gitEnv } from './objects';

export type Transport = 'https' | 'ssh';

/** Quotes one word for the POSIX shell git runs GIT_SSH_COMMAND with. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The environment of a git child that talks to the Hub: never a prompt (a missing credential
 * ends in an error the app explains), the app's agent, and, over SSH, the same ssh the
 * connection test proved: batch mode, pinned host keys, this home's config and keys.
 */
export function hubGitEnv(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const sshArgs = [
    'ssh',
    // Kept as ssh wants them (values in double quotes, for homes with spaces), then shell-quoted.
    ...sshHomeArgs(settings.home),
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
  ];
  return {
    ...gitEnv(settings.home, session.sshAuthSock ? { ...env, SSH_AUTH_SOCK: session.sshAuthSock } : env),
    GIT_SSH_COMMAND: sshArgs.map(shellQuote).join(' '),
    GIT_SSH_VARIANT: 'ssh',
    ...extra,
  };
}

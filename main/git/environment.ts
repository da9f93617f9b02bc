import { childEnv } from '../core/run';
import { sshHomeArgs } from '../core/ssh-home';

/** What a git run needs besides its arguments: set once by the entries, never by the renderer. */
export interface GitContext {
  /** The home whose global config, credentials and ~/.ssh git uses. */
  readonly home: string;
  /** The app's own environment; the child's is built from it on purpose, never spread. */
  readonly env: NodeJS.ProcessEnv;
  /** The agent socket the app's ssh children use (the session's), when it knows one. */
  readonly sshAuthSock?: string | undefined;
}

export type Transport = 'https' | 'ssh';

/** Builds a GitContext from what handlers and services hold (settings, session, environment). */
export function gitContext(
  settings: { readonly home: string },
  env: NodeJS.ProcessEnv,
  session?: { readonly sshAuthSock: string | undefined },
): GitContext {
  return { home: settings.home, env, sshAuthSock: session?.sshAuthSock };
}

/** Quotes one word for the POSIX shell git runs GIT_SSH_COMMAND with. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The ssh git runs for Hub remotes: the one the connection test proved (batch, pinned keys, this home). */
export function gitSshCommand(home: string): string {
  const sshArgs = [
    'ssh',
    // Kept as ssh wants them (values in double quotes, for homes with spaces), then shell-quoted.
    ...sshHomeArgs(home),
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
  ];
  return sshArgs.map(shellQuote).join(' ');
}

/**
 * The environment of every git child: never a prompt of any kind (terminal, askpass, GCM's
 * window: a missing credential ends in an error the app explains), the app's agent, and, for SSH
 * remotes, the same ssh the connection test proved.
 */
export function gitEnvironment(context: GitContext, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const parent = context.sshAuthSock ? { ...context.env, SSH_AUTH_SOCK: context.sshAuthSock } : context.env;
  return childEnv(context.home, parent, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GCM_INTERACTIVE: 'never',
    GIT_SSH_COMMAND: gitSshCommand(context.home),
    GIT_SSH_VARIANT: 'ssh',
    ...extra,
  });
}

/** The GitContext of whatever holds settings, an environment and a session (a handler's context). */
export function gitContextOf(holder: {
  readonly settings: { readonly home: string };
  readonly env: NodeJS.ProcessEnv;
  readonly session?: { readonly sshAuthSock: string | undefined };
}): GitContext {
  return gitContext(holder.settings, holder.env, holder.session);
}

import { childEnv } from '../core/run';
import { sshHomeArgs } from '../core/ssh-home';
import { shellWordForProgram, sshProgram } from '../core/ssh-program';

/** What a git run needs besides its arguments: set once by the entries, never by the renderer. */
export interface GitContext {
  /** The home whose global config, credentials and ~/.ssh git uses. */
  readonly home: string;
  /** The app's own environment; the child's is built from it on purpose, never spread. */
  readonly env: NodeJS.ProcessEnv;
  /** The agent socket the app's ssh children use (the session's), when it knows one. */
  readonly sshAuthSock?: string | undefined;
  /** The person's own `git config --global core.sshCommand` (readGlobalSshCommand), when known. */
  readonly configuredSshCommand?: string | undefined;
  /** The platform git runs on; the app's own unless a test says otherwise. */
  readonly platform?: NodeJS.Platform;
}

export type Transport = 'https' | 'ssh';

/** Builds a GitContext from what handlers and services hold (settings, session, environment). */
export function gitContext(
  settings: { readonly home: string },
  env: NodeJS.ProcessEnv,
  session?: { readonly sshAuthSock: string | undefined; readonly configuredSshCommand?: string | undefined },
): GitContext {
  return {
    home: settings.home,
    env,
    sshAuthSock: session?.sshAuthSock,
    configuredSshCommand: session?.configuredSshCommand,
  };
}

/** Quotes one word for the POSIX shell git runs GIT_SSH_COMMAND with. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The ssh git runs for Hub remotes: the one the connection test proved (the same program,
 * sshProgram; batch; pinned keys; this home), as one line for the shell git runs it with.
 */
export function gitSshCommand(
  home: string,
  program: string = 'ssh',
  platform: NodeJS.Platform = process.platform,
): string {
  const sshArgs = [
    // Kept as ssh wants them (values in double quotes, for homes with spaces), then shell-quoted.
    ...sshHomeArgs(home),
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
  ];
  return [shellWordForProgram(program, platform), ...sshArgs.map(shellQuote)].join(' ');
}

/** Whose ssh command git uses, and the sentence that says so when it is the person's own. */
export type SshCommandDecision =
  | { readonly kind: 'app'; readonly command: string }
  | { readonly kind: 'configured'; readonly command: string; readonly notice: string };

/**
 * A core.sshCommand the person set wins on every OS: git would otherwise take the app's
 * GIT_SSH_COMMAND over it (git-config(1): core.sshCommand "is overridden when the environment
 * variable is set"), so the app leaves the variable unset and says so.
 */
export function sshCommandDecision(
  configured: string | undefined,
  home: string,
  program: string,
  platform: NodeJS.Platform,
): SshCommandDecision {
  if (configured !== undefined && configured.trim() !== '') {
    return {
      kind: 'configured',
      command: configured,
      notice: `Git uses the ssh command from your Git settings (core.sshCommand = ${configured}), not the app's; the connection test may have used another ssh.`,
    };
  }
  return { kind: 'app', command: gitSshCommand(home, program, platform) };
}

/**
 * The environment of every git child: never a prompt of any kind (terminal, askpass, GCM's
 * window: a missing credential ends in an error the app explains), the app's agent, and, for SSH
 * remotes, the same ssh the connection test proved.
 */
export function gitEnvironment(context: GitContext, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const parent = context.sshAuthSock ? { ...context.env, SSH_AUTH_SOCK: context.sshAuthSock } : context.env;
  const platform = context.platform ?? process.platform;
  const ssh = sshCommandDecision(
    context.configuredSshCommand,
    context.home,
    sshProgram(platform, context.env),
    platform,
  );
  return childEnv(
    context.home,
    parent,
    {
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GCM_INTERACTIVE: 'never',
      ...(ssh.kind === 'app' ? { GIT_SSH_COMMAND: ssh.command, GIT_SSH_VARIANT: 'ssh' } : {}),
      ...extra,
    },
    platform,
  );
}

/** The GitContext of whatever holds settings, an environment and a session (a handler's context). */
export function gitContextOf(holder: {
  readonly settings: { readonly home: string };
  readonly env: NodeJS.ProcessEnv;
  readonly session?: {
    readonly sshAuthSock: string | undefined;
    readonly configuredSshCommand?: string | undefined;
  };
}): GitContext {
  return gitContext(holder.settings, holder.env, holder.session);
}

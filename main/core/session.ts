/**
 * What one running app instance remembers between calls, outside any renderer: which SSH agent
 * its children use (the user's own, or one the app started because none was reachable), and
 * what to clean up when it exits. Never a secret.
 */
export interface AppSession {
  /** The agent socket the app's ssh, ssh-add and git children get; undefined when none is known. */
  sshAuthSock: string | undefined;
  /** The person's own global `core.sshCommand`, read once at launch; the app then leaves ssh to it. */
  configuredSshCommand?: string | undefined;
  /**
   * The account the SSH greeting named in this session's last successful connection test (the
   * Hub's API account view compares it with the token's). A user name, never a secret.
   */
  sshGreetingUser?: string | undefined;
  /**
   * How git-lfs starts the app's multipart uploader in this form of the app (packaged, Electron
   * in development, browser mode: main/git/lfs-agent-command.ts), set by the entry; undefined
   * where there is none (tests that do not set it), and then a file over 5 GB is refused as before.
   */
  largeFileAgent?: { readonly path: string; readonly args: string } | undefined;
  /** Set when the app started an agent of its own (Linux, none reachable). */
  ownAgent: { readonly pid: number; readonly socket: string } | undefined;
  /**
   * Run once at exit, newest first (stop the app's agent, remove temp folders). Synchronous: they
   * run from process.on('exit'), where no promise settles.
   */
  readonly cleanups: Array<() => void>;
}

/** A session seeded from the app's environment at launch. */
export function createSession(env: NodeJS.ProcessEnv): AppSession {
  return { sshAuthSock: env.SSH_AUTH_SOCK || undefined, ownAgent: undefined, cleanups: [] };
}

/** Runs the cleanups; safe to call twice. */
export function disposeSession(session: AppSession): void {
  while (session.cleanups.length > 0) {
    try {
      session.cleanups.pop()?.();
    } catch {
      // Best effort at exit: one failed cleanup must not stop the others.
    }
  }
}

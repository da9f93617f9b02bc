import { posix, win32 } from 'node:path';

/**
 * Why: the switch that makes the app's own executable run the multipart agent (the same string as
 * main/lfs-agent's AGENT_SWITCH; main/git does not import the agent).
 */
export const LFS_AGENT_SWITCH = '--hfgd-lfs-multipart';

/** Why: the two values git-lfs starts a custom transfer agent from. */
export interface AgentCommand {
  /** lfs.customtransfer.multipart.path: the program, as a plain path. */
  readonly path: string;
  /** lfs.customtransfer.multipart.args: one string the shell splits ("expanded by the shell"). */
  readonly args: string;
}

/**
 * Why: one word for the POSIX shell. git-lfs runs a custom agent as `sh -c "PATH ARGS"` (tq/custom.go:
 * subprocess.FormatForShell(ShellQuoteSingle(path), args)), on Windows too, with Git for Windows'
 * sh, and its docs say of `lfs.customtransfer.<name>.args`: "Note that this string will be expanded
 * by the shell" (docs/man/git-lfs-config.adoc). Single quotes keep spaces and backslashes as they are.
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Why: how git-lfs starts the app's multipart agent, in each of the app's three forms:
 * - packaged: the app's own executable with the switch (the RunAsNode fuse is off, so it cannot
 *   run a script as node; main/entry/electron.ts answers the switch before any window or lock);
 * - Electron in development (`electron .`): Electron with the app folder and the switch, the same entry;
 * - browser mode (node running out/main/web.js): node running the built script out/main/lfs-agent.js.
 * `appPath` is the app folder (Electron's app.getAppPath(), the repository in development).
 */
export function agentCommand(
  platform: NodeJS.Platform,
  execPath: string,
  packaged: boolean,
  appPath: string,
  electron = false,
): AgentCommand {
  if (packaged) return { path: execPath, args: LFS_AGENT_SWITCH };
  if (electron) return { path: execPath, args: `${shellWord(appPath)} ${LFS_AGENT_SWITCH}` };
  const script = (platform === 'win32' ? win32 : posix).join(appPath, 'out', 'main', 'lfs-agent.js');
  return { path: execPath, args: shellWord(script) };
}

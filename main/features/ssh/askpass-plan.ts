/**
 * The variable that carries the askpass pipe's name (never the passphrase) to the reader. Windows
 * ssh-add starts SSH_ASKPASS with exactly two arguments, the program and the prompt
 * (PowerShell/openssh-portable readpass.c, ssh_askpass: `spawn_argv[0] = askpass; spawn_argv[1] =
 * msg;` then posix_spawnp), so a switch cannot ride on SSH_ASKPASS: the variable is the switch.
 */
export const ASKPASS_PIPE_VARIABLE = 'HFGD_ASKPASS_PIPE';

/** What the app's process is, as far as choosing an askpass goes. */
export interface AskpassHost {
  /** A packaged Electron build: its executable handles the askpass switch at the top of its entry. */
  readonly packaged: boolean;
  /** Electron in development (`electron .`), whose executable can run as plain Node. */
  readonly electron: boolean;
  /** process.execPath: the app's executable, Electron's in development, or node in browser mode. */
  readonly execPath: string;
}

/** How a passphrase reaches ssh-add or ssh-keygen on one platform; pure, so each case is tested. */
export type AskpassPlan =
  /** No passphrase: no askpass at all, and OpenSSH told never to look for one. */
  | { readonly kind: 'none'; readonly env: Readonly<Record<string, string>> }
  /** Linux and macOS: a `#!/bin/sh` script that cats a FIFO (askpass.ts). */
  | { readonly kind: 'fifo' }
  /**
   * Windows: CreateProcessW runs only real executables, so SSH_ASKPASS names one, which reads the
   * passphrase once from a named pipe the app serves. `reader` says whether the app's own entry
   * answers (packaged) or a Node script given by --import (development, browser mode).
   */
  | {
      readonly kind: 'named_pipe';
      readonly reader: 'app_entry' | 'node_script';
      readonly program: string;
      readonly env: Readonly<Record<string, string>>;
    };

/** OpenSSH's own switch for "no askpass, whatever DISPLAY says" (ssh(1), SSH_ASKPASS_REQUIRE=never). */
export const NO_ASKPASS_ENV: Readonly<Record<string, string>> = { SSH_ASKPASS_REQUIRE: 'never' };

/** Quotes a value for NODE_OPTIONS, which splits on spaces but keeps double-quoted runs whole. */
function nodeOptionValue(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * Chooses the askpass: none without a passphrase; the FIFO script off Windows; on Windows the
 * packaged app's executable (the RunAsNode fuse is off, and a packaged app ignores NODE_OPTIONS:
 * Electron's "Environment Variables" docs), or, in development, node (or Electron's unfused
 * development binary as node, ELECTRON_RUN_AS_NODE, same docs) preloading the reader with
 * `--import` from NODE_OPTIONS: Node awaits an --import module, top-level await included, before
 * it looks at the main script, which here is only the prompt ssh-add passes (Node's CLI docs,
 * `--import`), and the reader exits first.
 */
export function askpassPlan(
  platform: NodeJS.Platform,
  hasPassphrase: boolean,
  host: AskpassHost,
  readerUrl: string,
): AskpassPlan {
  if (!hasPassphrase) return { kind: 'none', env: NO_ASKPASS_ENV };
  if (platform !== 'win32') return { kind: 'fifo' };
  // SSH_ASKPASS_REQUIRE=force alone makes ssh-add use the askpass, DISPLAY or not (readpass.c,
  // read_passphrase: "force" sets both use_askpass and allow_askpass).
  const forced = { SSH_ASKPASS: host.execPath, SSH_ASKPASS_REQUIRE: 'force' };
  if (host.packaged) return { kind: 'named_pipe', reader: 'app_entry', program: host.execPath, env: forced };
  return {
    kind: 'named_pipe',
    reader: 'node_script',
    program: host.execPath,
    env: {
      ...forced,
      NODE_OPTIONS: `--import ${nodeOptionValue(readerUrl)}`,
      ...(host.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
    },
  };
}

/**
 * A fresh one-shot pipe name. Windows named pipes live in one namespace per machine
 * (`\\.\pipe\NAME`, Microsoft's "Pipe Names"), so the name is random and single-use.
 */
export function askpassPipeName(random: string): string {
  return `\\\\.\\pipe\\hfgd-askpass-${random}`;
}

/**
 * What the running process is, read without importing Electron: `process.versions.electron`
 * exists only under Electron, and `process.defaultApp` is true when Electron was started with an
 * app folder (`electron .`), undefined in a packaged app (Electron's `process` docs).
 */
export function currentAskpassHost(): AskpassHost {
  const electron = process.versions.electron !== undefined;
  const defaultApp = (process as { defaultApp?: boolean }).defaultApp === true;
  return { packaged: electron && !defaultApp, electron: electron && defaultApp, execPath: process.execPath };
}

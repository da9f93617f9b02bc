import { access, constants } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gitOutcome } from '../../git/core';
import { gitContext } from '../../git/environment';
import { findExecutable } from '../../core/find-executable';

// Which git credential helper keeps the token. The app prefers the OS's secure store, scopes
// what it configures to the Hub's own URL, and never configures anything without a click.

/** A credential helper as git names it in its config (`credential.helper = NAME`). */
export interface HelperInfo {
  readonly name: string;
  /** Where the token ends up: an OS keychain, memory, a plain file, or unknown. */
  readonly storage: 'keychain' | 'memory' | 'plaintext' | 'unknown';
  /** `global` when it serves every host, `hub` when only the Hub's URL. */
  readonly scope: 'global' | 'hub';
  /** git's config scope it came from (system, global, local…). */
  readonly origin: string;
}

/** What the app can do about helpers on this machine. */
export interface HelperPlan {
  /** Helpers git will ask for the Hub's URL today, in order. */
  readonly configured: readonly HelperInfo[];
  /** The helper the app would use: the first secure configured one, or a secure one it can add. */
  readonly secure: { readonly name: string; readonly configured: boolean } | undefined;
  /** The last resort: git's `store` helper, a plain-text file in the home folder (needs consent). */
  readonly plaintextPath: string;
  /** Per-OS advice when no secure helper exists. */
  readonly advice: string;
}

const fileExists = promisify(access);

/** What kind of storage a helper name stands for (first word; paths and `!commands` included). */
export function storageOf(name: string): HelperInfo['storage'] {
  const program = (name.trim().split(/\s+/)[0] ?? '').replace(/^.*[\\/]/, '').replace(/^git-credential-/, '');
  if (/^(osxkeychain|manager|manager-core|wincred|libsecret|gnome-keyring)(\.exe)?$/i.test(program))
    return 'keychain';
  if (program === 'cache') return 'memory';
  if (program === 'store') return 'plaintext';
  return 'unknown';
}

/**
 * Whether a `credential.<url>.helper` key applies to the endpoint, after git's urlmatch rules:
 * same scheme and host (and port), and the config's path a prefix of the endpoint's.
 */
export function urlMatches(pattern: string, endpoint: string): boolean {
  let config: URL;
  let target: URL;
  try {
    config = new URL(pattern);
    target = new URL(endpoint);
  } catch {
    // `credential.huggingface.co.helper` is not a URL: git ignores it for matching too.
    return false;
  }
  if (config.protocol !== target.protocol || config.host !== target.host) return false;
  const path = config.pathname.replace(/\/$/, '');
  return path === '' || target.pathname === path || target.pathname.startsWith(`${path}/`);
}

/**
 * Parses `git config --show-scope --get-regexp` output into the helpers git uses for the
 * endpoint. An empty value resets the list, as git documents for credential.helper.
 */
export function helpersFromConfig(output: string, endpoint: string): HelperInfo[] {
  let helpers: HelperInfo[] = [];
  for (const line of output.split('\n')) {
    const match = /^(\S+)\t(\S+)(?: (.*))?$/.exec(line);
    if (!match) continue;
    const [, origin = '', key = '', value = ''] = match;
    const lower = key.toLowerCase();
    let scope: HelperInfo['scope'];
    if (lower === 'credential.helper') scope = 'global';
    else if (lower.startsWith('credential.') && lower.endsWith('.helper')) {
      if (!urlMatches(key.slice('credential.'.length, -'.helper'.length), endpoint)) continue;
      scope = 'hub';
    } else continue;
    if (value.trim() === '') helpers = [];
    else helpers.push({ name: value.trim(), storage: storageOf(value), scope, origin });
  }
  return helpers;
}

/** The helpers git uses for the endpoint today. */
export async function configuredHelpers(
  home: string,
  endpoint: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HelperInfo[]> {
  // Exit 1: no helper is configured; without git there is none either (the machine check says why).
  const outcome = await gitOutcome(
    gitContext({ home }, env),
    ['config', '--show-scope', '--get-regexp', '^credential\\..*helper$'],
    {
      timeoutMs: 10_000,
    },
  );
  return helpersFromConfig(outcome.exitCode === 0 ? outcome.stdout : '', endpoint);
}

/** A secure helper installed but not configured, by platform (the names git's config uses). */
async function installedSecureHelper(
  home: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<string | undefined> {
  const execPath = (
    await gitOutcome(gitContext({ home }, env), ['--exec-path'], { timeoutMs: 10_000 })
  ).stdout.trim();
  const exists = async (program: string): Promise<boolean> => {
    if (await findExecutable(program, env, platform)) return true;
    if (!execPath) return false;
    const suffix = platform === 'win32' ? '.exe' : '';
    return fileExists(join(execPath, `${program}${suffix}`), constants.X_OK).then(
      () => true,
      () => false,
    );
  };
  if (platform === 'darwin' && (await exists('git-credential-osxkeychain'))) return 'osxkeychain';
  // Git Credential Manager: Git for Windows ships it and names it `manager`; elsewhere it is
  // installed as git-credential-manager.
  if (await exists('git-credential-manager')) return 'manager';
  if (platform === 'win32' && (await exists('git-credential-wincred'))) return 'wincred';
  if (platform === 'linux' && (await exists('git-credential-libsecret'))) return 'libsecret';
  return undefined;
}

function adviceFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'Git on this Mac has no keychain helper. Install Git from https://git-scm.com or with Homebrew (brew install git); both include it.';
  if (platform === 'win32')
    return 'Install Git for Windows from https://git-scm.com: it includes Git Credential Manager, which keeps tokens in the Windows Credential Manager.';
  return 'Install Git Credential Manager (https://github.com/git-ecosystem/git-credential-manager) or your distribution’s git-credential-libsecret, then check again.';
}

/** What the app would do to keep a token for git on this machine. */
export async function planHelpers(
  home: string,
  endpoint: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<HelperPlan> {
  const configured = await configuredHelpers(home, endpoint, env);
  const secureConfigured = configured.find((helper) => helper.storage === 'keychain');
  const installed = secureConfigured ? undefined : await installedSecureHelper(home, env, platform);
  return {
    configured,
    secure: secureConfigured
      ? { name: secureConfigured.name, configured: true }
      : installed
        ? { name: installed, configured: false }
        : undefined,
    plaintextPath: join(home, '.git-credentials'),
    advice: adviceFor(platform),
  };
}

/**
 * Adds `credential.<endpoint>.helper = NAME` to the user's global config, so the helper serves the
 * Hub only. git edits the file in place through its lock file; nothing else in it changes.
 */
export async function configureHubHelper(
  home: string,
  endpoint: string,
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ readonly ok: boolean; readonly details: string }> {
  const key = `credential.${new URL(endpoint).origin}.helper`;
  // A refused write (a locked or unwritable config) is reported to the person, not thrown.
  const outcome = await gitOutcome(gitContext({ home }, env), ['config', '--global', '--add', key, name], {
    timeoutMs: 10_000,
  });
  return { ok: outcome.exitCode === 0, details: outcome.stderr.trim() };
}

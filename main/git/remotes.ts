import type { RepoRemote } from '../../preload/contract';
import { redactSecrets } from '../core/redact';
import { git, type GitContext, type SharedConfig } from './core';
import { RepoPathError } from './repo-path';
import { readRemoteUrl, type RemoteUrlInfo } from './remote-url';

// A repository's remotes, read for credential hygiene (a token in an address) and to know
// which Hub repository a push goes to; URLs never leave main unredacted.

export interface RemoteEntry extends RemoteUrlInfo {
  readonly name: string;
  /** The URL as the app may show it: secrets replaced by ***. */
  readonly shown: string;
}

/** Names git accepts for a remote that cannot be read as an option. */
export const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

/** The repository's remotes, read from its config (one `git config` call; URLs never shown raw). */
export async function listRemotes(
  context: GitContext,
  repoPath: string,
  hub: { readonly endpoint: string; readonly sshHost: string },
  /** The repository's whole config, when the caller read it already (the state call). */
  shared?: SharedConfig,
): Promise<RemoteEntry[]> {
  const listed = await localUrls(context, repoPath, shared);
  // Exit 1: no remote is configured.
  const lines =
    listed ??
    (
      await git(context, ['config', '--local', '--get-regexp', '^remote\\..*\\.url$'], {
        cwd: repoPath,
        timeoutMs: 10_000,
        okExitCodes: [0, 1],
      })
    ).stdout;
  return lines.split('\n').flatMap((line) => {
    const match = /^remote\.(.+)\.url (.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) return [];
    return [
      {
        name: match[1],
        shown: redactSecrets(match[2]),
        ...readRemoteUrl(match[2], hub.endpoint, hub.sshHost),
      },
    ];
  });
}

/** Keys that pull another file into the config that names them (git-config(1) "Includes"). */
const INCLUDE_KEY = /^include(?:if\..*)?\.path$/i;

/**
 * The remote URLs of the repository's own config file, as `git config --local --get-regexp`
 * prints them ("key value" lines, a key with no value alone), from the shared config list:
 * its "local" entries are that file's, unless the file includes another (whose entries are
 * "local" too, but which --local does not read). Undefined when the list cannot say.
 */
async function localUrls(
  context: GitContext,
  repoPath: string,
  shared: SharedConfig | undefined,
): Promise<string | undefined> {
  if (shared?.context !== context || shared.cwd !== repoPath) return undefined;
  const entries = await shared.entries;
  if (!entries) return undefined;
  const local = entries.filter((entry) => entry.scope === 'local');
  if (local.some((entry) => INCLUDE_KEY.test(entry.key))) return undefined;
  return local
    .filter((entry) => /^remote\..*\.url$/.test(entry.key))
    .map((entry) => (entry.valueless ? entry.key : `${entry.key} ${entry.value}`))
    .join('\n');
}

/** The remote a push goes to when none is named: origin, else the first. */
export function mainRemote<T extends { readonly name: string }>(remotes: readonly T[]): T | undefined {
  return remotes.find((remote) => remote.name === 'origin') ?? remotes[0];
}

/** A remote as the renderer may see it (RepoRemote without a prediction). */
export function remoteView(remote: RemoteEntry): RepoRemote {
  return {
    name: remote.name,
    shown: remote.shown,
    kind: remote.kind,
    hasSecret: remote.hasSecret,
    ...(remote.repo === undefined ? {} : { repo: remote.repo }),
    ...(remote.username === undefined ? {} : { username: remote.username }),
  };
}

/** Points a remote at a clean URL (no userinfo); the name was checked against the repo's own. */
export async function setRemoteUrl(
  context: GitContext,
  repoPath: string,
  remote: string,
  url: string,
): Promise<void> {
  if (!REMOTE_NAME.test(remote)) throw new RepoPathError('That is not a remote name.');
  await git(context, ['remote', 'set-url', '--', remote, url], { cwd: repoPath, timeoutMs: 10_000 }).catch(
    (error: Error) => {
      throw new RepoPathError(redactSecrets(error.message) || 'git remote set-url failed.');
    },
  );
}

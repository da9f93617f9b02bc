import type { RepoRemote } from '../../preload/contract';
import { redactSecrets } from '../core/redact';
import { git, type GitContext } from './core';
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
): Promise<RemoteEntry[]> {
  // Exit 1: no remote is configured.
  const outcome = await git(context, ['config', '--local', '--get-regexp', '^remote\\..*\\.url$'], {
    cwd: repoPath,
    timeoutMs: 10_000,
    okExitCodes: [0, 1],
  });
  return outcome.stdout.split('\n').flatMap((line) => {
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

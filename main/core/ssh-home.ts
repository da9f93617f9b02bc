import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * OpenSSH finds ~/.ssh through the password database, not $HOME. When the app works on another
 * home folder (HFGD_HOME, as every test does), ssh must be told where that folder's config and
 * known_hosts are; for the user's real home nothing is added, so ssh behaves exactly as git's will.
 */
export function sshHomeArgs(home: string): string[] {
  if (isRealHome(home)) return [];
  const config = join(home, '.ssh', 'config');
  // ssh splits option values on spaces unless quoted; home folders can have spaces.
  const quoted = (path: string): string => `"${path}"`;
  return [
    '-F',
    existsSync(config) ? config : '/dev/null',
    '-o',
    `UserKnownHostsFile=${quoted(join(home, '.ssh', 'known_hosts'))}`,
    // ssh's default identity files, but in this home rather than the real one.
    ...['id_rsa', 'id_ecdsa', 'id_ed25519'].flatMap((name) => [
      '-o',
      `IdentityFile=${quoted(join(home, '.ssh', name))}`,
    ]),
  ];
}

/** Whether the folder is the user's home as OpenSSH sees it. */
export function isRealHome(home: string): boolean {
  try {
    return userInfo().homedir === home;
  } catch {
    return false;
  }
}

import { git, type GitContext, type SharedConfig } from './core';
import type { ConfigEntry } from './safety';

// The settings the repository screen reads on every refresh, in one `git config` process: who
// commits (user.name, user.email) and the lfs.* keys that decide the 5 GB rule. One process
// instead of three matters on a big tree: the state call's cost is mostly processes started.

export interface RepoConfig {
  /** user.name and user.email as git resolves them (the last value wins), or null when either is missing. */
  readonly identity: { readonly name: string; readonly email: string } | null;
  /** The lfs.* keys as `git config --get-regexp` prints them ("key value" lines), for transfersFromConfig. */
  readonly lfs: string;
}

/**
 * Reads both at once, every scope (`-z`: "key LF value NUL" per entry, git-config(1)). With the
 * repository's whole config already read for the safety options (`shared`), no process at all:
 * that list is every scope too, in the same order, so the same keys win.
 */
export async function readRepoConfig(
  context: GitContext,
  repoPath: string,
  shared?: SharedConfig,
): Promise<RepoConfig> {
  const listed = shared?.context === context && shared.cwd === repoPath ? await shared.entries : null;
  if (listed) return repoConfigOf(listed);
  // Exit 1: none of these keys is set.
  const out = await git(context, ['config', '-z', '--get-regexp', '^(user\\.(name|email)|lfs\\..+)$'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  return repoConfigOf(
    out.stdout.split('\u0000').map((entry) => {
      const newline = entry.indexOf('\n');
      return {
        key: newline < 0 ? entry : entry.slice(0, newline),
        value: newline < 0 ? '' : entry.slice(newline + 1),
      };
    }),
  );
}

/** Who commits and the lfs.* keys, from config entries in git's order (the last value wins). */
function repoConfigOf(entries: readonly Pick<ConfigEntry, 'key' | 'value'>[]): RepoConfig {
  const user = new Map<string, string>();
  const lfs: string[] = [];
  for (const entry of entries) {
    const key = entry.key.toLowerCase();
    const value = entry.value;
    if (key === 'user.name' || key === 'user.email') user.set(key, value.trim());
    else if (key.startsWith('lfs.')) lfs.push(`${key} ${value.replace(/\n/g, ' ')}`);
  }
  const name = user.get('user.name') ?? '';
  const email = user.get('user.email') ?? '';
  return { identity: name && email ? { name, email } : null, lfs: lfs.join('\n') };
}

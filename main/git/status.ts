import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { git, type GitContext } from './core';
import { readIdentity } from './config';

// What changed in a work tree: `git status --porcelain=v2` read once, with each file's size.

export interface ChangedFile {
  readonly path: string;
  /** Two-letter porcelain status: "M ", " M", "??", "A ", "D "… */
  readonly status: string;
  readonly staged: boolean;
  /** Size in the work tree (0 when deleted). */
  readonly size: number;
}

export interface RepoStatus {
  readonly branch: string | null;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly changes: readonly ChangedFile[];
  /** Whether git knows who is committing (user.name and user.email). */
  readonly identity: { readonly name: string; readonly email: string } | null;
}

/**
 * The branch, its distance from its upstream, the changed files and who commits. A submodule's
 * own edits are not looked into (`--ignore-submodules=dirty`): that would run `git status` inside
 * it under its own config, which the safety options of core.ts cannot take back (safety.ts).
 */
export async function repoStatus(context: GitContext, repoPath: string): Promise<RepoStatus> {
  const out = await git(
    context,
    ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--ignore-submodules=dirty'],
    { cwd: repoPath },
  );
  let branch: string | null = null;
  let upstream: string | null = null;
  let ahead = 0;
  let behind = 0;
  const changes: ChangedFile[] = [];
  const entries = out.stdout.split('\u0000');
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] ?? '';
    if (entry.startsWith('# branch.head '))
      branch = entry.slice(14) === '(detached)' ? null : entry.slice(14);
    else if (entry.startsWith('# branch.upstream ')) upstream = entry.slice(18);
    else if (entry.startsWith('# branch.ab ')) {
      const [a = '+0', b = '-0'] = entry.slice(12).split(' ');
      ahead = Number(a.slice(1));
      behind = Number(b.slice(1));
    } else if (entry.startsWith('1 ') || entry.startsWith('2 ')) {
      const fields = entry.split(' ');
      const xy = (fields[1] ?? '..').replace(/\./g, ' ');
      const path = fields.slice(entry.startsWith('1 ') ? 8 : 9).join(' ');
      if (entry.startsWith('2 ')) index += 1; // the rename's original path follows
      changes.push({ path, status: xy, staged: xy[0] !== ' ', size: 0 });
    } else if (entry.startsWith('? '))
      changes.push({ path: entry.slice(2), status: '??', staged: false, size: 0 });
  }
  const sized = await Promise.all(
    changes.map(async (change) => ({
      ...change,
      size: await lstat(join(repoPath, change.path)).then(
        (info) => info.size,
        () => 0,
      ),
    })),
  );
  return { branch, upstream, ahead, behind, changes: sized, identity: await readIdentity(context, repoPath) };
}

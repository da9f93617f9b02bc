import { git, type GitContext } from './core';

/** One stash, named by its commit id (stable while others are added or dropped, unlike stash@{N}). */
export interface StashEntry {
  readonly commit: string;
  /** The stash's subject as git stash list shows it ("On main: hfgd: set aside before pull"). */
  readonly message: string;
  /** When it was made, ISO. */
  readonly at: string;
}

/** The repository's stashes, newest first (`git stash list`, which reads the refs/stash reflog). */
export async function listStashes(context: GitContext, repoPath: string): Promise<StashEntry[]> {
  const out = await git(context, ['stash', 'list', '-z', '--format=%H%x01%gs%x01%cI'], { cwd: repoPath });
  return out.stdout
    .split('\u0000')
    .filter((record) => record.trim() !== '')
    .map((record) => {
      const [commit = '', message = '', at = ''] = record.replace(/^\n/, '').split('\u0001');
      return { commit, message, at };
    });
}

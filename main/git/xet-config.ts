import { git, type GitContext } from './core';
import { readConfig } from './config';

// git-xet is a git-lfs custom transfer agent (xet-core git_xet): `git xet install` writes, in the
// global config by default (`--local` for one repository), lfs.customtransfer.xet.path = git-xet,
// .args = transfer and .concurrent = true (git_xet/src/app/install.rs). git-lfs then offers "xet"
// in its batch requests and the Hub answers it for repositories on Xet storage; plain LFS keeps
// working otherwise (hub-docs xet/legacy-git-lfs.md).

const PATH_KEY = 'lfs.customtransfer.xet.path';

/**
 * Why: sets git-xet up for one repository, as `git xet install --local` does, when it is not set
 * up in any scope yet; `program` is where the app found it (a full path, so git-lfs finds it from
 * a terminal too, whatever that terminal's PATH). Returns whether it changed anything; never
 * touches a setting the person made.
 */
export async function useXet(context: GitContext, repoPath: string, program: string): Promise<boolean> {
  if ((await readConfig(context, PATH_KEY, { cwd: repoPath })) !== '') return false;
  await git(context, ['config', '--local', PATH_KEY, program], { cwd: repoPath });
  await git(context, ['config', '--local', 'lfs.customtransfer.xet.args', 'transfer'], { cwd: repoPath });
  await git(context, ['config', '--local', 'lfs.customtransfer.xet.concurrent', 'true'], { cwd: repoPath });
  return true;
}

/** Why: the one sentence the push shows when it set git-xet up. */
export const XET_SENTENCE =
  'Git Xet is installed on this computer, so the app set this repository to send its large files through it: a new version of a file then uploads only the parts that changed.';

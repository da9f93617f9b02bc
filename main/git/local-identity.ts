import { git, type GitContext } from './core';

/**
 * Why: the identity asked once while publishing belongs to that repository only: written with
 * `git config --local`, so the person's global settings (maybe another identity for work) stay.
 */
export async function setLocalIdentity(
  context: GitContext,
  repoPath: string,
  identity: { readonly name: string; readonly email: string },
): Promise<void> {
  await git(context, ['config', '--local', 'user.name', identity.name], { cwd: repoPath });
  await git(context, ['config', '--local', 'user.email', identity.email], { cwd: repoPath });
}

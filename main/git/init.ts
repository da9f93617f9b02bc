import { git, type GitContext } from './core';

/**
 * Why: publishing a plain folder makes it a repository whose branch is the Hub's default, `main`
 * (new Hub repositories start on main), so the first push lands where the Hub shows it. `-b`
 * (git 2.28+) names the unborn branch; nothing in the folder is read or changed but `.git`.
 */
export async function initRepo(context: GitContext, path: string): Promise<void> {
  await git(context, ['init', '--quiet', '-b', 'main', '--', path], { cwd: path });
}

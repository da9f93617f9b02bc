import { git, type GitContext } from './core';

// The folders .gitignore leaves out (a virtual environment, node_modules, build output), read
// with `git ls-files --others --ignored --directory`: nothing in them ever shows in the changes
// list, so the work-tree watcher need not watch their thousands of folders.

/** Each ignored folder of the work tree, relative, with forward slashes and no trailing slash. */
export async function ignoredFolders(context: GitContext, repoPath: string): Promise<string[]> {
  const out = await git(
    context,
    ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--no-empty-directory'],
    { cwd: repoPath, timeoutMs: 60_000 },
  );
  return out.stdout
    .split('\u0000')
    .filter((entry) => entry.endsWith('/'))
    .map((entry) => entry.slice(0, -1));
}

import { git, type GitContext } from './core';

// Naming commits with `git rev-parse`: what the renderer sends as a commit (an object id or a
// ref) is resolved here before any other command sees it, so it can never be read as an option.

/** The commit `revision` names (an object id or a ref git resolves), or null when it names none. */
export async function resolveCommit(
  context: GitContext,
  repoPath: string,
  revision: string,
): Promise<string | null> {
  // --end-of-options: a revision starting with "-" is a name, never an option (git-rev-parse(1)).
  // Exit 1 with --quiet: nothing by that name, or not a commit (an unborn HEAD too). Anything
  // else (a lost object, a damaged repository) is a failure to explain, not "no commit".
  const out = await git(
    context,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
    { cwd: repoPath, okExitCodes: [0, 1], timeoutMs: 10_000 },
  );
  const oid = out.stdout.trim();
  return out.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(oid) ? oid : null;
}

/**
 * The commit HEAD points at, or null in a repository with no commit yet (an unborn branch).
 * HEAD itself, not `HEAD^{commit}`: that is also "nothing" when HEAD's object is lost, and a
 * damaged repository must fail in words later (git log's "bad object"), not look empty.
 */
export async function headCommit(context: GitContext, repoPath: string): Promise<string | null> {
  const out = await git(context, ['rev-parse', '--verify', '--quiet', 'HEAD'], {
    cwd: repoPath,
    okExitCodes: [0, 1],
    timeoutMs: 10_000,
  });
  const oid = out.stdout.trim();
  return out.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(oid) ? oid : null;
}

/** A commit's first parent (what the app diffs it against), or null for a root commit. */
export function firstParent(context: GitContext, repoPath: string, commit: string): Promise<string | null> {
  return resolveCommit(context, repoPath, `${commit}^1`);
}

/**
 * The empty tree of the repository's hash (what a root commit is compared with). git knows it
 * without it being stored (the well-known ids of sha1 and sha256 repositories).
 */
export async function emptyTree(context: GitContext, repoPath: string): Promise<string> {
  const out = await git(context, ['rev-parse', '--show-object-format'], { cwd: repoPath, timeoutMs: 10_000 });
  return out.stdout.trim() === 'sha256'
    ? '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321'
    : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
}

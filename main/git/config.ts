import { git, GitError, type GitContext } from './core';

/** One config value as git resolves it (repository, then global), or '' when it is not set. */
export async function readConfig(
  context: GitContext,
  key: string,
  options: { readonly cwd?: string; readonly global?: boolean } = {},
): Promise<string> {
  // Exit 1: the key is not set. Without git, nothing is set either (the machine check says why).
  const out = await git(context, ['config', ...(options.global ? ['--global'] : []), '--get', key], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    okExitCodes: [0, 1],
  }).catch((error: unknown) => {
    if (error instanceof GitError && error.result.notFound) return error.result;
    throw error;
  });
  return out.exitCode === 0 ? out.stdout.trim() : '';
}

/** Who commits in this repository (user.name and user.email), or null when either is missing. */
export async function readIdentity(
  context: GitContext,
  repoPath: string,
): Promise<{ readonly name: string; readonly email: string } | null> {
  const name = await readConfig(context, 'user.name', { cwd: repoPath });
  const email = await readConfig(context, 'user.email', { cwd: repoPath });
  return name && email ? { name, email } : null;
}

/** Sets who commits, in the user's global git config (git edits it in place; nothing else changes). */
export async function setIdentity(context: GitContext, name: string, email: string): Promise<void> {
  for (const [key, value] of [
    ['user.name', name],
    ['user.email', email],
  ] as const)
    await git(context, ['config', '--global', key, value], { cwd: context.home });
}

/**
 * The person's own `git config --global core.sshCommand`, if any: it says which ssh they want,
 * and the app's GIT_SSH_COMMAND would silently win over it (git-config(1), core.sshCommand: "is
 * overridden when the environment variable is set"). Read once at launch into the session.
 */
export async function readGlobalSshCommand(context: GitContext): Promise<string | undefined> {
  const value = await readConfig(context, 'core.sshCommand', { cwd: context.home, global: true });
  return value === '' ? undefined : value;
}

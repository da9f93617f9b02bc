import type { AppSession } from '../../core/session';
import { redactSecrets } from '../../core/redact';
import { findExecutable } from '../../core/find-executable';
import type { Settings } from '../../core/settings';
import { git } from '../../git/objects';
import type { ProgressEvent } from '../../git/progress';
import { remoteRun, type RemoteRun } from '../../git/workflow';

// Large files: Git LFS set up for the user (with consent), Xet noticed when present, pointers
// replaced by content, and files moved to LFS (history rewritten only with consent and a backup).

export interface LfsState {
  /** git-lfs is on PATH. */
  readonly installed: boolean;
  /** `git lfs install` was run for this user (the filter is in the global config). */
  readonly configured: boolean;
  /** git-xet is on PATH (the Hub's recommended transfer agent for large files). */
  readonly xet: boolean;
  /** How to get git-lfs on this OS, when it is missing. */
  readonly howToInstall: string;
}

export function lfsInstallAdvice(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'Install it with Homebrew: brew install git-lfs (or from https://git-lfs.com).';
  if (platform === 'win32')
    return 'Git for Windows includes Git LFS; reinstall Git from https://git-scm.com with its default options.';
  return 'Install it with your package manager: sudo apt install git-lfs (Debian, Ubuntu) or sudo dnf install git-lfs (Fedora).';
}

export async function lfsState(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): Promise<LfsState> {
  const installed = (await findExecutable('git-lfs', env, platform)) !== undefined;
  const filter = await git(
    settings.home,
    settings.home,
    ['config', '--global', '--get', 'filter.lfs.process'],
    env,
  );
  return {
    installed,
    configured: filter.code === 0 && filter.stdout.includes('git-lfs'),
    xet: (await findExecutable('git-xet', env, platform)) !== undefined,
    howToInstall: lfsInstallAdvice(platform),
  };
}

/** `git lfs install` for this user: adds the LFS filter to the global git config (asked first). */
export async function installLfs(settings: Settings, env: NodeJS.ProcessEnv): Promise<void> {
  const out = await git(settings.home, settings.home, ['lfs', 'install'], env);
  if (out.code !== 0) throw new Error(out.stderr.trim() || 'git lfs install failed');
}

/** Replaces pointer stubs with their content (`git lfs pull`), with progress. */
export function lfsPull(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  repoPath: string,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void } = {},
): Promise<RemoteRun> {
  return remoteRun(settings, session, env, repoPath, ['lfs', 'pull'], options);
}

/** `git lfs track PATTERN` and re-stages the matching files so the next commit stores them in LFS. */
export async function trackWithLfs(
  settings: Settings,
  repoPath: string,
  pattern: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  // eslint-disable-next-line no-control-regex
  if (pattern.startsWith('-') || /[\u0000-\u001f]/.test(pattern))
    throw new Error('That is not a file pattern.');
  const tracked = await git(settings.home, repoPath, ['lfs', 'track', '--', pattern], env);
  if (tracked.code !== 0) throw new Error(redactSecrets(tracked.stderr.trim()) || 'git lfs track failed');
  await git(settings.home, repoPath, ['add', '--', '.gitattributes'], env);
  // Files already staged as plain blobs are staged again through the LFS filter.
  await git(settings.home, repoPath, ['add', '--renormalize', '--', '.'], env);
  return (await git(settings.home, repoPath, ['diff', '--cached', '--', '.gitattributes'], env)).stdout;
}

/**
 * Moves files matching `pattern` into LFS in the commits not yet pushed (`git lfs migrate
 * import`). Rewrites those commits, so it needs the person's explicit consent, and first keeps
 * the old branch as hfgd-backup-<time>.
 */
export async function migrateToLfs(
  settings: Settings,
  repoPath: string,
  pattern: string,
  consent: boolean,
  env: NodeJS.ProcessEnv,
  now = new Date(),
): Promise<{ readonly backupBranch: string }> {
  if (!consent) throw new Error('Rewriting commits needs your consent.');
  // eslint-disable-next-line no-control-regex
  if (pattern.startsWith('-') || /[\u0000-\u001f,]/.test(pattern))
    throw new Error('That is not a file pattern.');
  const branch = (await git(settings.home, repoPath, ['symbolic-ref', '--short', 'HEAD'], env)).stdout.trim();
  if (!branch) throw new Error('Check out a branch first.');
  const backupBranch = `hfgd-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
  const backup = await git(settings.home, repoPath, ['branch', backupBranch, 'HEAD'], env);
  if (backup.code !== 0) throw new Error(backup.stderr.trim() || 'Could not make the backup branch.');
  const upstream = (
    await git(settings.home, repoPath, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}'], env)
  ).stdout.trim();
  const migrated = await git(
    settings.home,
    repoPath,
    [
      'lfs',
      'migrate',
      'import',
      `--include=${pattern}`,
      `--include-ref=refs/heads/${branch}`,
      ...(upstream ? [`--exclude-ref=refs/remotes/${upstream}`] : []),
      '--yes',
    ],
    env,
  );
  if (migrated.code !== 0) throw new Error(redactSecrets(migrated.stderr.trim()) || 'git lfs migrate failed');
  // migrate leaves the moved files as pointers in the work tree; put the person's bytes back.
  await git(settings.home, repoPath, ['lfs', 'checkout'], env);
  return { backupBranch };
}

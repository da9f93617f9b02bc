import type { AppSession } from '../../core/session';
import { findExecutable } from '../../core/find-executable';
import type { Settings } from '../../core/settings';
import { readConfig } from '../../git/config';
import { createBackup } from '../../git/backup-branch';
import { git } from '../../git/core';
import { gitContext, gitEnvironment } from '../../git/environment';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressEvent } from '../../git/progress';
import { stashDrop } from '../../git/stash';
import { remoteRun, type RemoteRun } from '../../git/remote-run';
import { SafetyError } from './safety/errors';
import { putBack, setAside } from './safety/guard';
import { restoreExactly } from './safety/restore-exactly';
import { changes } from './safety/words';

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

/**
 * The files `git config --global` reads, each with what changes when it is written (or
 * "missing"): GIT_CONFIG_GLOBAL alone when set, else ~/.gitconfig and the XDG one
 * (git-config(1) FILES). `--global` follows no include, so these are all it reads.
 */
async function globalConfigKey(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const home = env.HOME ?? env.USERPROFILE;
  if (!home) return undefined;
  const files = env.GIT_CONFIG_GLOBAL
    ? [env.GIT_CONFIG_GLOBAL]
    : [join(home, '.gitconfig'), join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config')];
  const stamps = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file, { bigint: true }).catch(() => undefined);
      return info
        ? `${file}\u0000${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`
        : `${file}\u0000missing`;
    }),
  );
  return stamps.join('\u0000');
}

/** The last global filter.lfs.process read, under the key of the files it came from. */
let globalFilter: { readonly key: string; readonly value: string } | undefined;

/** `git config --global --get filter.lfs.process`, read again only when a global config file changed. */
async function globalLfsFilter(settings: Settings, env: NodeJS.ProcessEnv): Promise<string> {
  const context = gitContext(settings, env);
  // The key before the read: a write meanwhile leaves a newer value under an older key, read again next time.
  const key = await globalConfigKey(gitEnvironment(context));
  if (key !== undefined && globalFilter?.key === key) return globalFilter.value;
  const value = await readConfig(context, 'filter.lfs.process', { cwd: settings.home, global: true });
  // Only a value git printed is kept: an empty one may also be git missing from PATH for now.
  if (key !== undefined && value !== '') globalFilter = { key, value };
  return value;
}

export async function lfsState(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): Promise<LfsState> {
  const installed = (await findExecutable('git-lfs', env, platform)) !== undefined;
  const filter = await globalLfsFilter(settings, env);
  return {
    installed,
    configured: filter.includes('git-lfs'),
    xet: (await findExecutable('git-xet', env, platform)) !== undefined,
    howToInstall: lfsInstallAdvice(platform),
  };
}

/** `git lfs install` for this user: adds the LFS filter to the global git config (asked first). */
export async function installLfs(settings: Settings, env: NodeJS.ProcessEnv): Promise<void> {
  await git(gitContext(settings, env), ['lfs', 'install'], { cwd: settings.home });
}

/** Replaces pointer stubs with their content (`git lfs pull`), with progress. */
export function lfsPull(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  repoPath: string,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void } = {},
): Promise<RemoteRun> {
  return remoteRun(gitContext(settings, env, session), ['lfs', 'pull'], { ...options, cwd: repoPath });
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
  const run = (args: readonly string[]) => git(gitContext(settings, env), args, { cwd: repoPath });
  await run(['lfs', 'track', '--', pattern]);
  await run(['add', '--', '.gitattributes']);
  // Files already staged as plain blobs are staged again through the LFS filter.
  await run(['add', '--renormalize', '--', '.']);
  return (await run(['diff', '--cached', '--', '.gitattributes'])).stdout;
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
): Promise<{ readonly backupBranch: string; readonly notes: readonly string[] }> {
  if (!consent) throw new Error('Rewriting commits needs your consent.');
  // eslint-disable-next-line no-control-regex
  if (pattern.startsWith('-') || /[\u0000-\u001f,]/.test(pattern))
    throw new Error('That is not a file pattern.');
  const context = gitContext(settings, env);
  const run = (args: readonly string[], okExitCodes?: readonly number[]) =>
    git(context, args, { cwd: repoPath, ...(okExitCodes ? { okExitCodes } : {}) });
  // Exit 128: HEAD is detached (or the repository has no commit yet).
  const branch = (await run(['symbolic-ref', '--short', 'HEAD'], [0, 128])).stdout.trim();
  if (!branch) throw new Error('Check out a branch first.');
  const saved = (await run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.trim();
  // The move adds its pattern to .gitattributes: an uncommitted edit of that file would clash.
  if ((await run(['status', '--porcelain', '-z', '--', '.gitattributes'])).stdout !== '')
    throw new SafetyError(
      'not_allowed',
      'Your change to .gitattributes is not committed yet, and moving files into LFS edits that file.',
      'Commit that change first (or undo it), then move the files into LFS.',
    );
  const backupBranch = await createBackup(
    context,
    repoPath,
    saved,
    'hfgd: backup before git lfs migrate',
    now,
  );
  // `git lfs migrate import` checks the rewritten branch out over the work tree: uncommitted
  // edits, deletions and new files would be gone (issue 12). They are set aside first.
  const aside = await setAside(context, repoPath, 'hfgd: set aside before moving files into LFS');
  try {
    await migrate(run, branch, pattern);
  } catch (error) {
    await putBack(context, repoPath, aside);
    throw error;
  }
  // migrate rewrites every local branch at the commits it rewrites, the backup included (seen with
  // git-lfs 3.3): put the backup back at the commits it was made to keep.
  await run([
    'update-ref',
    '-m',
    'hfgd: the commits before git lfs migrate',
    `refs/heads/${backupBranch}`,
    saved,
  ]);
  // migrate leaves the moved files as pointers in the work tree; put the person's bytes back.
  await run(['lfs', 'checkout']);
  // The files hold the same bytes after the move, only stored differently, so the set-aside work
  // is written back as it was rather than merged (safety/restore-exactly.ts says why).
  if (aside.stash === null) return { backupBranch, notes: [] };
  try {
    await restoreExactly(context, repoPath, aside.stash);
  } catch (error) {
    return {
      backupBranch,
      notes: [
        `Your ${changes(aside.count)} ${aside.count === 1 ? 'is' : 'are'} kept set aside, because they could not be put back (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Nothing is lost: bring them back from the list of set-aside changes.`,
      ],
    };
  }
  await stashDrop(context, repoPath, aside.stash);
  return {
    backupBranch,
    notes: [`Your ${changes(aside.count)} ${aside.count === 1 ? 'was' : 'were'} set aside and put back.`],
  };
}

/** `git lfs migrate import` of the branch's commits not on its upstream yet. */
async function migrate(
  run: (args: readonly string[], okExitCodes?: readonly number[]) => Promise<{ readonly stdout: string }>,
  branch: string,
  pattern: string,
): Promise<void> {
  // Exit 128: the branch has no upstream yet (never pushed).
  const upstream = (
    await run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}'], [0, 128])
  ).stdout.trim();
  await run([
    'lfs',
    'migrate',
    'import',
    `--include=${pattern}`,
    `--include-ref=refs/heads/${branch}`,
    ...(upstream ? [`--exclude-ref=refs/remotes/${upstream}`] : []),
    '--yes',
  ]);
}

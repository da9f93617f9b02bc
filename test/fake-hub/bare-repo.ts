// The fake hub's bare repositories on disk: made empty (FakeHub.createRepo, as the tests always
// had them) or, when the Hub's API creates one, with the Hub's first commit (the default
// .gitattributes of LFS patterns, and a README with YAML front matter for a Space).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why: the repository paths the Hub has: NAME/REPO, datasets/NAME/REPO, spaces/NAME/REPO. */
export const REPO_PATH = /^(?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;

/** Why: one git call on a bare repository, failing loudly (the fake hub's own state must not drift). */
export function gitIn(
  gitDir: string,
  args: readonly string[],
  input?: string,
  env: NodeJS.ProcessEnv = {},
): string {
  const done = spawnSync('git', ['--git-dir', gitDir, ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, HOME: gitDir, GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
  if (done.status !== 0) throw new Error(`fake hub: git ${args[0]} failed: ${done.stderr}`);
  return done.stdout;
}

/** Why: the commit a ref names, or undefined (for FakeHub.refOf and the API's sha fields). */
export function refSha(gitDir: string, ref: string): string | undefined {
  const done = spawnSync(
    'git',
    ['--git-dir', gitDir, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: gitDir, GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
  return done.status === 0 ? done.stdout.trim() : undefined;
}

/** Why: an empty bare repository (branch main) with the Hub's push rules as its pre-receive hook. */
export function initBareRepo(gitDir: string): void {
  const made = spawnSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', gitDir]);
  if (made.status !== 0) throw new Error(`fake hub: git init failed: ${made.stderr}`);
  spawnSync('git', ['--git-dir', gitDir, 'config', 'http.receivepack', 'true']);
  // The Hub's push rules (10 MiB, binary files over 1 MiB) as a real pre-receive hook.
  copyFileSync(join(__dirname, 'pre-receive.cjs'), join(gitDir, 'hooks', 'pre-receive'));
  chmodSync(join(gitDir, 'hooks', 'pre-receive'), 0o755);
}

/**
 * Why: writes one commit on main holding `files` (path to content), as the Hub's "initial commit"
 * (the message every new Hub repository's first commit carries). The author's email is the fake's
 * own (the Hub's is unverified).
 */
export function commitFiles(gitDir: string, files: ReadonlyMap<string, Buffer>, author: string): string {
  const scratch = mkdtempSync(join(tmpdir(), 'hfgd-fake-hub-index-'));
  try {
    const env = {
      GIT_INDEX_FILE: join(scratch, 'index'),
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: `${author}@users.noreply.huggingface.co`,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: `${author}@users.noreply.huggingface.co`,
    };
    for (const [path, content] of files) {
      const blob = spawnSync('git', ['--git-dir', gitDir, 'hash-object', '-w', '--stdin'], {
        input: content,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: gitDir, GIT_CONFIG_NOSYSTEM: '1' },
      });
      if (blob.status !== 0) throw new Error(`fake hub: hash-object failed: ${blob.stderr}`);
      gitIn(
        gitDir,
        ['update-index', '--add', '--cacheinfo', `100644,${blob.stdout.trim()},${path}`],
        undefined,
        env,
      );
    }
    const tree = gitIn(gitDir, ['write-tree'], undefined, env).trim();
    const commit = gitIn(gitDir, ['commit-tree', tree, '-m', 'initial commit'], undefined, env).trim();
    gitIn(gitDir, ['update-ref', 'refs/heads/main', commit]);
    return commit;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Why: the files on main (for the Space build and repository info's siblings); empty when main has none. */
export function filesOnMain(gitDir: string): readonly string[] {
  if (!refSha(gitDir, 'refs/heads/main')) return [];
  return gitIn(gitDir, ['ls-tree', '-r', '--name-only', 'refs/heads/main']).split('\n').filter(Boolean);
}

/** Why: a file's text on main, or undefined (a Space's README front matter). */
export function fileOnMain(gitDir: string, path: string): string | undefined {
  const done = spawnSync('git', ['--git-dir', gitDir, 'show', `refs/heads/main:${path}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: gitDir, GIT_CONFIG_NOSYSTEM: '1' },
  });
  return done.status === 0 ? done.stdout : undefined;
}

/** Why: main's last commit date (ISO), for lastModified; undefined for an empty repository. */
export function lastCommitDate(gitDir: string): string | undefined {
  if (!refSha(gitDir, 'refs/heads/main')) return undefined;
  const seconds = Number(gitIn(gitDir, ['log', '-1', '--format=%ct', 'refs/heads/main']).trim());
  return new Date(seconds * 1000).toISOString();
}

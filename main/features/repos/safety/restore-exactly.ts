import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { git, gitOutcome, type GitContext } from '../../../git/core';

// Putting set-aside work back after an operation that changed how files are stored but not what
// they hold (moving them into Git LFS). A stash put back by merging (`git stash apply`) compares
// the old storage with the new one: a file edited before the move is "binary, both changed" and
// conflicts, and with merge.renormalize git-lfs 3.3's filter fails ("unknown command"). Here each
// file the stash holds is written back as its bytes (`cat-file --filters`, which smudges LFS
// pointers) and each ticked change is ticked again as the current attributes store it.

interface TreeChange {
  readonly status: string;
  readonly path: string;
  readonly mode: string;
}

/** `diff-tree -r -z` between two trees: what changed, with the new side's mode. */
async function changes(context: GitContext, repo: string, from: string, to: string): Promise<TreeChange[]> {
  const out = await git(context, ['diff-tree', '-r', '--no-renames', '-z', from, to], { cwd: repo });
  const parts = out.stdout.split('\u0000');
  const found: TreeChange[] = [];
  for (let index = 0; index + 1 < parts.length; index += 2) {
    const [, mode = '100644', , , status = 'M'] = (parts[index] ?? '').slice(1).split(' ');
    found.push({ status, path: parts[index + 1] ?? '', mode });
  }
  return found;
}

/** Every file of a tree, as changes from nothing (a stash's untracked part). */
async function allFiles(context: GitContext, repo: string, tree: string): Promise<TreeChange[]> {
  const out = await git(context, ['ls-tree', '-r', '-z', '--full-tree', tree], { cwd: repo });
  return out.stdout
    .split('\u0000')
    .filter((line) => line.includes('\t'))
    .map((line) => ({
      status: 'A',
      mode: line.split(' ')[0] ?? '100644',
      path: line.slice(line.indexOf('\t') + 1),
    }));
}

/** The bytes of REV:PATH as checkout would write them (smudge and end-of-line filters applied). */
async function bytesOf(context: GitContext, repo: string, revision: string, path: string): Promise<Buffer> {
  const out = await git(context, ['cat-file', '--filters', `${revision}:${path}`], {
    cwd: repo,
    stdoutEncoding: 'latin1',
    timeoutMs: 60 * 60 * 1000,
  });
  return Buffer.from(out.stdout, 'latin1');
}

async function writeWorkFile(repo: string, change: TreeChange, bytes: Buffer): Promise<void> {
  const file = join(repo, change.path);
  await mkdir(dirname(file), { recursive: true });
  await rm(file, { force: true });
  if (change.mode === '120000') await symlink(bytes.toString('utf8'), file);
  else {
    await writeFile(file, bytes);
    if (change.mode === '100755') await chmod(file, 0o755);
  }
}

/**
 * Writes a stash's work back exactly (its work tree, its untracked files, its ticked changes) on
 * a clean work tree whose HEAD holds the same content as the stash's base. Throws if any step
 * fails; the caller keeps the stash then.
 */
export async function restoreExactly(context: GitContext, repo: string, stash: string): Promise<void> {
  const base = `${stash}^1`;
  const dir = (await git(context, ['rev-parse', '--absolute-git-dir'], { cwd: repo })).stdout.trim();
  const untracked =
    (await gitOutcome(context, ['rev-parse', '--verify', '--quiet', `${stash}^3`], { cwd: repo }))
      .exitCode === 0
      ? await allFiles(context, repo, `${stash}^3`)
      : [];
  for (const change of await changes(context, repo, base, stash))
    if (change.status === 'D') await rm(join(repo, change.path), { force: true });
    else await writeWorkFile(repo, change, await bytesOf(context, repo, stash, change.path));
  for (const change of untracked)
    await writeWorkFile(repo, change, await bytesOf(context, repo, `${stash}^3`, change.path));
  for (const change of await changes(context, repo, base, `${stash}^2`)) {
    const literal = ['--literal-pathspecs'];
    if (change.status === 'D') {
      await git(context, [...literal, 'update-index', '--force-remove', '--', change.path], { cwd: repo });
      continue;
    }
    // Stored as the attributes say now (an LFS pointer for a moved file): clean filter applied.
    const bytes = await bytesOf(context, repo, `${stash}^2`, change.path);
    const temp = join(dir, 'hfgd-restore-blob');
    await writeFile(temp, bytes);
    const oid = (
      await git(context, ['hash-object', '-w', `--path=${change.path}`, '--', temp], { cwd: repo }).finally(
        () => rm(temp, { force: true }),
      )
    ).stdout.trim();
    await git(context, ['update-index', '--add', '--cacheinfo', `${change.mode},${oid},${change.path}`], {
      cwd: repo,
    });
  }
  // The index's cached file times are refreshed, so untouched files do not show as changed.
  await gitOutcome(context, ['update-index', '-q', '--refresh'], { cwd: repo });
}

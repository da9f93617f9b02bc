import { existsSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hasMarkers, unmergedEntries } from '../../../git/conflicts';
import { git, gitOutcome, type GitContext } from '../../../git/core';
import {
  clearOperation,
  gitDir,
  gitOperation,
  readOperation,
  writeOperation,
  type OperationRecord,
} from '../../../git/merge-state';
import { stashDrop, stashStore } from '../../../git/stash';
import { SafetyError } from './errors';
import { putBack } from './guard';
import { changes } from './words';

// Finishing and aborting what stopped with conflicts, so the set-aside changes always come back
// (or stay kept, said so) and "Abort" leaves the repository exactly as it was before.

/** Paths (repository-relative) and their blob ids in one tree-ish, `ls-tree -r -z`. */
async function treeBlobs(context: GitContext, repo: string, treeish: string): Promise<Map<string, string>> {
  const out = await gitOutcome(context, ['ls-tree', '-r', '-z', '--full-tree', treeish], { cwd: repo });
  const blobs = new Map<string, string>();
  if (out.exitCode !== 0) return blobs;
  for (const line of out.stdout.split('\u0000')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [, type, oid] = line.slice(0, tab).split(' ');
    if (type === 'blob' && oid) blobs.set(line.slice(tab + 1), oid);
  }
  return blobs;
}

/** Whether a revision names a commit here. */
async function exists(context: GitContext, repo: string, revision: string): Promise<boolean> {
  return (
    (await gitOutcome(context, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: repo }))
      .exitCode === 0
  );
}

/** Blob ids of work-tree files as git would store them now (clean filters applied: LFS pointers). */
async function workTreeBlobs(context: GitContext, repo: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const out = await git(context, ['hash-object', '--stdin-paths'], {
    cwd: repo,
    input: `${paths.join('\n')}\n`,
  });
  return out.stdout.trim().split('\n');
}

/**
 * Whether everything a stash holds is in the work tree now: each file it changed or added has
 * exactly its bytes, each file it deleted is gone. Only then may the app drop it.
 */
export async function allBack(context: GitContext, repo: string, stash: string): Promise<boolean> {
  const [base, saved, untracked] = await Promise.all([
    treeBlobs(context, repo, `${stash}^1`),
    treeBlobs(context, repo, stash),
    (await exists(context, repo, `${stash}^3`))
      ? treeBlobs(context, repo, `${stash}^3`)
      : new Map<string, string>(),
  ]);
  const wanted = new Map<string, string | null>();
  for (const [path, oid] of saved) if (base.get(path) !== oid) wanted.set(path, oid);
  for (const path of base.keys()) if (!saved.has(path)) wanted.set(path, null);
  for (const [path, oid] of untracked) wanted.set(path, oid);
  const present = [...wanted.keys()].filter((path) => existsSync(join(repo, path)));
  const hashes = await workTreeBlobs(context, repo, present);
  const now = new Map(present.map((path, index) => [path, hashes[index]]));
  return [...wanted].every(([path, oid]) => (oid === null ? !now.has(path) : now.get(path) === oid));
}

/**
 * What the work tree holds now that no commit, stash or conflict side has (edits made by hand
 * while the conflict was open), kept as an `hfgd:` stash before an Abort resets anything. A file
 * the operation touched that holds conflict markers is git's own merge output (ticked or not),
 * not counted: both of its sides are in the commits or the stash. Any other file is, markers or
 * not (a document about Git may well contain them). Returns the note.
 */
async function keepEditsBeforeAbort(
  context: GitContext,
  repo: string,
  dir: string,
  record: OperationRecord | null,
): Promise<string | null> {
  const index = join(dir, 'hfgd-abort-index');
  const env = { GIT_INDEX_FILE: index };
  try {
    // A copy of the index, so only files whose stat data changed are read again (not all 50,000).
    await copyFile(join(dir, 'index'), index);
    await git(context, ['add', '--all'], { cwd: repo, env });
    const tree = (await git(context, ['write-tree'], { cwd: repo, env })).stdout.trim();
    const sources = ['HEAD', 'MERGE_HEAD', 'ORIG_HEAD', 'REBASE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'];
    for (const stash of [record?.applying, record?.setAside])
      if (stash) sources.push(stash, `${stash}^2`, `${stash}^3`);
    const known = new Set<string>();
    // The paths the operation touched: where one of its sides differs from HEAD, or unmerged.
    const touched = new Set<string>();
    const headBlobs = await treeBlobs(context, repo, 'HEAD');
    for (const source of sources) {
      if (!(await exists(context, repo, source))) continue;
      const blobs = await treeBlobs(context, repo, source);
      for (const [path, oid] of blobs) {
        known.add(oid);
        if (headBlobs.get(path) !== oid) touched.add(path);
      }
      for (const path of headBlobs.keys()) if (!blobs.has(path)) touched.add(path);
    }
    const unmerged = await unmergedEntries(context, repo);
    for (const entry of unmerged) {
      touched.add(entry.path);
      for (const oid of Object.values(entry.stages)) known.add(oid as string);
    }
    const candidates = [...(await treeBlobs(context, repo, tree))].filter(([, oid]) => !known.has(oid));
    const fresh: (readonly [string, string])[] = [];
    for (const candidate of candidates)
      if (!touched.has(candidate[0]) || !(await hasMarkers(join(repo, candidate[0])))) fresh.push(candidate);
    if (fresh.length === 0) return null;
    const head = (await git(context, ['rev-parse', 'HEAD'], { cwd: repo })).stdout.trim();
    const headTree = (await git(context, ['rev-parse', 'HEAD^{tree}'], { cwd: repo })).stdout.trim();
    // A stash-like commit (work tree with HEAD and an index commit as parents), so it can be put back.
    const indexCommit = (
      await git(context, ['commit-tree', headTree, '-p', head, '-m', 'index'], { cwd: repo })
    ).stdout.trim();
    const saved = (
      await git(
        context,
        ['commit-tree', tree, '-p', head, '-p', indexCommit, '-m', 'hfgd: edits kept at Abort'],
        {
          cwd: repo,
        },
      )
    ).stdout.trim();
    await stashStore(context, repo, saved, 'hfgd: your edits made during the conflict, kept at Abort');
    return `The edits you made while the conflict was open (${fresh.length === 1 ? fresh[0]![0] : `${fresh.length} files`}) are kept set aside; bring them back from the list of set-aside changes.`;
  } finally {
    await rm(index, { force: true });
  }
}

/** Removes the new files a stash brought back (its untracked part), so the stash can be put back again later. */
async function removeUntrackedOf(context: GitContext, repo: string, stash: string): Promise<void> {
  if (!(await exists(context, repo, `${stash}^3`))) return;
  const tracked = await treeBlobs(context, repo, 'HEAD');
  for (const path of (await treeBlobs(context, repo, `${stash}^3`)).keys())
    if (!tracked.has(path)) await rm(join(repo, path), { force: true });
}

async function currentBranch(context: GitContext, repo: string): Promise<string | null> {
  const out = await git(context, ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd: repo,
    okExitCodes: [0, 1],
  });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

async function headCommit(context: GitContext, repo: string): Promise<string> {
  return (await git(context, ['rev-parse', 'HEAD'], { cwd: repo })).stdout.trim();
}

/** The unmerged paths now, for a note. */
async function conflictPaths(context: GitContext, repo: string): Promise<string[]> {
  return (await unmergedEntries(context, repo)).map((entry) => entry.path);
}

/**
 * Once git's operation is over and no file is unmerged: puts the changes set aside before it
 * back (a conflict there becomes the conflict flow again), or, after putting back conflicted,
 * drops the stash only when all of it is in the work tree. Returns what to tell the person.
 */
export async function finishOperation(context: GitContext, repo: string): Promise<string[]> {
  const dir = await gitDir(context, repo);
  const record = await readOperation(dir);
  if (!record || gitOperation(dir) !== null) return [];
  if ((await unmergedEntries(context, repo)).length > 0) return [];
  if (record.applying) {
    await clearOperation(dir);
    if (await allBack(context, repo, record.applying)) {
      await stashDrop(context, repo, record.applying);
      return ['All your set-aside changes are back.'];
    }
    return [
      'Where you kept the other version, your own is not in the folder now, so a copy of your set-aside changes is kept in the list of set-aside changes.',
    ];
  }
  if (!record.setAside) {
    await clearOperation(dir);
    return [];
  }
  const count = await changedInStash(context, repo, record.setAside);
  const back = await putBack(
    context,
    repo,
    { stash: record.setAside, count, unborn: false },
    {
      conflictFiles: () => conflictPaths(context, repo),
    },
  );
  if (back.kind === 'conflict') {
    // Abort from here keeps the finished merge and leaves the changes set aside.
    await writeOperation(dir, {
      during: record.during,
      applying: record.setAside,
      head: await headCommit(context, repo),
    });
    return [back.note];
  }
  await clearOperation(dir);
  return back.kind === 'none' ? [] : [back.note];
}

/** How many paths a stash changed, added or deleted (its untracked files included). */
export async function changedInStash(context: GitContext, repo: string, stash: string): Promise<number> {
  const diff = await git(
    context,
    ['diff-tree', '-r', '--no-renames', '--name-only', '-z', `${stash}^1`, stash],
    { cwd: repo },
  );
  const untracked = (await exists(context, repo, `${stash}^3`))
    ? (await treeBlobs(context, repo, `${stash}^3`)).size
    : 0;
  return diff.stdout.split('\u0000').filter(Boolean).length + untracked;
}

/**
 * "Abort": git's own abort for a merge, rebase, cherry-pick or revert; for changes put back with
 * conflicts, the work tree as it was before they were put back; then the branch and HEAD the app
 * recorded before the operation, and the changes set aside before it put back. Hand edits made
 * meanwhile are kept as a stash first. Returns what to tell the person.
 */
export async function abortOperation(context: GitContext, repo: string): Promise<string[]> {
  const dir = await gitDir(context, repo);
  const record = await readOperation(dir);
  const operation = gitOperation(dir);
  const unmerged = await unmergedEntries(context, repo);
  if (operation === null && unmerged.length === 0 && !record)
    throw new SafetyError(
      'not_found',
      'Nothing is in progress to abort.',
      'Refresh: the list shows what is changed now.',
    );
  const notes: string[] = [];
  const kept = await keepEditsBeforeAbort(context, repo, dir, record);
  if (kept) notes.push(kept);
  switch (operation) {
    case 'merge':
    case 'rebase':
    case 'cherry-pick':
    case 'revert':
      await git(context, [operation, '--abort'], { cwd: repo });
      break;
    case null:
      await git(context, ['reset', '--hard', '--quiet'], { cwd: repo });
      if (record?.applying) await removeUntrackedOf(context, repo, record.applying);
      break;
  }
  if (record?.branch && (await currentBranch(context, repo)) !== record.branch)
    await git(context, ['switch', '--quiet', record.branch], { cwd: repo });
  else if (record?.during === 'switch' && !record.branch && record.head)
    // The switch started from a detached HEAD: back to that commit, moving no branch.
    await git(context, ['switch', '--quiet', '--detach', record.head], { cwd: repo });
  else if (record?.head && (await headCommit(context, repo)) !== record.head)
    await git(context, ['reset', '--hard', '--quiet', record.head], { cwd: repo });
  if (record?.setAside) {
    const count = await changedInStash(context, repo, record.setAside);
    const back = await putBack(context, repo, { stash: record.setAside, count, unborn: false });
    if (back.kind === 'conflict' || back.kind === 'kept') {
      // Cannot happen on the HEAD the stash was made on; if it does, nothing is lost: say so.
      notes.push(back.note);
      await clearOperation(dir);
      return notes;
    }
    if (back.kind === 'applied')
      notes.push(
        `Back to how it was: your ${changes(count)} ${count === 1 ? 'is' : 'are'} in the folder again.`,
      );
  } else if (record?.applying && record.applying !== record.setAside)
    notes.push('Your set-aside changes stay set aside; bring them back from the list of set-aside changes.');
  await clearOperation(dir);
  if (notes.length === 0) notes.push('Back to how it was before.');
  return notes;
}

import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, type GitContext } from './core';

// What git stopped in the middle of (its own files in the git dir, gitrepository-layout(5)), and
// what the app was doing around it (its own small record beside them): which changes it set
// aside, and where the repository was before, so "Abort" can put everything back exactly.

/** The operation git has in progress, from the files it leaves in the git dir. */
export type GitOperation = 'merge' | 'rebase' | 'cherry-pick' | 'revert';

/** What the app did around an operation that stopped with conflicts (`.git/hfgd-operation.json`). */
export interface OperationRecord {
  /** What the app was doing: the screen names it ("Abort the pull"). */
  readonly during: 'pull' | 'switch' | 'revert' | 'restore' | 'migrate' | 'other';
  /** The stash (commit id) made before the operation, put back after it or at Abort. */
  readonly setAside?: string;
  /** The stash whose putting back conflicted, when that is what stopped (kept until all of it is back). */
  readonly applying?: string;
  /** HEAD before the operation: Abort returns the branch there. */
  readonly head?: string;
  /** The branch checked out before the operation (a switch): Abort switches back to it. */
  readonly branch?: string;
}

const RECORD = 'hfgd-operation.json';
const DURING = new Set(['pull', 'switch', 'revert', 'restore', 'migrate', 'other']);
const OID = /^[0-9a-f]{40,64}$/;

/** The repository's own git dir (a worktree's own one for a linked worktree), absolute. */
export async function gitDir(context: GitContext, repo: string): Promise<string> {
  return (await git(context, ['rev-parse', '--absolute-git-dir'], { cwd: repo })).stdout.trim();
}

/** The operation git is in the middle of, read from the files it keeps in the git dir. */
export function gitOperation(dir: string): GitOperation | null {
  if (existsSync(join(dir, 'rebase-merge')) || existsSync(join(dir, 'rebase-apply'))) return 'rebase';
  if (existsSync(join(dir, 'MERGE_HEAD'))) return 'merge';
  if (existsSync(join(dir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick';
  if (existsSync(join(dir, 'REVERT_HEAD'))) return 'revert';
  return null;
}

/** The app's record, or null when there is none (or it is not one the app wrote). */
export async function readOperation(dir: string): Promise<OperationRecord | null> {
  const text = await readFile(join(dir, RECORD), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.during !== 'string' || !DURING.has(value.during)) return null;
    const oid = (key: string) =>
      typeof value[key] === 'string' && OID.test(value[key]) ? { [key]: value[key] } : {};
    const branch = typeof value.branch === 'string' && value.branch !== '' ? { branch: value.branch } : {};
    return {
      during: value.during as OperationRecord['during'],
      ...oid('setAside'),
      ...oid('applying'),
      ...oid('head'),
      ...branch,
    };
  } catch {
    return null;
  }
}

/** Writes the record atomically (a temp file renamed over it), so a crash never leaves half of one. */
export async function writeOperation(dir: string, record: OperationRecord): Promise<void> {
  const temp = join(dir, `${RECORD}.tmp`);
  await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temp, join(dir, RECORD));
}

/** Forgets the record once the operation is finished or aborted. */
export async function clearOperation(dir: string): Promise<void> {
  await rm(join(dir, RECORD), { force: true });
}

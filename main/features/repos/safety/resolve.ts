import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readConflicts } from '../../../git/conflicts';
import { git, gitOutcome, type GitContext } from '../../../git/core';
import { gitDir, gitOperation } from '../../../git/merge-state';
import { SafetyError } from './errors';
import { finishOperation } from './operation';

// "Keep mine", "Keep the Hub's", "I fixed it" for one conflicted file. Which of git's sides is
// the person's depends on what stopped: in a merge (and a cherry-pick or revert) "ours" (stage 2)
// is the branch here; in a rebase it is the upstream being rebased onto, and the person's commit
// being replayed is "theirs" (git-rebase(1): "--ours and --theirs are swapped"); in a stash put
// back, stage 2 is what the folder had ("Updated upstream") and stage 3 the set-aside changes.

export type Choice = 'mine' | 'theirs' | 'fixed';

const POINTER_START = 'version https://git-lfs.github.com/spec/v1';

/** The stage (2 = --ours, 3 = --theirs) that holds the person's own version now. */
function mineStage(kind: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'stash'): 2 | 3 {
  return kind === 'rebase' || kind === 'stash' ? 3 : 2;
}

/**
 * Makes sure an LFS file taken from a side has its real bytes: where git-lfs was set up to skip
 * downloads (`git lfs install --skip-smudge`), the checkout leaves the pointer, so the app runs
 * the smudge itself, which downloads the object (git-lfs-smudge(1)), and writes the bytes.
 */
async function ensureLfsContent(context: GitContext, repo: string, file: string): Promise<void> {
  const pointer = await readFile(join(repo, file)).catch(() => null);
  if (!pointer || pointer.length > 1024 || !pointer.toString('latin1').startsWith(POINTER_START)) return;
  const out = await git(context, ['lfs', 'smudge', '--', file], {
    cwd: repo,
    input: pointer.toString('latin1'),
    stdoutEncoding: 'latin1',
    env: { GIT_LFS_SKIP_SMUDGE: '0' },
    timeoutMs: 6 * 60 * 60 * 1000,
  });
  await writeFile(join(repo, file), Buffer.from(out.stdout, 'latin1'));
}

/** Resolves one conflicted file as the person chose; returns what to tell them (a finished pull, changes back). */
export async function resolveConflict(
  context: GitContext,
  repo: string,
  file: string,
  choice: Choice,
): Promise<string[]> {
  const conflicts = await readConflicts(context, repo);
  const entry = conflicts.files.find((candidate) => candidate.path === file);
  if (!entry || !conflicts.inProgress)
    throw new SafetyError(
      'not_found',
      `${file} is not one of the conflicted files.`,
      'Refresh the list: it shows which files still need a choice.',
    );
  const literal = ['--literal-pathspecs'];
  if (choice === 'fixed') {
    if (entry.conflict.lfs)
      throw new SafetyError(
        'invalid_input',
        `${file} is a large file stored with Git LFS: it cannot be fixed by hand.`,
        'Choose "Keep mine" or "Keep the Hub’s" for it.',
      );
    if (entry.conflict.markers)
      throw new SafetyError(
        'conflict_markers',
        `${file} still has conflict markers (lines starting <<<<<<< or >>>>>>>).`,
        'Open it in your editor, keep the lines you want, delete the marker lines, save, then choose "I fixed it" again.',
      );
  }
  const ownStage = mineStage(conflicts.inProgress.kind);
  const stage = choice === 'fixed' ? null : choice === 'mine' ? ownStage : ownStage === 2 ? 3 : 2;
  const stages = await git(context, [...literal, 'ls-files', '-u', '-z', '--', file], { cwd: repo });
  const has = (wanted: number) =>
    stages.stdout.split('\u0000').some((line) => line.split('\t')[0]?.endsWith(` ${wanted}`));
  if (stage === null) {
    const present = await readFile(join(repo, file)).then(
      () => true,
      () => false,
    );
    await git(
      context,
      [...literal, ...(present ? ['add', '--'] : ['rm', '--quiet', '--cached', '--']), file],
      { cwd: repo },
    );
  } else if (has(stage)) {
    await git(context, [...literal, 'checkout', stage === 2 ? '--ours' : '--theirs', '--', file], {
      cwd: repo,
    });
    if (entry.conflict.lfs) await ensureLfsContent(context, repo, file);
    await git(context, [...literal, 'add', '--', file], { cwd: repo });
  } else {
    // That side deleted the file: taking its version is taking the deletion (the other side's
    // bytes stay in its commit, or in the set-aside stash).
    await git(context, [...literal, 'rm', '--quiet', '--force', '--', file], { cwd: repo });
  }
  return settle(context, repo);
}

/** After a choice: a rebase with nothing left unmerged goes on; a finished operation puts changes back. */
async function settle(context: GitContext, repo: string): Promise<string[]> {
  const dir = await gitDir(context, repo);
  const left = await readConflicts(context, repo);
  if (left.files.length > 0) return [];
  if (gitOperation(dir) === 'rebase') {
    let next = await gitOutcome(context, ['rebase', '--continue'], {
      cwd: repo,
      env: { GIT_EDITOR: 'true' },
    });
    // A commit of theirs whose changes are all gone now (every file kept as upstream has it) is
    // nothing to replay: git stops with "No changes", and skipping it is what it asks for.
    for (let round = 0; round < 100 && gitOperation(dir) === 'rebase' && next.exitCode !== 0; round += 1) {
      if ((await readConflicts(context, repo)).files.length > 0) break;
      const staged = await gitOutcome(context, ['diff', '--cached', '--quiet'], { cwd: repo });
      if (staged.exitCode !== 0) break;
      next = await gitOutcome(context, ['rebase', '--skip'], { cwd: repo, env: { GIT_EDITOR: 'true' } });
    }
    if (gitOperation(dir) === 'rebase') {
      const again = await readConflicts(context, repo);
      if (again.files.length > 0)
        return [
          `The next commit of yours conflicts too: pick what to keep for ${again.files.length === 1 ? 'its file' : 'its files'}.`,
        ];
      if (next.exitCode !== 0)
        throw new SafetyError(
          'git_failed',
          'Git could not go on with the pull.',
          'Open Details for Git’s own words, or abort the pull.',
        );
    }
    return ['The pull is finished.', ...(await finishOperation(context, repo))];
  }
  if (gitOperation(dir) !== null) return ['Every conflict is settled: commit to finish.'];
  return finishOperation(context, repo);
}

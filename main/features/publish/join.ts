import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commit } from '../../git/commit';
import { git, gitOutcome, type GitContext } from '../../git/core';
import { mergeUnrelated } from '../../git/merge-unrelated';
import { pointBranchAt } from '../../git/point-branch';
import { PublishError } from './errors';
import { mergeReadme, unionAttributes } from './merge-files';

// Step 4 of a publish: the Hub repository's first commit (its .gitattributes, a Space's README)
// joined with the folder, so no conflict ever reaches the person: the folder's files stay as
// they are, .gitattributes becomes the union and README.md gains the Hub's front matter only
// when it has none (merge-files.ts).

/** A file's text in a commit, or undefined when the commit has no such file. */
async function blobText(
  context: GitContext,
  repo: string,
  commitId: string,
  path: string,
): Promise<string | undefined> {
  const out = await gitOutcome(context, ['cat-file', 'blob', `${commitId}:${path}`], { cwd: repo });
  return out.exitCode === 0 ? out.stdout : undefined;
}

/** A work-tree file's text, or undefined when it is absent (or not a plain file, which is left alone). */
async function fileText(path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  return info?.isFile() ? readFile(path, 'utf8') : undefined;
}

/** Writes a file only when its text changes (its mode kept: writeFile keeps an existing file's). */
async function writeIfChanged(path: string, text: string): Promise<boolean> {
  if ((await fileText(path)) === text) return false;
  await writeFile(path, text);
  return true;
}

/**
 * Step 4 for a folder with no commit: the branch takes the Hub's commit as it is, the work tree
 * untouched; then the two files the Hub wrote are merged with the folder's, and any other file of
 * the Hub's that the folder lacks is written out so the first commit does not delete it.
 */
export async function joinWithoutHistory(
  context: GitContext,
  repo: string,
  hubCommit: string,
  notes: string[],
): Promise<void> {
  await pointBranchAt(context, repo, hubCommit);
  const names = (await git(context, ['ls-tree', '-r', '-z', '--name-only', hubCommit], { cwd: repo })).stdout
    .split('\u0000')
    .filter((name) => name !== '');
  const absent: string[] = [];
  for (const name of names) {
    const file = join(repo, name);
    const own = await fileText(file);
    const present = own !== undefined || (await lstat(file).catch(() => undefined)) !== undefined;
    if (name === '.gitattributes' && own !== undefined) {
      const theirs = (await blobText(context, repo, hubCommit, name)) ?? '';
      if (await writeIfChanged(file, unionAttributes(theirs, own)))
        notes.push('The Hub’s .gitattributes was merged with yours: every line of yours is kept.');
    } else if (name === 'README.md' && own !== undefined) {
      const merged = mergeReadme((await blobText(context, repo, hubCommit, name)) ?? '', own);
      if (merged !== undefined) {
        await writeFile(file, merged);
        notes.push(
          'Your README.md got the Hub’s front matter (title, sdk, app_file) on top; the rest is yours.',
        );
      }
    } else if (!present) absent.push(name);
  }
  // The Hub's files the folder lacks are written out as the commit has them (through git, so LFS
  // files and binary files come out right), so the first commit does not delete them.
  if (absent.length > 0)
    await git(
      context,
      ['--literal-pathspecs', 'checkout', hubCommit, '--pathspec-from-file=-', '--pathspec-file-nul'],
      { cwd: repo, input: `${absent.join('\u0000')}\u0000` },
    );
}

/**
 * Step 4 for a folder with its own history: the Hub's commit merged as an unrelated history, its
 * .gitattributes and README settled as above, so no conflict reaches the person. Any other file
 * both sides hold differently stops the merge (aborted: nothing changes) with the names.
 */
export async function joinWithHistory(
  context: GitContext,
  repo: string,
  hubCommit: string,
  notes: string[],
): Promise<void> {
  const conflicted = await mergeUnrelated(context, repo, hubCommit);
  if (conflicted) {
    const files = (await git(context, ['diff', '--name-only', '-z', '--diff-filter=U'], { cwd: repo })).stdout
      .split('\u0000')
      .filter((name) => name !== '');
    const others = files.filter((name) => name !== '.gitattributes' && name !== 'README.md');
    if (others.length > 0) {
      await git(context, ['merge', '--abort'], { cwd: repo });
      throw new PublishError(
        'not_allowed',
        `The Hub repository already has ${others.join(', ')}, and yours differ${others.length === 1 ? 's' : ''}.`,
        'Publish to a new repository, or rename your file and publish again.',
      );
    }
    for (const name of files) {
      const theirs = (await blobText(context, repo, hubCommit, name)) ?? '';
      const ours = (await blobText(context, repo, 'HEAD', name)) ?? '';
      const merged =
        name === '.gitattributes' ? unionAttributes(theirs, ours) : (mergeReadme(theirs, ours) ?? ours);
      await writeFile(join(repo, name), merged);
      await git(context, ['add', '--', name], { cwd: repo });
      notes.push(
        name === '.gitattributes'
          ? 'The Hub’s .gitattributes was merged with yours: every line of yours is kept.'
          : 'Your README.md got the Hub’s front matter (title, sdk, app_file) on top; the rest is yours.',
      );
    }
  }
  await commit(context, repo, 'Merge the Hub repository’s first commit');
}

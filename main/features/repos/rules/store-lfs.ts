import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorCode } from '../../../../preload/contract';
import { atomicWrite, existingMode } from '../../../core/atomic-write';
import { lfsFiltered } from '../../../git/check-attr';
import { git, type GitContext } from '../../../git/core';
import { listStagedBlobs } from '../../../git/objects';
import { repoStatus } from '../../../git/status';

// "Store with Git LFS" before a commit exists (issue 12, item 7): the pattern goes into
// .gitattributes the way `git lfs track` writes it, and the ticked files it matches are staged
// again through the LFS filter, so the index holds pointers and .git/lfs/objects the bytes. No
// commit is made or rewritten, and no work-tree file but .gitattributes changes.

/** A refusal the handler passes on as it is: a code, what happened, what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Why: what `git lfs track` writes after the pattern (git-lfs commands/command_track.go). */
const LFS_ATTRIBUTES = 'filter=lfs diff=lfs merge=lfs -text';

/** Why: characters with a meaning in a gitattributes pattern (gitattributes(5), gitignore(5) "PATTERN FORMAT"). */
const GLOB = /[*?[\]\\]/;

/**
 * The patterns the Hub's rules offer (push-rules.ts trackPatternFor): `*.EXT`, or the path of
 * one file (relative to the top of the repository, no `..`). Anything else is refused before any
 * file is written, so no line of .gitattributes can mean more than the person saw.
 */
export function checkPattern(pattern: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (pattern === '' || /[\u0000-\u001f\u007f]/.test(pattern)) return 'It must be one line of text.';
  if (pattern.startsWith('-')) return 'It must not start with "-".';
  if (/^\*\.[^/*?[\]\\\s]+$/.test(pattern)) return undefined;
  if (GLOB.test(pattern)) return 'It must be *.EXTENSION or the path of one file.';
  if (/^[#!"/]/.test(pattern)) return 'It must not start with #, !, " or /.';
  if (pattern.split('/').some((part) => part === '' || part === '.' || part === '..'))
    return 'It must be a path inside the repository, without "." or ".." parts.';
  return undefined;
}

/** Why: a path pattern in .gitattributes cannot hold a space; `git lfs track` writes [[:space:]]. */
const attributePattern = (pattern: string): string => pattern.replace(/\s/g, '[[:space:]]');

/**
 * Adds `PATTERN filter=lfs diff=lfs merge=lfs -text` to the top-level .gitattributes and keeps
 * every other byte as it was (its line endings too); nothing is written when the line is there.
 * Returns whether the file changed.
 */
export async function addLfsLine(repoPath: string, pattern: string): Promise<boolean> {
  const file = join(repoPath, '.gitattributes');
  const info = await lstat(file).catch(() => undefined);
  // A link could send the write anywhere on this computer (a repository someone sent you).
  if (info && !info.isFile())
    throw new StoreError(
      'not_allowed',
      '.gitattributes in this repository is not a plain file (a link or a folder), so the app does not write to it.',
      'Replace it with a plain file, or add the line yourself: ' +
        `${attributePattern(pattern)} ${LFS_ATTRIBUTES}`,
    );
  const before = info ? await readFile(file) : Buffer.alloc(0);
  const text = before.toString('utf8');
  const line = `${attributePattern(pattern)} ${LFS_ATTRIBUTES}`;
  if (text.split(/\r?\n/).some((existing) => existing.trim().split(/\s+/).join(' ') === line)) return false;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const joiner = before.length === 0 || text.endsWith('\n') ? '' : eol;
  await atomicWrite(
    file,
    Buffer.concat([before, Buffer.from(`${joiner}${line}${eol}`, 'utf8')]),
    (await existingMode(file)) ?? 0o644,
  );
  return true;
}

/**
 * Stores the ticked files `pattern` matches with Git LFS, before any commit. Files ticked with
 * further edits not ticked are refused first (staging them again would tick those edits too).
 * Answers the paths now staged as LFS pointers.
 */
export async function storeWithLfs(
  context: GitContext,
  repoPath: string,
  pattern: string,
): Promise<readonly string[]> {
  const reason = checkPattern(pattern);
  if (reason)
    throw new StoreError(
      'invalid_input',
      `“${pattern}” is not a pattern the app writes into .gitattributes. ${reason}`,
      'Use the pattern the app suggests beside the file (for example *.bin), or the file’s own path.',
    );
  const run = (args: readonly string[], input?: string) =>
    git(context, args, { cwd: repoPath, ...(input === undefined ? {} : { input }) });
  const status = await repoStatus(context, repoPath);
  const ticked = (await listStagedBlobs(context, repoPath)).map((blob) => blob.path);
  // Which of them the new line will match, known before anything is written.
  const probe = ticked.filter((path) => matchesTopPattern(pattern, path));
  const partly = status.changes.filter((change) => probe.includes(change.path) && change.status[1] !== ' ');
  if (partly.length > 0)
    throw new StoreError(
      'not_allowed',
      `${partly.map((change) => change.path).join(', ')} ${partly.length === 1 ? 'has' : 'have'} edits that are not ticked, so storing ${partly.length === 1 ? 'it' : 'them'} with Git LFS now would tick those edits too.`,
      'Tick the whole file (or untick it), then choose Store with Git LFS again.',
    );
  await addLfsLine(repoPath, pattern);
  await run(['--literal-pathspecs', 'add', '--', '.gitattributes']);
  // git's own verdict now that the line is there (a later line may still say otherwise).
  const lfs = await lfsFiltered(context, repoPath, probe);
  const matched = probe.filter((path) => lfs.has(path));
  if (matched.length > 0)
    // --renormalize: the clean filter runs again even where git thinks the file unchanged.
    await run(
      ['--literal-pathspecs', 'add', '--renormalize', '--pathspec-from-file=-', '--pathspec-file-nul'],
      `${matched.join('\u0000')}\u0000`,
    );
  return matched;
}

/** Why: how a top-level gitattributes line of the accepted forms matches (gitignore(5) rules). */
export function matchesTopPattern(pattern: string, path: string): boolean {
  const name = path.split('/').at(-1) ?? '';
  if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1));
  // Without a slash a pattern matches a name at any depth; with one, the path from the top.
  return pattern.includes('/') ? path === pattern : name === pattern;
}

import { lstat, mkdtemp, open, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, parse, resolve } from 'node:path';
import { lfsFiltered } from '../../git/check-attr';
import { git, gitOutcome, type GitContext } from '../../git/core';
import { gitListing, looksBinary, SNIFF_BYTES } from '../../git/objects';
import { BINARY_LIMIT, TEN_MIB, trackPatternFor } from '../../hub/push-rules';
import type { LfsCandidateView } from '../../../preload/contract';
import { PublishError } from './errors';
import { HUB_GITATTRIBUTES } from './merge-files';

// The folder a person wants to publish: whether the app may use it, what it holds, and which of
// its files the Hub's rules send to LFS, read without writing anything into the folder.

/** Where a folder stands: a plain folder, or the top of a repository (with commits or not). */
export interface FolderPlace {
  readonly path: string;
  readonly isRepo: boolean;
  readonly hasCommits: boolean;
}

const unusable = (message: string, hint: string) => new PublishError('folder_unusable', message, hint);

/**
 * Refuses what publishing must not turn into a repository: not a folder, the home folder or a
 * drive root (every file of the person's would be offered to the Hub), a folder inside another
 * repository (git would commit into the outer one), a folder the app cannot read.
 */
export async function checkFolder(context: GitContext, raw: string, home: string): Promise<FolderPlace> {
  if (!isAbsolute(raw) || raw.includes('\u0000'))
    throw unusable(
      'Choose the folder by its full path.',
      'Use Choose folder…, or type a path like /home/you/my-model.',
    );
  const info = await stat(raw).catch(() => undefined);
  if (!info) throw unusable(`There is no folder at ${raw}.`, 'Check the path, or choose the folder again.');
  if (!info.isDirectory())
    throw unusable(`${raw} is a file, not a folder.`, 'Choose the folder that holds it.');
  const path = await realpath(raw).catch(() => resolve(raw));
  const homeReal = await realpath(home).catch(() => resolve(home));
  if (path === homeReal)
    throw unusable(
      'This is your home folder: publishing it would offer every file you have to the Hub.',
      'Make a folder for the repository (for example ~/HuggingFace/my-model), move its files there, and choose that.',
    );
  if (parse(path).root === path)
    throw unusable(
      `${path} is the top of a drive: publishing it would offer every file on it to the Hub.`,
      'Make a folder for the repository, move its files there, and choose that.',
    );
  try {
    await readdir(path);
  } catch {
    throw unusable(
      `The app cannot read ${path}.`,
      'Check the folder’s permissions, or choose another folder.',
    );
  }
  const out = await gitOutcome(context, ['rev-parse', '--show-toplevel'], { cwd: path, timeoutMs: 10_000 });
  const top = out.exitCode === 0 ? out.stdout.trim() : '';
  if (top !== '' && (await realpath(top).catch(() => top)) !== path)
    throw unusable(
      `${path} is inside another repository, ${top}, so its files would be committed there.`,
      `Publish ${top} itself, or move the folder out of it first.`,
    );
  if (top === '') return { path, isRepo: false, hasCommits: false };
  const head = await gitOutcome(context, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd: path,
    timeoutMs: 10_000,
  });
  return { path, isRepo: true, hasCommits: head.exitCode === 0 };
}

/**
 * Runs `work` with git's view of a plain folder, without a `.git` in it: a private git dir in the
 * temp folder, the folder as its work tree, and the Hub's .gitattributes as the lowest-ranked
 * attributes file (the folder's own lines come after the Hub's in the merged file, and win).
 */
async function withScratchGitDir<T>(
  context: GitContext,
  folder: string,
  work: (env: NodeJS.ProcessEnv) => Promise<T>,
): Promise<T> {
  const scratch = await mkdtemp(join(tmpdir(), 'hfgd-publish-look-'));
  try {
    const gitDir = join(scratch, 'git');
    await git(context, ['init', '--quiet', '--bare', gitDir], { cwd: scratch });
    const attributes = join(scratch, 'hub.gitattributes');
    await writeFile(attributes, HUB_GITATTRIBUTES);
    await git(context, ['config', '--file', join(gitDir, 'config'), 'core.attributesFile', attributes], {
      cwd: scratch,
    });
    await git(context, ['config', '--file', join(gitDir, 'config'), 'core.bare', 'false'], { cwd: scratch });
    return await work({ GIT_DIR: gitDir, GIT_WORK_TREE: folder });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A file the first commit takes, with its size. */
export interface FolderFile {
  readonly path: string;
  readonly size: number;
}

/**
 * The files the next commit takes: in a plain folder or a repository with no commit, every file
 * git does not ignore; in a repository with commits, the changed and new ones. Deleted files and
 * folders are left out; `.gitignore` decides as it would for `git add -A`.
 */
export async function filesToCommit(context: GitContext, place: FolderPlace): Promise<FolderFile[]> {
  const list = async (env: NodeJS.ProcessEnv | undefined): Promise<string[]> => {
    const options = { cwd: place.path, ...(env ? { env } : {}) };
    const split = (text: string) => text.split('\u0000').filter((path) => path !== '');
    const listed = split(
      (
        await gitListing(
          context,
          ['ls-files', '-z', '--others', '--exclude-standard', ...(place.hasCommits ? [] : ['--cached'])],
          options,
        )
      ).stdout,
    );
    if (!place.hasCommits) return [...new Set(listed)];
    const changed = split(
      (await gitListing(context, ['diff', '--name-only', '-z', 'HEAD', '--'], options)).stdout,
    );
    return [...new Set([...changed, ...listed])];
  };
  const paths = place.isRepo ? await list(undefined) : await withScratchGitDir(context, place.path, list);
  const files: FolderFile[] = [];
  for (const path of paths.sort()) {
    const info = await lstat(join(place.path, path)).catch(() => undefined);
    if (info && (info.isFile() || info.isSymbolicLink())) files.push({ path, size: info.size });
  }
  return files;
}

/** The first SNIFF_BYTES of a file, read as git's binary test needs them. */
async function startOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The files the Hub's rules send to LFS (push-rules.ts): matched by an LFS line of .gitattributes
 * (the Hub's, the folder's), over 10 MiB, or binary over the Hub's binary limit (git's NUL test
 * on the first 8000 bytes, as the Hub's hook applies it). Small binaries the Hub accepts stay.
 */
export async function lfsCandidates(
  context: GitContext,
  place: FolderPlace,
  files: readonly FolderFile[],
): Promise<LfsCandidateView[]> {
  const check = (env: NodeJS.ProcessEnv | undefined) =>
    env
      ? git(context, ['check-attr', 'filter', '-z', '--stdin'], {
          cwd: place.path,
          env,
          input: `${files.map((file) => file.path).join('\u0000')}\u0000`,
        }).then((out) => {
          const fields = out.stdout.split('\u0000');
          const matched = new Set<string>();
          for (let index = 0; index + 2 < fields.length; index += 3)
            if (fields[index + 2] === 'lfs') matched.add(fields[index] ?? '');
          return matched as ReadonlySet<string>;
        })
      : lfsFiltered(
          context,
          place.path,
          files.map((file) => file.path),
        );
  const tracked =
    files.length === 0
      ? new Set<string>()
      : place.isRepo
        ? await check(undefined)
        : await withScratchGitDir(context, place.path, check);
  const candidates: LfsCandidateView[] = [];
  for (const file of files) {
    if (tracked.has(file.path)) candidates.push({ ...file, reason: 'pattern' });
    else if (file.size > TEN_MIB) candidates.push({ ...file, reason: 'large' });
    else if (file.size > BINARY_LIMIT && looksBinary(await startOf(join(place.path, file.path))))
      candidates.push({ ...file, reason: 'binary' });
  }
  return candidates;
}

/**
 * The .gitattributes pattern that stores a candidate with LFS: its extension for a binary file
 * (the kind recurs: weights, images), its own path for a large text file (other files of its kind
 * are small and stay readable), the extension again when the path holds characters a pattern
 * reads as a glob. Patterns store-lfs's checkPattern accepts.
 */
export function lfsPatternFor(candidate: LfsCandidateView): string {
  const byPath =
    candidate.reason === 'large' && !/[*?[\]\\#!"]/.test(candidate.path) && !candidate.path.startsWith('/');
  return byPath ? candidate.path : trackPatternFor(candidate.path);
}

/** The folder's name made into a Hub repository name: letters, digits, -, _ and ., at most 96. */
export function suggestName(path: string): string {
  const name = basename(path)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 96)
    .replace(/[.-]+$/g, '');
  return name === '' ? 'my-repository' : name;
}

import { git, type GitContext, type GitOptions, type GitResult } from './core';

// Small readers of a repository's objects, shared by the pre-push check, the check of ticked files
// and the pointer scan. Every call is one git process with an argument array; nothing is read
// through a shell. Sizes come from `cat-file --batch-check` (an object header, never its bytes),
// so a check over 50,000 files or 5,000 commits reads only the few blobs its caller picks.

/** The start of an LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
export const POINTER_HEADER = 'version https://git-lfs.github.com/spec/v1';

/** How much of a blob git looks at to call it binary (xdiff-interface.c buffer_is_binary: FIRST_FEW_BYTES). */
export const SNIFF_BYTES = 8000;

/**
 * Runs a read whose answer can be megabytes (every path of a 50,000-file tree): taken as bytes
 * (latin1), so core.ts does not search it for secrets to redact, which took longer than git
 * itself (object names and paths; the run's `output` for errors keeps stderr), then decoded as
 * the UTF-8 git writes.
 */
export async function gitListing(
  context: GitContext,
  args: readonly string[],
  options: GitOptions,
): Promise<GitResult> {
  const result = await git(context, args, { ...options, stdoutEncoding: 'latin1' });
  return { ...result, stdout: Buffer.from(result.stdout, 'latin1').toString('utf8') };
}

/** Reads a pointer's oid and size, or undefined when the text is not a pointer. */
export function parsePointer(text: string): { readonly oid: string; readonly size: number } | undefined {
  if (!text.startsWith(POINTER_HEADER) || text.length > 1024) return undefined;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)?.[1];
  const size = /^size (\d+)$/m.exec(text)?.[1];
  return oid && size ? { oid, size: Number(size) } : undefined;
}

/** git's own binary test: a NUL byte in the first SNIFF_BYTES (what the Hub's hook does too). */
export function looksBinary(start: Buffer): boolean {
  return start.subarray(0, SNIFF_BYTES).includes(0);
}

/**
 * Reads blobs with one `git cat-file --batch` and keeps at most `keep` bytes of each, keyed by
 * oid. git still sends every byte of each blob, so callers pick small blobs, or few big ones.
 */
export async function readBlobStarts(
  context: GitContext,
  repoPath: string,
  oids: readonly string[],
  keep = Number.MAX_SAFE_INTEGER,
): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = await git(context, ['cat-file', '--batch'], {
    cwd: repoPath,
    input: `${[...new Set(oids)].join('\n')}\n`,
    stdoutEncoding: 'latin1',
  });
  const buffer = Buffer.from(out.stdout, 'latin1');
  let at = 0;
  while (at < buffer.length) {
    const newline = buffer.indexOf(10, at);
    if (newline < 0) break;
    const [oid = '', type = '', size = '0'] = buffer.subarray(at, newline).toString('latin1').split(' ');
    if (type === 'missing') {
      at = newline + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(oid, Buffer.from(buffer.subarray(newline + 1, newline + 1 + Math.min(length, keep))));
    at = newline + 1 + length + 1;
  }
  return blobs;
}

/**
 * Reads blobs with one `git cat-file --batch`: returns each blob's text, keyed by oid. Only for
 * small blobs (pointers are about 130 bytes): the caller picks which.
 */
export async function readBlobs(
  context: GitContext,
  repoPath: string,
  oids: readonly string[],
): Promise<Map<string, string>> {
  const starts = await readBlobStarts(context, repoPath, oids);
  return new Map([...starts].map(([oid, bytes]) => [oid, bytes.toString('utf8')]));
}

/** A blob at a path, with its size from its object header. */
export interface SizedBlob {
  readonly oid: string;
  readonly path: string;
  readonly size: number;
}

/**
 * The type and size of each `oid [rest]` line, from one `cat-file --batch-check`; the rest of
 * the line (a path) comes back as it went in (git-cat-file(1) "%(rest)"). Paths with a newline
 * cannot travel this way; callers leave them out and check them alone.
 */
async function batchCheck(
  context: GitContext,
  repoPath: string,
  lines: readonly string[],
): Promise<{ readonly oid: string; readonly type: string; readonly size: number; readonly rest: string }[]> {
  if (lines.length === 0) return [];
  const out = await gitListing(
    context,
    ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize) %(rest)'],
    { cwd: repoPath, input: `${lines.join('\n')}\n` },
  );
  return out.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [oid = '', type = '', size = '0'] = line.split(' ', 3);
      const rest = line.slice(oid.length + type.length + size.length + 3);
      return { oid, type, size: Number(size), rest };
    });
}

/**
 * The blobs of the commits `revision` has that `exclude` (default: every remote-tracking branch)
 * has not, with their sizes, and how many such commits there are, without reading any blob:
 * `rev-list --objects` piped into `cat-file --batch-check`, two processes whatever the size of
 * the range. Commits are the lines rev-list prints without a path.
 */
export async function listPushedBlobs(
  context: GitContext,
  repoPath: string,
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<{ readonly commits: number; readonly blobs: readonly SizedBlob[] }> {
  const revision = options.revision ?? 'HEAD';
  const args = ['rev-list', '--objects', revision, '--not', ...(options.exclude ?? ['--remotes']), '--'];
  // Exit 128: no such revision (a repository with no commit yet: nothing to push).
  const listed = await gitListing(context, args, { cwd: repoPath, okExitCodes: [0, 128] });
  if (listed.exitCode !== 0) {
    const exists = await git(context, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
      cwd: repoPath,
      okExitCodes: [0, 1],
    });
    if (exists.exitCode !== 0) return { commits: 0, blobs: [] };
    // The revision exists, so that was another failure: once more, to end in git's own words.
    await git(context, args, { cwd: repoPath });
  }
  let commits = 0;
  const withPath: string[] = [];
  for (const line of listed.stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) commits += line.length > 0 ? 1 : 0;
    else if (space < line.length - 1) withPath.push(line); // a root tree's line has an empty path
  }
  const checked = await batchCheck(context, repoPath, withPath);
  return {
    commits,
    blobs: checked
      .filter((entry) => entry.type === 'blob')
      .map((entry) => ({ oid: entry.oid, path: entry.rest, size: entry.size })),
  };
}

/**
 * The commits `revision` and `exclude` name, as one line of oids (`rev-parse`): what a pre-push
 * answer depends on, so it can be kept until one of them moves. Undefined when the revision
 * does not exist yet.
 */
export async function rangeKey(
  context: GitContext,
  repoPath: string,
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<string | undefined> {
  // Exit 128: the revision does not exist yet.
  const out = await git(
    context,
    ['rev-parse', options.revision ?? 'HEAD', ...(options.exclude ?? ['--remotes']), '--'],
    { cwd: repoPath, okExitCodes: [0, 128] },
  );
  return out.exitCode === 0 ? out.stdout.trim().split('\n').join(' ') : undefined;
}

/**
 * The blob each of `paths` has in `revision`'s tree (absent when the path is not there): one
 * `ls-tree -r -z`, so whether a blob is still at the branch tip or only in older commits.
 */
export async function blobsAt(
  context: GitContext,
  repoPath: string,
  revision: string,
): Promise<ReadonlyMap<string, string>> {
  const tip = await gitListing(context, ['ls-tree', '-r', '-z', '--end-of-options', revision], {
    cwd: repoPath,
  });
  const at = new Map<string, string>();
  for (const entry of tip.stdout.split('\u0000')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, oid = ''] = entry.slice(0, tab).split(' ');
    if (type === 'blob') at.set(entry.slice(tab + 1), oid);
  }
  return at;
}

/**
 * The blobs the index holds that differ from HEAD's (what the next commit adds or changes), with
 * their sizes: `diff --cached --raw` (against an empty tree before the first commit,
 * git-diff(1)) and one `cat-file --batch-check`. Deletions and submodules carry no blob.
 */
export async function listStagedBlobs(context: GitContext, repoPath: string): Promise<SizedBlob[]> {
  const diff = await gitListing(
    context,
    ['diff', '--cached', '--raw', '-z', '--no-renames', '--diff-filter=AMT', '--no-abbrev'],
    { cwd: repoPath },
  );
  const fields = diff.stdout.split('\u0000');
  const staged: { readonly oid: string; readonly path: string }[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    // ":100644 100644 OLD NEW M" then the path.
    const [, mode = '', , oid = ''] = (fields[index] ?? '').split(' ');
    if (mode === '160000' || !/^[0-9a-f]{40,64}$/.test(oid)) continue;
    staged.push({ oid, path: fields[index + 1] ?? '' });
  }
  const sizes = new Map(
    (await batchCheck(context, repoPath, [...new Set(staged.map((blob) => blob.oid))]))
      .filter((entry) => entry.type === 'blob')
      .map((entry) => [entry.oid, entry.size]),
  );
  return staged
    .filter((blob) => sizes.has(blob.oid))
    .map((blob) => ({ ...blob, size: sizes.get(blob.oid) ?? 0 }));
}

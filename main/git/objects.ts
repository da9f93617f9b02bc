import { git, type GitContext } from './core';

// Small readers of a repository's objects, shared by the pre-push check and the pointer scan.
// Every call is one git process with an argument array; nothing is read through a shell.

/** The start of an LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
export const POINTER_HEADER = 'version https://git-lfs.github.com/spec/v1';

/** Reads a pointer's oid and size, or undefined when the text is not a pointer. */
export function parsePointer(text: string): { readonly oid: string; readonly size: number } | undefined {
  if (!text.startsWith(POINTER_HEADER) || text.length > 1024) return undefined;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)?.[1];
  const size = /^size (\d+)$/m.exec(text)?.[1];
  return oid && size ? { oid, size: Number(size) } : undefined;
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
  const blobs = new Map<string, string>();
  if (oids.length === 0) return blobs;
  const out = await git(context, ['cat-file', '--batch'], {
    cwd: repoPath,
    input: `${oids.join('\n')}\n`,
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
    blobs.set(oid, buffer.subarray(newline + 1, newline + 1 + length).toString('utf8'));
    at = newline + 1 + length + 1;
  }
  return blobs;
}

/** A blob in the commits about to be pushed, with what the Hub's rules look at. */
export interface PushedBlob {
  readonly oid: string;
  readonly path: string;
  readonly size: number;
  /** git's own binary detection (--numstat's "-"), the same .gitattributes rules the Hub sees. */
  readonly binary: boolean;
  /** The blob is what the branch tip holds at that path (not only in an older commit). */
  readonly atTip: boolean;
  /** The blob's text when it is small enough to be an LFS pointer. */
  readonly smallText?: string;
}

/**
 * The blobs of the commits `revision` has that `exclude` (default: every remote-tracking branch)
 * has not, and how many such commits there are: five git calls, whatever the repository's size.
 */
export async function listPushedBlobs(
  context: GitContext,
  repoPath: string,
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<{ readonly commits: number; readonly blobs: readonly PushedBlob[] }> {
  const revision = options.revision ?? 'HEAD';
  const not = options.exclude ?? ['--remotes'];
  const run = (args: readonly string[], input?: string) =>
    git(context, args, { cwd: repoPath, ...(input === undefined ? {} : { input }) });
  // Exit 1: the revision does not exist yet (a repository with no commit): nothing to push.
  const exists = await git(context, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
    cwd: repoPath,
    okExitCodes: [0, 1],
  });
  if (exists.exitCode !== 0) return { commits: 0, blobs: [] };
  const commits =
    Number((await run(['rev-list', '--count', revision, '--not', ...not, '--'])).stdout.trim()) || 0;
  const listed = await run(['rev-list', '--objects', revision, '--not', ...not, '--']);
  const objects = listed.stdout
    .split('\n')
    .filter((line) => line.length > 41)
    .map((line) => ({ oid: line.slice(0, 40), path: line.slice(41) }));
  if (objects.length === 0) return { commits, blobs: [] };

  const checked = await run(
    ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'],
    `${objects.map((object) => object.oid).join('\n')}\n`,
  );
  const sizes = new Map<string, number>();
  for (const line of checked.stdout.split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob') sizes.set(oid, Number(size));
  }
  const blobs = objects.filter((object) => sizes.has(object.oid));

  // Which paths git calls binary in the commits being pushed ("-\t-\tpath" in --numstat).
  const numstat = await run([
    'log',
    '--numstat',
    '--format=',
    '--no-renames',
    '-z',
    revision,
    '--not',
    ...not,
    '--',
  ]);
  const binaryPaths = new Set(
    numstat.stdout
      .split('\u0000')
      .map((entry) => entry.replace(/^\n+/, ''))
      .filter((entry) => entry.startsWith('-\t-\t'))
      .map((entry) => entry.slice(4)),
  );

  const tip = await run(['ls-tree', '-r', '-z', revision]);
  const atTip = new Set(
    tip.stdout
      .split('\u0000')
      .filter(Boolean)
      .map((entry) => {
        const tab = entry.indexOf('\t');
        return `${entry.slice(tab + 1)}\u0000${entry.slice(0, tab).split(' ')[2] ?? ''}`;
      }),
  );
  const small = await readBlobs(
    context,
    repoPath,
    blobs.filter((blob) => (sizes.get(blob.oid) ?? 0) < 1024).map((blob) => blob.oid),
  );
  return {
    commits,
    blobs: blobs.map((blob) => {
      const text = small.get(blob.oid);
      return {
        oid: blob.oid,
        path: blob.path,
        size: sizes.get(blob.oid) ?? 0,
        binary: binaryPaths.has(blob.path),
        atTip: atTip.has(`${blob.path}\u0000${blob.oid}`),
        ...(text === undefined ? {} : { smallText: text }),
      };
    }),
  };
}

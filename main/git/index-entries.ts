import { git, gitOutcome, type GitContext } from './core';

/**
 * Up to this many paths go on the command line; more would risk `spawn E2BIG` (stage.ts saw it at
 * a few thousand), so a longer list reads the whole index or tree and keeps the paths asked for.
 */
const PATHS_ON_COMMAND_LINE = 200;
const named = (paths: readonly string[]): string[] =>
  paths.length <= PATHS_ON_COMMAND_LINE ? ['--', ...paths] : [];

// A file's entry in the index (the "ticked" state) read and written exactly: what discard saves
// and Restore puts back. Paths reach git NUL-separated on stdin or after `--` with literal
// pathspecs, so no name is read as an option or a pattern.

/** One index entry: the file's mode and blob id (the staged bytes). */
export interface IndexEntry {
  readonly mode: string;
  readonly blob: string;
}

/** The index entries (stage 0) of the given paths; a path not in the index is absent from the map. */
export async function readIndexEntries(
  context: GitContext,
  repoPath: string,
  paths: readonly string[],
): Promise<Map<string, IndexEntry>> {
  const entries = new Map<string, IndexEntry>();
  if (paths.length === 0) return entries;
  const out = await git(context, ['--literal-pathspecs', 'ls-files', '--stage', '-z', ...named(paths)], {
    cwd: repoPath,
  });
  const wanted = new Set(paths);
  for (const record of out.stdout.split('\u0000')) {
    // "MODE BLOB STAGE\tPATH"
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', blob = '', stage = ''] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (stage === '0' && wanted.has(path)) entries.set(path, { mode, blob });
  }
  return entries;
}

/** A blob's raw bytes (no filter: an LFS file's pointer, as the index holds it). */
export async function readBlob(context: GitContext, repoPath: string, blob: string): Promise<Buffer> {
  const out = await git(context, ['cat-file', 'blob', blob], { cwd: repoPath, stdoutEncoding: 'latin1' });
  return Buffer.from(out.stdout, 'latin1');
}

/** Whether the object database still holds a blob (an unreachable one may have been pruned). */
export async function hasObject(context: GitContext, repoPath: string, blob: string): Promise<boolean> {
  // Exit 1 (or 128): not there.
  return (await gitOutcome(context, ['cat-file', '-e', `${blob}^{blob}`], { cwd: repoPath })).exitCode === 0;
}

/** Writes a file's bytes into the object database as they are (`--no-filters`) and returns the blob id. */
export async function writeBlob(context: GitContext, repoPath: string, file: string): Promise<string> {
  const out = await git(context, ['hash-object', '-w', '--no-filters', '--', file], { cwd: repoPath });
  return out.stdout.trim();
}

/**
 * Sets the index entries of these paths exactly: an entry puts that mode and blob in, null takes
 * the path out of the index (the work tree is not touched). One `update-index --index-info` run.
 */
export async function setIndexEntries(
  context: GitContext,
  repoPath: string,
  entries: ReadonlyMap<string, IndexEntry | null>,
): Promise<void> {
  if (entries.size === 0) return;
  // git-update-index(1) "USING --INDEX-INFO": "mode SP sha1 TAB path"; mode 0 removes the path.
  const zero = '0000000000000000000000000000000000000000';
  const lines = [...entries].map(([path, entry]) =>
    entry === null ? `0 ${zero}\t${path}` : `${entry.mode} ${entry.blob}\t${path}`,
  );
  await git(context, ['update-index', '-z', '--index-info'], {
    cwd: repoPath,
    input: `${lines.join('\u0000')}\u0000`,
  });
}

/** Which of the paths HEAD has (none when the branch has no commit yet). */
export async function inHead(
  context: GitContext,
  repoPath: string,
  paths: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  if (paths.length === 0) return found;
  // Exit 128: no HEAD commit yet (a new repository), so it has none of them.
  const out = await gitOutcome(
    context,
    ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--name-only', 'HEAD', ...named(paths)],
    { cwd: repoPath },
  );
  if (out.exitCode !== 0) return found;
  const wanted = new Set(paths);
  for (const path of out.stdout.split('\u0000')) if (wanted.has(path)) found.add(path);
  return found;
}

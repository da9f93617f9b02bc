import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, workTreeHashes } from './random-tree';

// "Nothing is ever lost" as a check (issue 12): every byte sequence the work tree held before an
// operation must afterwards be in the work tree, the index, a commit of any ref or reflog (stashes
// and backup branches included; a stash's untracked files are its third parent's tree), an LFS
// object, or a folder the app keeps things in (the trash stand-in). Content is compared by
// sha256, which is also an LFS object's oid.

function gitBuffer(repo: string, env: NodeJS.ProcessEnv, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd: repo, env, input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Every blob id reachable from any ref or reflog entry (stashes, backups), and in the index. */
function reachableBlobs(repo: string, env: NodeJS.ProcessEnv): string[] {
  const blobs = new Set<string>();
  const hasCommits =
    spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: repo, env }).status === 0;
  const refs = gitBuffer(repo, env, ['for-each-ref', '--format=%(objectname)']).toString().trim();
  if (hasCommits || refs !== '') {
    const listed = gitBuffer(repo, env, ['rev-list', '--objects', '--all', '--reflog', '--indexed-objects'])
      .toString()
      .split('\n');
    const ids = listed.map((line) => line.slice(0, 40)).filter((id) => /^[0-9a-f]{40}$/.test(id));
    const types = gitBuffer(
      repo,
      env,
      ['cat-file', '--batch-check=%(objectname) %(objecttype)'],
      ids.join('\n'),
    )
      .toString()
      .split('\n');
    for (const line of types) if (line.endsWith(' blob')) blobs.add(line.slice(0, 40));
  }
  for (const line of gitBuffer(repo, env, ['ls-files', '-s', '-z']).toString().split('\0')) {
    const id = line.split(' ')[1];
    if (id && /^[0-9a-f]{40}$/.test(id)) blobs.add(id);
  }
  return [...blobs];
}

/** sha256 of each blob's bytes, read in one `cat-file --batch`. */
function blobHashes(repo: string, env: NodeJS.ProcessEnv, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const out = gitBuffer(repo, env, ['cat-file', '--batch'], ids.join('\n') + '\n');
  const hashes: string[] = [];
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf(0x0a, at);
    const [, , size] = out.subarray(at, end).toString().split(' ');
    const length = Number(size);
    hashes.push(sha256(out.subarray(end + 1, end + 1 + length)));
    at = end + 1 + length + 1;
  }
  return hashes;
}

function folderHashes(folder: string, into: Set<string>): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) folderHashes(full, into);
    else if (statSync(full).isFile()) into.add(sha256(readFileSync(full)));
  }
}

/** The hashes of everything the repository and the given folders still hold. */
export function keptContent(
  repo: string,
  env: NodeJS.ProcessEnv,
  folders: readonly string[] = [],
): Set<string> {
  const kept = new Set<string>(workTreeHashes(repo).values());
  for (const hash of blobHashes(repo, env, reachableBlobs(repo, env))) kept.add(hash);
  folderHashes(join(repo, '.git', 'lfs', 'objects'), kept);
  for (const folder of folders) folderHashes(folder, kept);
  return kept;
}

/** The paths whose bytes (as they were before) are nowhere to be found now. */
export function lostFiles(before: ReadonlyMap<string, string>, kept: ReadonlySet<string>): string[] {
  return [...before].filter(([, hash]) => !kept.has(hash)).map(([path]) => path);
}

export { workTreeHashes };

import { mkdir, readFile } from 'node:fs/promises';
import { join, posix, win32 } from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../../core/atomic-write';
import { redactSecrets } from '../../core/redact';

// Recent repositories, remembered between launches in the app's data folder: the path, the
// remote (credentials redacted before it is ever written), the last action and when.

const ENTRY = z.object({
  path: z.string().min(1).max(4096),
  remote: z.string().max(2048),
  lastAction: z.enum(['cloned', 'committed', 'pushed', 'pulled', 'forked', 'opened']),
  at: z.string().max(40),
});
export type RecentRepo = z.infer<typeof ENTRY>;
const MAX = 20;

const file = (dataDir: string): string => join(dataDir, 'recent-repos.json');

/**
 * One spelling per folder, so a repository is listed once however it was reached. On Windows the
 * same folder arrives as `C:/Users/ada/repo` (Git for Windows' own output, such as
 * `rev-parse --show-toplevel`), `C:\Users\ada\repo` (the folder picker), `c:\...` and with a
 * trailing separator: Windows accepts `/` and `\` alike and drive letters in either
 * case (Microsoft's "Naming Files, Paths, and Namespaces"), so separators become `\`, the drive
 * letter upper case, and doubled or trailing separators go. Elsewhere only `//`, `.` and a
 * trailing `/` are tidied: POSIX names are exact.
 */
export function normaliseRepoPath(path: string, platform: NodeJS.Platform = process.platform): string {
  const windows = platform === 'win32';
  const flavour = windows ? win32 : posix;
  let clean = flavour.normalize(path);
  if (windows) clean = clean.replace(/^([a-z]):/, (_, drive: string) => `${drive.toUpperCase()}:`);
  const root = flavour.parse(clean).root;
  const separator = windows ? '\\' : '/';
  while (clean.length > root.length && clean.endsWith(separator)) clean = clean.slice(0, -1);
  return clean;
}

/**
 * Whether two remembered paths are the same folder: on Windows names are case-insensitive
 * (NTFS's default), so `C:\Repo` and `C:\repo` are one; elsewhere they are compared exactly
 * (macOS's APFS is case-insensitive by default but need not be, and a false merge would hide a
 * repository).
 */
export function sameRepoPath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const left = normaliseRepoPath(a, platform);
  const right = normaliseRepoPath(b, platform);
  return platform === 'win32' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

/** Keeps the first entry of each folder (files written before paths were normalised have doubles). */
function once(list: readonly RecentRepo[], platform: NodeJS.Platform): RecentRepo[] {
  const kept: RecentRepo[] = [];
  for (const item of list) {
    const path = normaliseRepoPath(item.path, platform);
    if (!kept.some((seen) => sameRepoPath(seen.path, path, platform))) kept.push({ ...item, path });
  }
  return kept;
}

/** The remembered repositories, newest first, each once; a missing or damaged file is an empty list. */
export async function readRecent(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<RecentRepo[]> {
  try {
    const parsed = z.array(ENTRY).safeParse(JSON.parse(await readFile(file(dataDir), 'utf8')));
    return parsed.success ? once(parsed.data, platform).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Puts the repository first (replacing its earlier entry, in any spelling) and keeps the newest twenty. */
export async function rememberRepo(
  dataDir: string,
  entry: RecentRepo,
  platform: NodeJS.Platform = process.platform,
): Promise<RecentRepo[]> {
  const clean = {
    ...entry,
    path: normaliseRepoPath(entry.path, platform),
    remote: redactSecrets(entry.remote),
  };
  const earlier = (await readRecent(dataDir, platform)).filter(
    (item) => !sameRepoPath(item.path, clean.path, platform),
  );
  const list = [clean, ...earlier].slice(0, MAX);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await atomicWrite(file(dataDir), `${JSON.stringify(list, null, 2)}\n`);
  return list;
}

/**
 * Records what was just done to a repository, with its main remote's address as shown (remotes
 * already read are reused). Best effort: a recent list that cannot be written changes nothing.
 */
export async function rememberAction(
  dataDir: string,
  path: string,
  lastAction: RecentRepo['lastAction'],
  remotes: () => Promise<readonly { readonly name: string; readonly shown: string }[]>,
  now = new Date(),
): Promise<void> {
  const known = await remotes().catch(() => []);
  const origin = known.find((remote) => remote.name === 'origin') ?? known[0];
  await rememberRepo(dataDir, { path, remote: origin?.shown ?? '', lastAction, at: now.toISOString() }).catch(
    () => undefined,
  );
}

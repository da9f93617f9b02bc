import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** The remembered repositories, newest first; a missing or damaged file is an empty list. */
export async function readRecent(dataDir: string): Promise<RecentRepo[]> {
  try {
    const parsed = z.array(ENTRY).safeParse(JSON.parse(await readFile(file(dataDir), 'utf8')));
    return parsed.success ? parsed.data.slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Puts the repository first (replacing its earlier entry) and keeps the newest twenty. */
export async function rememberRepo(dataDir: string, entry: RecentRepo): Promise<RecentRepo[]> {
  const clean = { ...entry, remote: redactSecrets(entry.remote) };
  const list = [clean, ...(await readRecent(dataDir)).filter((item) => item.path !== entry.path)].slice(
    0,
    MAX,
  );
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

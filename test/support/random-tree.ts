import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { run } from '../../main/core/run';

// Random work trees for the data-safety tests (issue 12): a committed base (text, binary and
// LFS files), then uncommitted edits, deletions, new untracked files, binary and LFS changes,
// some staged. Seeded, so a failing seed is replayed exactly. Real git and git-lfs build it.

/** A small seeded generator (mulberry32): the same seed gives the same tree. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TreeOptions {
  /** The repository folder (created, with `git init`). */
  readonly repo: string;
  /** Environment for git: a temp HOME with git-lfs installed for it (`git lfs install`). */
  readonly env: NodeJS.ProcessEnv;
  readonly seed: number;
  /** Files in the committed base (default 6–12). */
  readonly baseFiles?: number;
}

/** What the generator did, to print with a failing seed. */
export interface TreeStory {
  readonly seed: number;
  readonly edited: readonly string[];
  readonly deleted: readonly string[];
  readonly untracked: readonly string[];
  readonly staged: readonly string[];
}

const WORDS = ['model', 'weights', 'notes', 'data', 'train', 'eval', 'config', 'readme', 'vocab', 'card'];

/** Runs git in the repository with a fixed identity; throws with its output on failure. */
export async function gitIn(repo: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<string> {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd: repo,
    env,
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

function bytesFor(random: () => number, kind: 'text' | 'binary' | 'lfs', label: string): Buffer {
  if (kind === 'text') {
    const lines = 1 + Math.floor(random() * 40);
    return Buffer.from(
      Array.from({ length: lines }, (_, line) => `${label} line ${line} ${Math.floor(random() * 1e9)}`).join(
        '\n',
      ) + '\n',
    );
  }
  const size = kind === 'lfs' ? 2_000 + Math.floor(random() * 30_000) : 200 + Math.floor(random() * 4_000);
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) bytes[index] = Math.floor(random() * 256);
  bytes[0] = 0; // a NUL: git and the Hub's binary rule see it as binary
  return bytes;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function nameFor(random: () => number, kind: 'text' | 'binary' | 'lfs', index: number): string {
  const folder = random() < 0.4 ? `${pick(random, WORDS)}-dir/` : '';
  const extension =
    kind === 'text' ? pick(random, ['.txt', '.md', '.json']) : kind === 'lfs' ? '.bin' : '.dat';
  // Now and then a name with a space or a non-ASCII letter: paths must survive as they are.
  const odd = random() < 0.15 ? pick(random, [' copy', '-é', ' (2)']) : '';
  return `${folder}${pick(random, WORDS)}-${index}${odd}${extension}`;
}

/**
 * Builds a random work tree: `*.bin` stored with Git LFS, a committed base, then uncommitted
 * work of every kind. The repository has one commit on `main` and may have staged changes.
 */
export async function randomTree(options: TreeOptions): Promise<TreeStory> {
  const random = seeded(options.seed);
  const { repo, env } = options;
  mkdirSync(repo, { recursive: true });
  await gitIn(repo, env, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(repo, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
  const kinds = ['text', 'text', 'text', 'binary', 'lfs'] as const;
  const base: string[] = [];
  const count = options.baseFiles ?? 6 + Math.floor(random() * 7);
  for (let index = 0; index < count; index += 1) {
    const kind = pick(random, kinds);
    const name = nameFor(random, kind, index);
    mkdirSync(join(repo, name, '..'), { recursive: true });
    writeFileSync(join(repo, name), bytesFor(random, kind, name));
    base.push(name);
  }
  await gitIn(repo, env, ['add', '-A']);
  await gitIn(repo, env, ['commit', '--quiet', '-m', 'base']);

  const edited: string[] = [];
  const deleted: string[] = [];
  const untracked: string[] = [];
  for (const name of base) {
    const roll = random();
    if (roll < 0.3) {
      const kind = name.endsWith('.bin') ? 'lfs' : name.endsWith('.dat') ? 'binary' : 'text';
      writeFileSync(join(repo, name), bytesFor(random, kind, `${name} edited`));
      edited.push(name);
    } else if (roll < 0.4) {
      rmSync(join(repo, name));
      deleted.push(name);
    }
  }
  const fresh = Math.floor(random() * 5);
  for (let index = 0; index < fresh; index += 1) {
    const kind = pick(random, kinds);
    const name = nameFor(random, kind, 100 + index);
    if (existsSync(join(repo, name))) continue;
    mkdirSync(join(repo, name, '..'), { recursive: true });
    writeFileSync(join(repo, name), bytesFor(random, kind, `${name} new`));
    untracked.push(name);
  }
  // Some of the work is ticked (staged), some not: both must survive.
  const staged = [...edited, ...untracked].filter(() => random() < 0.3);
  for (const name of staged) await gitIn(repo, env, ['add', '--', `:(literal)${name}`]);
  return { seed: options.seed, edited, deleted, untracked, staged };
}

/** sha256 of bytes: the same as an LFS object's oid, so LFS storage counts as "still there". */
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Every file of the work tree (not .git/) as path -> sha256 of its bytes. */
export function workTreeHashes(repo: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (full !== join(repo, '.git')) walk(full);
      } else if (entry.isFile() || lstatSync(full).isSymbolicLink()) {
        found.set(relative(repo, full).split(sep).join('/'), sha256(readFileSync(full)));
      }
    }
  };
  walk(repo);
  return found;
}

import { join } from 'node:path';
import { run } from '../../../../../main/core/run';
import { keptContent, lostFiles, workTreeHashes } from '../../../../support/data-safety';
import { randomTree, type TreeStory } from '../../../../support/random-tree';

// The one place that says how many random trees each operation of the data-safety tests gets:
// a few by default, so `npm test` stays quick; 200 under `npm run test:safety` (npm names the
// script it runs in npm_lifecycle_event, which needs no shell syntax on Windows); any number
// with HFGD_SAFETY_TREES. HFGD_SAFETY_SEED replays one failing seed.

/** Trees per operation: HFGD_SAFETY_TREES, else 200 for `npm run test:safety`, else 3. */
export const TREES = Math.max(
  1,
  Number(process.env.HFGD_SAFETY_TREES) || (process.env.npm_lifecycle_event === 'test:safety' ? 200 : 3),
);

/** The seeds one operation runs: its own range (so operations see different trees), or the one to replay. */
export function seedsFor(operation: number): number[] {
  const replay = Number(process.env.HFGD_SAFETY_SEED);
  if (Number.isInteger(replay) && process.env.HFGD_SAFETY_SEED !== undefined) return [replay];
  return Array.from({ length: TREES }, (_, index) => operation * 100_000 + index + 1);
}

/** What a failing seed prints: the operation, the tree's story, and how to run it again. */
export function story(operation: string, tree: TreeStory, extra: Record<string, unknown> = {}): string {
  return `${operation} lost work on seed ${tree.seed}: ${JSON.stringify({ ...tree, ...extra })}\nReplay: HFGD_SAFETY_SEED=${tree.seed} npx vitest run test/main/features/repos/safety/`;
}

/** Plain git in a repository (an identity for commits made by the test itself); throws on failure. */
export async function gitIn(repo: string, env: NodeJS.ProcessEnv, args: readonly string[], input?: string) {
  const result = await run('git', ['-c', 'user.name=Hub', '-c', 'user.email=hub@example.com', ...args], {
    cwd: repo,
    env,
    timeoutMs: 120_000,
    ...(input === undefined ? {} : { input }),
  });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

/**
 * A commit on top of `parent` that changes `files` (new text content, or deleted when null),
 * made with plumbing in a temporary index, so the work tree and the index are not touched.
 */
export async function commitBeside(
  repo: string,
  env: NodeJS.ProcessEnv,
  parent: string,
  files: Readonly<Record<string, string | null>>,
  message: string,
): Promise<string> {
  const indexEnv = { ...env, GIT_INDEX_FILE: join(repo, '.git', 'hfgd-test-index') };
  await gitIn(repo, indexEnv, ['read-tree', parent]);
  for (const [name, content] of Object.entries(files)) {
    if (content === null) await gitIn(repo, indexEnv, ['update-index', '--force-remove', '--', name]);
    else {
      const blob = await gitIn(repo, env, ['hash-object', '-w', '--stdin'], content);
      await gitIn(repo, indexEnv, ['update-index', '--add', '--cacheinfo', `100644,${blob},${name}`]);
    }
  }
  const tree = await gitIn(repo, indexEnv, ['write-tree']);
  await run('rm', ['-f', join(repo, '.git', 'hfgd-test-index')], { env, timeoutMs: 5_000 });
  return gitIn(repo, env, ['commit-tree', tree, '-p', parent, '-m', message]);
}

/** Text files of the base commit (not LFS, not binary): the ones a competing change edits. */
export async function baseTextFiles(repo: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const listed = await gitIn(repo, env, ['ls-tree', '-r', '--name-only', '-z', 'HEAD']);
  return listed.split('\u0000').filter((name) => /\.(txt|md|json)$/.test(name));
}

/** What one tree's check found: the lost paths (must be none), the story, and the tree before the operation. */
export interface TreeCheck {
  readonly lost: string[];
  readonly tree: TreeStory;
  readonly before: Map<string, string>;
}

/**
 * Builds the tree, runs `setup` (which may commit beside the work but leaves the work tree's
 * uncommitted changes as they are), takes the tree's picture, runs `operation`, and returns what
 * is lost (must be nothing) with the story to print.
 */
export async function checkTree(
  folder: string,
  env: NodeJS.ProcessEnv,
  seed: number,
  steps: {
    readonly setup?: (repo: string, tree: TreeStory) => Promise<void>;
    readonly operation: (repo: string, tree: TreeStory, before: Map<string, string>) => Promise<void>;
  },
  keptFolders: readonly string[] = [],
): Promise<TreeCheck> {
  const tree = await randomTree({ repo: folder, env, seed });
  await steps.setup?.(folder, tree);
  const before = workTreeHashes(folder);
  await steps.operation(folder, tree, before);
  return { lost: lostFiles(before, keptContent(folder, env, keptFolders)), tree, before };
}

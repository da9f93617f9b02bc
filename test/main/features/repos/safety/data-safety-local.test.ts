import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLfs } from '../../../../../main/features/repos/lfs';
import { switchSafely } from '../../../../../main/features/repos/safety/switch';
import { readConflicts } from '../../../../../main/git/conflicts';
import { keptContent, lostFiles } from '../../../../support/data-safety';
import { workTreeHashes, type TreeStory } from '../../../../support/random-tree';
import { baseTextFiles, checkTree, commitBeside, gitIn, seedsFor, story, TREES } from './trees';
import { startWorld, type World } from './world';

// "Nothing is ever lost" over random work trees (issue 12), for the operations that need no Hub:
// moving files into LFS (a history rewrite that checks the branch out over the work tree), and
// switching branch carrying the changes along or leaving them on the old branch.

let world: World;

beforeAll(async () => {
  world = await startWorld();
}, 60_000);
// Removing hundreds of trees (LFS objects included) takes a while after a long run.
afterAll(async () => world.stop(), 300_000);

/** Runs one tree and fails with its story (and how to replay it) when anything is lost or throws. */
async function oneTree(
  operation: string,
  seed: number,
  steps: Parameters<typeof checkTree>[3],
): Promise<void> {
  let told: TreeStory = { seed, edited: [], deleted: [], untracked: [], staged: [] };
  try {
    const checked = await checkTree(join(world.root, `${operation}-${seed}`), world.shellEnv, seed, {
      setup: async (repo, tree) => {
        told = tree;
        await steps.setup?.(repo, tree);
      },
      operation: steps.operation,
    });
    expect(checked.lost, story(operation, checked.tree)).toEqual([]);
  } catch (error) {
    throw new Error(`${story(operation, told)}\n${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function changedSince(repo: string, before: Map<string, string>, except: ReadonlySet<string>): string[] {
  const now = workTreeHashes(repo);
  return [...before]
    .filter(([path, hash]) => !except.has(path) && now.get(path) !== hash)
    .map(([path]) => path);
}

/**
 * A branch `other` beside main: it changes a file the work does not touch, adds one, and (on odd
 * seeds) changes a file the work edited, so git refuses to carry the work and it is set aside.
 */
async function otherBranch(repo: string, tree: TreeStory): Promise<Set<string>> {
  const text = await baseTextFiles(repo, world.shellEnv);
  const touched = new Set([...tree.edited, ...tree.deleted, ...tree.staged]);
  const files: Record<string, string> = { [`only-other-${tree.seed}.txt`]: 'only on other\n' };
  const untouched = text.find((name) => !touched.has(name));
  if (untouched) files[untouched] = `other's ${untouched}\n`;
  const edited = text.find((name) => tree.edited.includes(name));
  if (edited && tree.seed % 2 === 1) files[edited] = `other's ${edited}\n`;
  const commit = await commitBeside(repo, world.shellEnv, 'HEAD', files, 'other');
  await gitIn(repo, world.shellEnv, ['update-ref', 'refs/heads/other', commit]);
  return new Set(Object.keys(files));
}

const timeout = 30_000 + TREES * 10_000;

describe(`data safety over ${TREES} random trees per operation (no Hub needed)`, () => {
  it(
    'moving files into LFS keeps every uncommitted byte where it was',
    async () => {
      for (const seed of seedsFor(6))
        await oneTree('migrate', seed, {
          operation: async (repo, _tree, before) => {
            const { notes } = await migrateToLfs(world.settings, repo, '*.dat', true, world.env);
            expect(notes.join(' '), notes.join(' ')).not.toMatch(/kept set aside|conflict/);
            // .gitattributes gains the moved pattern; every other file is exactly as it was.
            expect(changedSince(repo, before, new Set(['.gitattributes']))).toEqual([]);
            expect(await gitIn(repo, world.shellEnv, ['stash', 'list'])).toBe('');
          },
        });
    },
    timeout,
  );

  it(
    'switching branch carrying the changes: along when they fit, set aside and put back when not',
    async () => {
      let clashed = 0;
      for (const seed of seedsFor(7)) {
        let other = new Set<string>();
        await oneTree('switch-carry', seed, {
          setup: async (repo, tree) => {
            other = await otherBranch(repo, tree);
          },
          operation: async (repo, _tree, before) => {
            await switchSafely(world.git(), repo, 'other', 'carry');
            expect(await gitIn(repo, world.shellEnv, ['branch', '--show-current'])).toBe('other');
            if ((await readConflicts(world.git(), repo)).inProgress) clashed += 1;
            else expect(changedSince(repo, before, other)).toEqual([]);
          },
        });
      }
      if (TREES >= 4) expect(clashed).toBeGreaterThan(0);
    },
    timeout,
  );

  it(
    'switching branch leaving the changes: set aside, and exactly back on return',
    async () => {
      for (const seed of seedsFor(8))
        await oneTree('switch-leave', seed, {
          setup: async (repo, tree) => {
            await otherBranch(repo, tree);
          },
          operation: async (repo, _tree, before) => {
            const index = await gitIn(repo, world.shellEnv, ['ls-files', '-s']);
            await switchSafely(world.git(), repo, 'other', 'leave');
            expect(lostFiles(before, keptContent(repo, world.shellEnv))).toEqual([]);
            await switchSafely(world.git(), repo, 'main', 'carry');
            expect(workTreeHashes(repo)).toEqual(before);
            expect(await gitIn(repo, world.shellEnv, ['ls-files', '-s'])).toBe(index);
            expect(await gitIn(repo, world.shellEnv, ['stash', 'list'])).toBe('');
          },
        });
    },
    timeout,
  );
});

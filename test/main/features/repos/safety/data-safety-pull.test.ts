import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortOperation } from '../../../../../main/features/repos/safety/operation';
import { safePull } from '../../../../../main/features/repos/safety/pull';
import { resolveConflict } from '../../../../../main/features/repos/safety/resolve';
import { readConflicts } from '../../../../../main/git/conflicts';
import { workTreeHashes } from '../../../../support/random-tree';
import type { TreeStory } from '../../../../support/random-tree';
import { baseTextFiles, checkTree, commitBeside, gitIn, seedsFor, story, TREES } from './trees';
import { startWorld, type World } from './world';

// "Nothing is ever lost" over random work trees (issue 12), for the pulls against the fake hub:
// a pull the Hub's change does not touch, one whose change clashes (a merge conflict with a
// local commit, the set-aside work clashing with the Hub's edit), Abort after it (exactly back),
// and settling every conflict with "Keep mine" or "Keep the Hub's". The set-aside stashes count
// as kept: that is the point of them.

let world: World;
let count = 0;

beforeAll(async () => {
  world = await startWorld();
}, 60_000);
// Removing hundreds of trees (LFS objects included) takes a while after a long run.
afterAll(async () => world.stop(), 300_000);

/** Pushes the tree's base to a new hub repository as its origin/main. */
async function publish(repo: string): Promise<void> {
  count += 1;
  const path = `alice/tree-${count}`;
  world.hub.createRepo(path);
  await gitIn(repo, world.shellEnv, ['remote', 'add', 'origin', `${world.hub.httpUrl}/${path}`]);
  await gitIn(repo, world.shellEnv, ['push', '--quiet', '-u', 'origin', 'main']);
}

/** Base text files the uncommitted work did not touch, and the ones it edited. */
async function split(repo: string, tree: TreeStory) {
  const text = await baseTextFiles(repo, world.shellEnv);
  const touched = new Set([...tree.edited, ...tree.deleted, ...tree.staged]);
  return {
    untouched: text.filter((name) => !touched.has(name)),
    edited: text.filter((name) => tree.edited.includes(name) && !tree.deleted.includes(name)),
  };
}

/** The Hub moves ahead by a commit on the base changing `files`, pushed from beside the work tree. */
async function hubChange(repo: string, files: Readonly<Record<string, string | null>>, seed: number) {
  const base = await gitIn(repo, world.shellEnv, ['rev-parse', 'origin/main']);
  const commit = await commitBeside(
    repo,
    world.shellEnv,
    base,
    { [`hub-new-${seed}.txt`]: `new on the Hub ${seed}\n`, ...files },
    'the Hub',
  );
  await gitIn(repo, world.shellEnv, ['push', '--quiet', 'origin', `${commit}:refs/heads/main`]);
  // The work repository forgets it had that commit's ref: the pull fetches it as a person's would.
  await gitIn(repo, world.shellEnv, ['update-ref', 'refs/remotes/origin/main', base]);
}

/**
 * A clash: a local commit changes one untouched file (so the pull's merge conflicts on it), and
 * the Hub changes that file and one the uncommitted work edited (so putting the work back clashes).
 */
async function clashingSetup(repo: string, tree: TreeStory): Promise<void> {
  await publish(repo);
  const { untouched, edited } = await split(repo, tree);
  const hub: Record<string, string> = {};
  const local = untouched[0];
  if (local !== undefined) {
    const commit = await commitBeside(
      repo,
      world.shellEnv,
      'HEAD',
      { [local]: `my committed ${local}\n` },
      'mine',
    );
    await gitIn(repo, world.shellEnv, ['update-ref', 'refs/heads/main', commit]);
    await gitIn(repo, world.shellEnv, ['checkout', commit, '--', local]);
    hub[local] = `the Hub's ${local}\n`;
  }
  if (edited[0] !== undefined) hub[edited[0]] = `the Hub's ${edited[0]}\n`;
  await hubChange(repo, hub, tree.seed);
}

/** Settles every conflict with one choice (committing merges) until nothing is in progress. */
async function settleAll(repo: string, choice: 'mine' | 'theirs'): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    const conflicts = await readConflicts(world.git(), repo);
    if (!conflicts.inProgress) return;
    for (const file of conflicts.files) await resolveConflict(world.git(), repo, file.path, choice);
    if ((await readConflicts(world.git(), repo)).inProgress?.kind === 'merge') {
      const committed = await world.call('commitChanges', { path: repo, message: 'Merge the Hub' });
      if (!committed.ok) throw new Error(JSON.stringify(committed.error));
    }
  }
  throw new Error('Conflicts kept coming back.');
}

/** Runs one tree and fails with its story (and how to replay it) when anything is lost or throws. */
async function oneTree(
  operation: string,
  seed: number,
  steps: Parameters<typeof checkTree>[3],
): Promise<void> {
  let told: TreeStory = { seed, edited: [], deleted: [], untracked: [], staged: [] };
  const folder = join(world.root, `${operation}-${seed}`);
  try {
    const checked = await checkTree(folder, world.shellEnv, seed, {
      ...(steps.setup
        ? {
            setup: async (repo, tree) => {
              told = tree;
              await steps.setup!(repo, tree);
            },
          }
        : {}),
      operation: async (repo, tree, before) => {
        told = tree;
        await steps.operation(repo, tree, before);
      },
    });
    expect(checked.lost, story(operation, checked.tree)).toEqual([]);
  } catch (error) {
    throw new Error(`${story(operation, told)}\n${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** The paths whose bytes are not as they were, ignoring the files the Hub changed or added. */
function changedSince(repo: string, before: Map<string, string>, hubFiles: ReadonlySet<string>): string[] {
  const now = workTreeHashes(repo);
  return [...before]
    .filter(([path, hash]) => !hubFiles.has(path) && now.get(path) !== hash)
    .map(([path]) => path);
}

/** Generous per tree: two shared cores, other suites running beside this one. */
const timeout = 30_000 + TREES * 15_000;

describe(`data safety over ${TREES} random trees per operation (pulls against the fake hub)`, () => {
  it(
    'pull, the Hub changing files the work does not touch: all work back exactly',
    async () => {
      for (const seed of seedsFor(1)) {
        let hubEdited = new Set<string>();
        await oneTree('pull', seed, {
          setup: async (repo, tree) => {
            await publish(repo);
            const { untouched } = await split(repo, tree);
            hubEdited = new Set(untouched.slice(0, 1));
            await hubChange(repo, untouched[0] ? { [untouched[0]]: 'the Hub’s edit\n' } : {}, tree.seed);
          },
          operation: async (repo, _tree, before) => {
            const pulled = await safePull(world.git(), repo);
            expect(pulled.run.ok, pulled.run.output).toBe(true);
            expect((await readConflicts(world.git(), repo)).inProgress).toBeNull();
            expect(changedSince(repo, before, hubEdited)).toEqual([]);
            expect(await gitIn(repo, world.shellEnv, ['stash', 'list'])).toBe('');
          },
        });
      }
    },
    timeout,
  );

  it(
    'pull, the Hub’s change clashing with a commit and with the work: nothing lost',
    async () => {
      let stopped = 0;
      for (const seed of seedsFor(2))
        await oneTree('pull-conflict', seed, {
          setup: clashingSetup,
          operation: async (repo) => {
            await safePull(world.git(), repo);
            if ((await readConflicts(world.git(), repo)).inProgress) stopped += 1;
          },
        });
      // The trees really clashed (a check that cannot pass on trees that never conflict).
      expect(stopped).toBeGreaterThan(0);
    },
    timeout,
  );

  it(
    'abort after a clashing pull: exactly as before, to the byte, the index and HEAD too',
    async () => {
      let aborted = 0;
      for (const seed of seedsFor(3))
        await oneTree('abort', seed, {
          setup: clashingSetup,
          operation: async (repo, _tree, before) => {
            const head = await gitIn(repo, world.shellEnv, ['rev-parse', 'HEAD']);
            const index = await gitIn(repo, world.shellEnv, ['ls-files', '-s']);
            await safePull(world.git(), repo);
            if ((await readConflicts(world.git(), repo)).inProgress) {
              await abortOperation(world.git(), repo);
              aborted += 1;
            } else await gitIn(repo, world.shellEnv, ['reset', '--quiet', '--keep', head]);
            expect(workTreeHashes(repo)).toEqual(before);
            expect(await gitIn(repo, world.shellEnv, ['ls-files', '-s'])).toBe(index);
            expect(await gitIn(repo, world.shellEnv, ['rev-parse', 'HEAD'])).toBe(head);
            expect(await gitIn(repo, world.shellEnv, ['stash', 'list'])).toBe('');
          },
        });
      expect(aborted).toBeGreaterThan(0);
    },
    timeout,
  );

  for (const [index, choice] of (['mine', 'theirs'] as const).entries())
    it(
      `settling every conflict with "Keep ${choice === 'mine' ? 'mine' : 'the Hub’s'}": nothing lost`,
      async () => {
        let settled = 0;
        for (const seed of seedsFor(4 + index))
          await oneTree(`resolve-${choice}`, seed, {
            setup: clashingSetup,
            operation: async (repo, _tree, before) => {
              await safePull(world.git(), repo);
              if ((await readConflicts(world.git(), repo)).inProgress) settled += 1;
              await settleAll(repo, choice);
              expect(await gitIn(repo, world.shellEnv, ['ls-files', '-u'])).toBe('');
              // Keeping mine everywhere: every file of mine is as it was, and the app kept no stash.
              if (choice === 'mine') {
                expect(changedSince(repo, before, new Set())).toEqual([]);
                expect(await gitIn(repo, world.shellEnv, ['stash', 'list'])).toBe('');
              }
            },
          });
        expect(settled).toBeGreaterThan(0);
      },
      timeout,
    );
});

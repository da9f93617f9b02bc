import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../../../main/git/backup-branch';
import { repoStatus } from '../../../../../main/git/status';
import { restoreBackup } from '../../../../../main/features/repos/recovery/backups';
import { createBranch } from '../../../../../main/features/repos/recovery/branches';
import { discardFiles, restoreSet } from '../../../../../main/features/repos/recovery/discard';
import { revertOne, undoCommit } from '../../../../../main/features/repos/recovery/history-ops';
import { keptContent, lostFiles, workTreeHashes } from '../../../../support/data-safety';
import { gitIn, randomTree, seeded, type TreeStory } from '../../../../support/random-tree';
import { makeWorld, type World } from './setup';

// "Nothing is ever lost", as a property: on random work trees (text, binary and LFS files;
// edits, deletions, untracked files, some ticked), each recovery operation runs, and afterwards
// every byte sequence the work tree held is still in the work tree, git's objects (refs,
// reflogs, stashes, backups), LFS storage or the app's discarded-files folder. A failure prints
// the seed's story (what the tree generator did, then what the test did), to replay it exactly.

/** Trees per operation: a quick default here, HFGD_SAFETY_TREES=200 for the long run (npm run test:safety). */
const QUICK_TREES = 6;
const TREES =
  Number(process.env.HFGD_SAFETY_TREES ?? '') ||
  (process.env.npm_lifecycle_event === 'test:safety' ? 200 : QUICK_TREES);
const SEEDS = Array.from({ length: TREES }, (_, index) => 1000 + index);
/** Each test walks all its trees: about half a second each here, with room for a busy machine. */
const TIMEOUT_MS = 20_000 + TREES * 3_000;

let world: World;
beforeAll(async () => {
  world = await makeWorld('recovery-safety');
});
afterAll(() => world.cleanUp(), 120_000);

/** A failing seed's story: the generator's, then each step the test took. */
const told = (story: TreeStory, steps: readonly string[]) =>
  `seed ${story.seed}: ${JSON.stringify(story)}\nsteps:\n  ${steps.join('\n  ')}`;

/**
 * A fresh random tree for one operation and seed, with its own app data folder (so checking
 * what the app kept reads this tree's discarded files only).
 */
async function tree(
  operation: string,
  seed: number,
): Promise<{ repo: string; story: TreeStory; dataDir: string }> {
  const repo = join(world.root, `${operation}-${seed}`);
  const story = await randomTree({ repo, env: world.env, seed });
  return { repo, story, dataDir: join(world.root, `data-${operation}-${seed}`) };
}

/** A tree that passed is removed at once (a failing one stays for a look); 1,200 trees fill a disk. */
const passed = (repo: string, dataDir: string) => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
};

/** Index and porcelain status: the ticked state, compared before and after. */
const indexState = async (repo: string) => ({
  index: await gitIn(repo, world.env, ['ls-files', '--stage']),
  status: await gitIn(repo, world.env, ['status', '--porcelain=v1', '-uall']),
});

const changedPaths = async (repo: string) =>
  (await repoStatus(world.git, repo)).changes.map((change) => change.path);

function someOf<T>(random: () => number, items: readonly T[]): T[] {
  const chosen = items.filter(() => random() < 0.5);
  return chosen.length > 0 || items.length === 0 ? chosen : [items[Math.floor(random() * items.length)]!];
}

describe(`recovery keeps every byte (${TREES} random trees per operation)`, () => {
  it(
    'discard: only the chosen files change, and their bytes are kept by the app',
    async () => {
      let onlyInApp = 0;
      for (const seed of SEEDS) {
        const { repo, story, dataDir } = await tree('discard', seed);
        const steps: string[] = [];
        const before = workTreeHashes(repo);
        const changes = await changedPaths(repo);
        if (changes.length === 0) {
          passed(repo, dataDir);
          continue;
        }
        const chosen = someOf(seeded(seed * 7), changes);
        steps.push(`discard ${JSON.stringify(chosen)} of ${JSON.stringify(changes)}`);
        await discardFiles(world.git, dataDir, repo, chosen);
        const after = workTreeHashes(repo);
        // A chosen folder of new files ("data/", as the list folds it) stands for every file in it.
        const isChosen = (path: string) =>
          chosen.some((entry) => entry === path || (entry.endsWith('/') && path.startsWith(entry)));
        const untouched = [...before].filter(([path]) => !isChosen(path));
        expect(
          untouched.filter(([path, hash]) => after.get(path) !== hash).map(([path]) => path),
          told(story, steps),
        ).toEqual([]);
        expect(
          (await changedPaths(repo)).filter((path) => chosen.includes(path)),
          told(story, steps),
        ).toEqual([]);
        expect(lostFiles(before, keptContent(repo, world.env, [dataDir])), told(story, steps)).toEqual([]);
        // Without the app's folder the discarded bytes would be gone: the check can fail.
        if (lostFiles(before, keptContent(repo, world.env)).length > 0) onlyInApp += 1;
        passed(repo, dataDir);
      }
      expect(onlyInApp).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'discard then restore: the work tree and the ticked state are exactly as before',
    async () => {
      for (const seed of SEEDS) {
        const { repo, story, dataDir } = await tree('restore', seed);
        const changes = await changedPaths(repo);
        if (changes.length === 0) {
          passed(repo, dataDir);
          continue;
        }
        const chosen = someOf(seeded(seed * 11), changes);
        const steps = [`discard ${JSON.stringify(chosen)}`, 'restore'];
        const hashes = workTreeHashes(repo);
        const ticked = await indexState(repo);
        const set = await discardFiles(world.git, dataDir, repo, chosen);
        await restoreSet(world.git, dataDir, repo, set.id);
        expect([...workTreeHashes(repo)].sort(), told(story, steps)).toEqual([...hashes].sort());
        expect(await indexState(repo), told(story, steps)).toEqual(ticked);
        passed(repo, dataDir);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'undo commit: every byte stays and the commit’s changes come back ticked',
    async () => {
      for (const seed of SEEDS) {
        const { repo, story, dataDir } = await tree('undo', seed);
        const changes = await changedPaths(repo);
        if (changes.length === 0) {
          passed(repo, dataDir);
          continue;
        }
        const committed = someOf(seeded(seed * 13), changes);
        const steps = [`commit ${JSON.stringify(committed)}`, 'undo'];
        await gitIn(repo, world.env, ['add', '-A', '--', ...committed.map((path) => `:(literal)${path}`)]);
        await gitIn(repo, world.env, ['commit', '--quiet', '-m', 'some of the work']);
        const before = workTreeHashes(repo);
        await undoCommit(world.git, repo);
        expect([...workTreeHashes(repo)].sort(), told(story, steps)).toEqual([...before].sort());
        expect(lostFiles(before, keptContent(repo, world.env)), told(story, steps)).toEqual([]);
        const ticked = (await repoStatus(world.git, repo)).changes.filter((change) => change.staged);
        // A committed folder of new files comes back as its files, each ticked.
        expect(
          committed.filter(
            (path) =>
              !ticked.some(
                (change) => change.path === path || (path.endsWith('/') && change.path.startsWith(path)),
              ),
          ),
          told(story, steps),
        ).toEqual([]);
        expect(await gitIn(repo, world.env, ['log', '--format=%s']), told(story, steps)).toBe('base\n');
        passed(repo, dataDir);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'revert of a pushed commit: every byte stays, and the files are as before that commit',
    async () => {
      for (const seed of SEEDS) {
        const { repo, story, dataDir } = await tree('revert', seed);
        const steps = [
          'commit all the work',
          'mark it pushed (refs/remotes/origin/main)',
          'add new files',
          'revert',
        ];
        await gitIn(repo, world.env, ['add', '-A']);
        const staged = await gitIn(repo, world.env, ['diff', '--cached', '--name-only']);
        if (staged === '') {
          passed(repo, dataDir);
          continue;
        }
        await gitIn(repo, world.env, ['commit', '--quiet', '-m', 'the work']);
        await gitIn(repo, world.env, ['update-ref', 'refs/remotes/origin/main', 'HEAD']);
        // Untracked work the revert does not touch must stay as it is.
        mkdirSync(join(repo, 'later'), { recursive: true });
        writeFileSync(join(repo, 'later', `notes-${seed}.txt`), `written after the commit ${seed}\n`);
        const before = workTreeHashes(repo);
        const work = (await gitIn(repo, world.env, ['rev-parse', 'HEAD'])).trim();
        await revertOne(world.git, repo, work);
        expect(lostFiles(before, keptContent(repo, world.env)), told(story, steps)).toEqual([]);
        expect(
          await gitIn(repo, world.env, ['diff', '--name-only', 'HEAD~2', 'HEAD']),
          told(story, steps),
        ).toBe('');
        expect(existsSync(join(repo, 'later', `notes-${seed}.txt`)), told(story, steps)).toBe(true);
        passed(repo, dataDir);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'restore a backup: the replaced commits, every uncommitted byte and the backup all stay',
    async () => {
      for (const seed of SEEDS) {
        const { repo, story, dataDir } = await tree('backup', seed);
        const steps = [
          'back up HEAD',
          'commit all the work on top',
          'write new uncommitted work',
          'restore the backup',
        ];
        const head = (await gitIn(repo, world.env, ['rev-parse', 'HEAD'])).trim();
        const backup = await createBackup(world.git, repo, head, 'hfgd: backup before a test');
        await gitIn(repo, world.env, ['add', '-A']);
        await gitIn(repo, world.env, ['commit', '--quiet', '--allow-empty', '-m', 'the work']);
        const replaced = (await gitIn(repo, world.env, ['rev-parse', 'HEAD'])).trim();
        const random = seeded(seed * 17);
        writeFileSync(join(repo, `fresh-${seed}.txt`), `uncommitted ${random()}\n`);
        const tracked = (await gitIn(repo, world.env, ['ls-files', '-z'])).split('\0').filter(Boolean);
        const edited = tracked.filter((path) => !path.endsWith('.bin') && random() < 0.3);
        for (const path of edited) writeFileSync(join(repo, path), `edited again ${random()}\n`);
        steps.push(`edited ${JSON.stringify(edited)}`);
        const before = workTreeHashes(repo);
        const result = await restoreBackup(world.git, repo, backup);
        steps.push(`restore: ${JSON.stringify(result)}`);
        expect(lostFiles(before, keptContent(repo, world.env)), told(story, steps)).toEqual([]);
        expect((await gitIn(repo, world.env, ['rev-parse', 'HEAD'])).trim(), told(story, steps)).toBe(head);
        expect((await gitIn(repo, world.env, ['rev-parse', result.keptAs])).trim(), told(story, steps)).toBe(
          replaced,
        );
        expect((await gitIn(repo, world.env, ['rev-parse', backup])).trim(), told(story, steps)).toBe(head);
        passed(repo, dataDir);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'create a branch and switch to it: the work tree and the ticked state do not change',
    async () => {
      for (const seed of SEEDS) {
        const { repo, story, dataDir } = await tree('branch', seed);
        const steps = [`create and switch to topic-${seed}`];
        const hashes = workTreeHashes(repo);
        const ticked = await indexState(repo);
        await createBranch(world.git, repo, `topic-${seed}`, true);
        expect((await gitIn(repo, world.env, ['branch', '--show-current'])).trim(), told(story, steps)).toBe(
          `topic-${seed}`,
        );
        expect([...workTreeHashes(repo)].sort(), told(story, steps)).toEqual([...hashes].sort());
        expect(await indexState(repo), told(story, steps)).toEqual(ticked);
        passed(repo, dataDir);
      }
    },
    TIMEOUT_MS,
  );
});

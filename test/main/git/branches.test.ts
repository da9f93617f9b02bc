import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrack, validBranchName } from '../../../main/git/branches';
import { backupTime } from '../../../main/git/backup-branch';
import { branchNameProblems } from '../../../main/features/repos/recovery/branches';
import { gitIn } from '../../support/random-tree';
import { makeWorld, type World } from '../features/repos/recovery/setup';

// Branch names go through git's own rules (check-ref-format --branch); the words for a refused
// one name what is wrong; the distance to the upstream is read from for-each-ref's track field.

let world: World;
let repo: string;
beforeAll(async () => {
  world = await makeWorld('branch-names');
  repo = join(world.root, 'repo');
  await gitIn(world.root, world.env, ['init', '--quiet', repo]);
});
afterAll(() => world.cleanUp());

describe('branch names', () => {
  it('accepts what git accepts and refuses the rest', async () => {
    for (const name of ['main', 'fix/readme', 'v2.0', 'pr/12', 'é-branch'])
      expect(await validBranchName(world.git, repo, name), name).toBe(true);
    for (const name of [
      '-x',
      'a b',
      'a..b',
      'a~1',
      'x:y',
      'x?',
      'x*',
      'x[',
      'a\\b',
      'a/',
      '.a',
      'a.lock',
      'a@{b',
      'HEAD',
      '@',
    ])
      expect(await validBranchName(world.git, repo, name), name).toBe(false);
  });

  it('says what is wrong in words for each refused name', () => {
    expect(branchNameProblems('my branch?')).toEqual(['these characters: a space, "?"']);
    expect(branchNameProblems('a..b')).toEqual(['two dots in a row']);
    expect(branchNameProblems('-x')).toEqual(['a "-" at the start']);
    expect(branchNameProblems('x.lock')).toEqual(['an ending of "." or ".lock"']);
    expect(branchNameProblems('a/.b')).toEqual(['a part starting with "."']);
    expect(branchNameProblems('fine/name')).toEqual([]);
  });

  it('reads ahead and behind from the track field', () => {
    expect(parseTrack('[ahead 2, behind 1]')).toEqual({ ahead: 2, behind: 1 });
    expect(parseTrack('[behind 5]')).toEqual({ ahead: 0, behind: 5 });
    expect(parseTrack('[gone]')).toEqual({ ahead: 0, behind: 0 });
    expect(parseTrack('')).toEqual({ ahead: 0, behind: 0 });
  });

  it('reads the time a backup branch was made from its name (lfs.ts naming)', () => {
    expect(backupTime('hfgd-backup-20261130T120000.123')).toBe('2026-11-30T12:00:00.123Z');
    expect(backupTime('hfgd-backup-20261130T120000.123-3')).toBe('2026-11-30T12:00:00.123Z');
    expect(backupTime('hfgd-backup-nope')).toBeUndefined();
    expect(backupTime('main')).toBeUndefined();
  });
});

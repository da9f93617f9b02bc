import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_REVISION_LENGTH,
  revisionProblem,
  revisionRefusal,
  validRevision,
} from '../../../main/hub/repo-ref';

// The revision a clone passes to `git clone --branch` (issue 16, item 12: 41 bad values reached
// git unchecked). The app's rule is git's own ref-name rule, so real git is the oracle here, plus
// the refusals git would not make itself: a leading "-" (an option) and invisible characters.

const home = mkdtempSync(join(tmpdir(), 'hfgd-revision-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** What `git check-ref-format --allow-onelevel` says, under a temp HOME and no system config. */
function gitAccepts(revision: string): boolean {
  const result = spawnSync('git', ['check-ref-format', '--allow-onelevel', revision], {
    env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
  });
  return result.status === 0;
}

const GOOD = [
  'main',
  'v1.0',
  'feature/x',
  'refs/pr/1',
  'refs/convert/parquet',
  'x-',
  'a@b',
  'a.b',
  'ünïcode',
  '0123abcd',
  '0123456789abcdef0123456789abcdef01234567',
  'HEAD',
  'a'.repeat(MAX_REVISION_LENGTH),
];

/** The fault run's kinds of bad value, one or more of each. */
const BAD = [
  '',
  '-x',
  '--upload-pack=touch /tmp/pwned',
  '-',
  'a..b',
  '..',
  '../../etc',
  'a@{1}',
  '@{-1}',
  'HEAD@{yesterday}',
  '@',
  '.a',
  'a/.b',
  'a.',
  'a.lock',
  'a.lock/b',
  'a/b.lock',
  'a//b',
  '/a',
  'a/',
  'a b',
  ' main',
  'main ',
  'a~1',
  'a^',
  'a^{tree}',
  'a:b',
  'a?',
  'a*',
  'a[b',
  'a\\b',
  'a\tb',
  'main\n--help',
  'a\u0000b',
  'a\u001bb',
  'a\u007fb',
  'a\u0085b',
  'a\u202eb',
  'a\u2066b',
  'a\ud800b',
  'a'.repeat(MAX_REVISION_LENGTH + 1),
  'a/./b',
];

describe('revisionProblem', () => {
  it.each(GOOD)('takes %j, as git does', (revision) => {
    expect(revisionProblem(revision)).toBeUndefined();
    expect(gitAccepts(revision)).toBe(true);
  });

  it.each(BAD)('refuses %j with a reason', (revision) => {
    expect(revisionProblem(revision)).toMatch(/\.$/);
    expect(validRevision(revision)).toBe(false);
  });

  it('agrees with git check-ref-format on every value git itself judges', () => {
    // Git's rule, except where the app is stricter on purpose: "-" (an option to git clone),
    // C1 controls, direction marks and broken surrogates (allowed by git, invisible on screen).
    const stricter = (revision: string) =>
      revision.startsWith('-') || /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u.test(revision);
    const disagreements = [...GOOD, ...BAD]
      .filter((revision) => revision.length <= MAX_REVISION_LENGTH && !stricter(revision))
      .filter((revision) => !revision.includes('\u0000'))
      .filter((revision) => validRevision(revision) !== gitAccepts(revision));
    expect(disagreements).toEqual([]);
  });

  it('says which rule the value broke', () => {
    expect(revisionProblem('-x')).toContain('option');
    expect(revisionProblem('a..b')).toContain('".."');
    expect(revisionProblem('a@{1}')).toContain('"@{"');
    expect(revisionProblem('a b')).toContain('space');
    expect(revisionProblem('a:b')).toContain('":"');
    expect(revisionProblem('a\nb')).toContain('line break');
    expect(revisionProblem('a.lock')).toContain('.lock');
  });
});

describe('revisionRefusal', () => {
  it('names the value quoted and escaped, cut short, with the reason', () => {
    expect(revisionRefusal('main')).toBeUndefined();
    expect(revisionRefusal('main\n--help')).toBe(
      '"main\\n--help" is not a branch, tag or commit Git can use: it contains control characters or a line break.',
    );
    const long = revisionRefusal(`-${'x'.repeat(3_000_000)}`) ?? '';
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('longer than 255');
  });
});

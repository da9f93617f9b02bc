import { describe, expect, it } from 'vitest';
import {
  BINARY_LIMIT,
  checkFile,
  describeProblem,
  FIVE_GB,
  TEN_MIB,
  transfersFromConfig,
} from '../../../main/hub/push-rules';

// The Hub's rules for one file, as pure facts in and the rule broken out (the scan over real
// commits, and its agreement with the fake hub's pre-receive hook, is tested in
// test/main/features/repos/pre-push.test.ts).

describe('checkFile', () => {
  const base = { path: 'data/file.bin', size: 100, binary: false, inHistoryOnly: false };

  it('passes small text files and LFS pointers to files up to 5 GB', () => {
    expect(checkFile(base)).toBeUndefined();
    expect(checkFile({ ...base, pointerSize: FIVE_GB })).toBeUndefined();
  });

  it('names the first rule broken, with the LFS pattern where LFS fixes it, and blocks', () => {
    expect(checkFile({ ...base, size: TEN_MIB + 1 })).toEqual({
      rule: 'too_large',
      path: 'data/file.bin',
      size: TEN_MIB + 1,
      inHistoryOnly: false,
      trackPattern: '*.bin',
      blocking: true,
    });
    expect(checkFile({ ...base, binary: true, size: TEN_MIB + 1 })).toMatchObject({ rule: 'too_large' });
    expect(checkFile({ ...base, pointerSize: FIVE_GB + 1 })).toEqual({
      rule: 'over_5gb',
      path: 'data/file.bin',
      size: FIVE_GB + 1,
      inHistoryOnly: false,
      blocking: true,
    });
  });

  // huggingface_hub PR #657: "over 10MB, or 1MB for binary files"; 1 MiB is the higher reading.
  it.each([
    ['a tiny binary', 7, false],
    ['a binary between 1 MB and 1 MiB (the Hub may accept it)', 1_000_001, false],
    ['a binary of exactly 1 MiB', BINARY_LIMIT, false],
    ['a binary one byte over 1 MiB', BINARY_LIMIT + 1, true],
    ['the 1.67 MB mp4 the Hub refused', 1_670_000, true],
  ])('%s: binary, blocking %s', (_label, size, blocking) => {
    expect(checkFile({ ...base, binary: true, size, inHistoryOnly: true })).toEqual({
      rule: 'binary',
      path: 'data/file.bin',
      size,
      inHistoryOnly: true,
      trackPattern: '*.bin',
      blocking,
    });
  });

  it('sets BINARY_LIMIT to 1 MiB, never below what the Hub may accept', () => {
    expect(BINARY_LIMIT).toBe(1_048_576);
  });

  it('lets a file over 5 GB through when the repository has the large-file transfer', () => {
    expect(checkFile({ ...base, pointerSize: FIVE_GB + 1 }, { largeFiles: true })).toBeUndefined();
    expect(checkFile({ ...base, pointerSize: FIVE_GB + 1 }, { largeFiles: false })).toMatchObject({
      rule: 'over_5gb',
    });
    // The transfer changes nothing for files outside LFS.
    expect(checkFile({ ...base, size: TEN_MIB + 1 }, { largeFiles: true })).toMatchObject({
      rule: 'too_large',
    });
  });
});

describe('describeProblem', () => {
  const binary = { rule: 'binary', path: 'demo.mp4', inHistoryOnly: false, trackPattern: '*.mp4' } as const;

  it('says a small binary does not stop the push, and a large one is over the limit', () => {
    const warning = describeProblem({ ...binary, size: 2048, blocking: false });
    expect(warning).toMatch(/^demo\.mp4 is a binary file outside Git LFS or Xet \(2\.0 KiB\)\./);
    expect(warning).toContain('does not stop the push');
    const blocked = describeProblem({ ...binary, size: 1_670_000, blocking: true });
    expect(blocked).toContain("at 1.6 MiB it is over the Hub's 1 MiB limit");
    expect(blocked).toContain('git lfs track "*.mp4"');
    expect(blocked).not.toContain('does not stop the push');
  });
});

describe('transfersFromConfig', () => {
  it.each([
    ['nothing configured', '', false],
    ['hf lfs-enable-largefiles', 'lfs.customtransfer.multipart.path hf\n', false],
    ['git xet install', 'lfs.customtransfer.xet.path git-xet\nlfs.customtransfer.xet.args transfer\n', true],
    ['a standalone xet agent', 'lfs.standalonetransferagent xet\n', true],
    [
      'a download-only xet agent',
      'lfs.customtransfer.xet.path git-xet\nlfs.customtransfer.xet.direction download\n',
      false,
    ],
  ])('%s: xet %s', (_label, output, xet) => {
    expect(transfersFromConfig(output).xet).toBe(xet);
  });

  it.each([
    ['nothing configured', '', false],
    ['plain git-lfs', 'lfs.repositoryformatversion 0\nlfs.locksverify false\n', false],
    // huggingface_hub cli/lfs.py: what `hf lfs-enable-largefiles .` writes.
    [
      'hf lfs-enable-largefiles',
      'lfs.customtransfer.multipart.path hf\nlfs.customtransfer.multipart.args lfs-multipart-upload\n',
      true,
    ],
    ['the older huggingface-cli', 'lfs.customtransfer.multipart.path huggingface-cli\n', true],
    // xet-core git_xet/src/app/install.rs: what `git xet install` writes.
    [
      'git xet install',
      'lfs.customtransfer.xet.path git-xet\nlfs.customtransfer.xet.args transfer\nlfs.customtransfer.xet.concurrent true\n',
      true,
    ],
    [
      'a download-only multipart agent',
      'lfs.customtransfer.multipart.path hf\nlfs.customtransfer.multipart.direction download\n',
      false,
    ],
    ['an empty path', 'lfs.customtransfer.multipart.path \n', false],
    ['another custom agent', 'lfs.customtransfer.scp.path git-lfs-agent-scp\n', false],
    ['a standalone xet agent', 'lfs.standalonetransferagent xet\n', true],
    [
      'a per-URL standalone xet agent',
      'lfs.https://hf.co/alice/m.git/info/lfs.standalonetransferagent xet\n',
      true,
    ],
    ['a standalone agent that is not xet', 'lfs.standalonetransferagent scp\n', false],
  ])('%s: large files %s', (_label, output, largeFiles) => {
    expect(transfersFromConfig(output).largeFiles).toBe(largeFiles);
  });
});

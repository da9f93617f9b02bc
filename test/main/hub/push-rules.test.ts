import { describe, expect, it } from 'vitest';
import { checkFile, FIVE_GB, TEN_MIB } from '../../../main/hub/push-rules';

// The Hub's rules for one file, as pure facts in and the rule broken out (the scan over real
// commits is tested in test/main/features/repos/pre-push.test.ts).

describe('checkFile', () => {
  const base = { path: 'data/file.bin', size: 100, binary: false, inHistoryOnly: false };

  it('passes small text files and LFS pointers to files up to 5 GB', () => {
    expect(checkFile(base)).toBeUndefined();
    expect(checkFile({ ...base, pointerSize: FIVE_GB })).toBeUndefined();
  });

  it('names the first rule broken, with the LFS pattern where LFS fixes it', () => {
    expect(checkFile({ ...base, size: TEN_MIB + 1 })).toEqual({
      rule: 'too_large',
      path: 'data/file.bin',
      size: TEN_MIB + 1,
      inHistoryOnly: false,
      trackPattern: '*.bin',
    });
    expect(checkFile({ ...base, binary: true, inHistoryOnly: true })).toMatchObject({
      rule: 'binary',
      inHistoryOnly: true,
    });
    expect(checkFile({ ...base, pointerSize: FIVE_GB + 1 })).toEqual({
      rule: 'over_5gb',
      path: 'data/file.bin',
      size: FIVE_GB + 1,
      inHistoryOnly: false,
    });
  });
});

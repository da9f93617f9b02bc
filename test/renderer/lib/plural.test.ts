import { describe, expect, it } from 'vitest';
import { countOf, plural } from '../../../renderer/lib/plural';
import { syncText } from '../../../renderer/features/repos/workspace/workspace-text';

describe('counts that read naturally', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(plural(1, 'commit')).toBe('1 commit');
    expect(plural(2, 'commit')).toBe('2 commits');
    expect(plural(0, 'file')).toBe('0 files');
    expect(plural(1, 'repository', 'repositories')).toBe('1 repository');
    expect(plural(3, 'repository', 'repositories')).toBe('3 repositories');
    expect(countOf(0, 'commit')).toBe('no commits');
    expect(countOf(1, 'file')).toBe('1 file');
  });

  it('is what the sync bar says', () => {
    expect(syncText(1, 0)).toMatch(/\b1 commit to push\b/);
    expect(syncText(2, 0)).toMatch(/\b2 commits to push\b/);
    expect(syncText(1, 1)).toContain('The Hub has 1 new commit: Pull first (1 commit to push)');
  });
});

import { describe, expect, it } from 'vitest';
import { explainFailure, FAILURE_KINDS } from '../../../main/git/failures';

// The failure table over transcripts as git, git-lfs, ssh and the Hub print them.

describe('explainFailure', () => {
  it('answers ok for a clean exit and unknown for text it does not know', () => {
    const context = { operation: 'push', endpoint: 'https://huggingface.co' } as const;
    expect(explainFailure('', { ...context, flags: { exitCode: 0 } }).kind).toBe('ok');
    expect(explainFailure('error: something odd', { ...context, flags: { exitCode: 1 } }).kind).toBe(
      'unknown',
    );
    expect(FAILURE_KINDS).toContain('unknown');
  });
});

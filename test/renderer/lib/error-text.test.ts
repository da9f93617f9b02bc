import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../preload/contract';
import { errorHeadline } from '../../../renderer/lib/error-text';

// Every code of the contract, listed by hand so a new code shows up here as a missing headline.
const CODES: readonly ErrorCode[] = [
  'invalid_input',
  'unknown_operation',
  'untrusted_sender',
  'not_allowed',
  'timeout',
  'internal',
];

describe('errorHeadline', () => {
  it('gives every code its own plain headline', () => {
    const headlines = CODES.map(errorHeadline);
    for (const headline of headlines) {
      expect(headline.length).toBeGreaterThan(5);
      expect(headline).not.toMatch(/_/);
    }
    expect(new Set(headlines).size).toBe(CODES.length);
  });

  it('says a timeout took too long', () => {
    expect(errorHeadline('timeout')).toBe('That took too long');
  });

  it('throws on a code it does not know instead of showing nothing', () => {
    expect(() => errorHeadline('made_up' as ErrorCode)).toThrow(/made_up/);
  });
});

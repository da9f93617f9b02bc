import { describe, expect, it } from 'vitest';
import type { FailureAction } from '../../../preload/contract';
import { ACTION_LABELS, linkLabel, outcomeTitle } from '../../../renderer/lib/outcome-text';

describe('outcome wording', () => {
  it('names every action, and says "open the page" where a link cannot do the action itself', () => {
    for (const label of Object.values(ACTION_LABELS)) expect(label.length).toBeGreaterThan(3);
    expect(linkLabel('new_write_token')).toBe('Create a write token on the Hub');
    expect(linkLabel('forget_and_reenter' satisfies FailureAction)).toBe('Open the page on the Hub');
  });

  it('titles a success in the screen’s words and a failure in the table’s', () => {
    expect(outcomeTitle({ kind: 'ok', message: 'Done.', fix: '' }, 'Pushed.')).toBe('Pushed.');
    expect(outcomeTitle({ kind: 'read_token', message: 'A read token.', fix: 'f' }, 'Pushed.')).toBe(
      'A read token.',
    );
  });
});

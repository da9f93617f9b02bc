import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../../../renderer/features/repos/workspace/virtual-window';

describe('the virtual list’s window', () => {
  it('draws the rows in view and a few either side, at the top', () => {
    expect(rowWindow(100_000, 20, 0, 400, 10)).toEqual({ first: 0, last: 31, offset: 0, total: 2_000_000 });
  });

  it('moves with the scroll, keeping the drawn rows where they belong', () => {
    const view = rowWindow(100_000, 20, 20_010, 400, 10);
    // Row 1000 is at 20,000 px: the window starts 10 rows above it.
    expect(view.first).toBe(990);
    expect(view.offset).toBe(990 * 20);
    expect(view.last).toBe(1000 + 21 + 10);
    expect(view.last - view.first).toBeLessThan(60);
  });

  it('stops at the end, even when the scroll says more (a list that just got shorter)', () => {
    const view = rowWindow(50, 20, 99_999, 400, 10);
    expect(view.last).toBe(50);
    expect(view.first).toBe(50 - 20 - 10);
    expect(view.total).toBe(1000);
  });

  it('draws everything of a short list, and nothing of an empty one', () => {
    expect(rowWindow(5, 20, 0, 400)).toEqual({ first: 0, last: 5, offset: 0, total: 100 });
    expect(rowWindow(0, 20, 0, 400)).toEqual({ first: 0, last: 0, offset: 0, total: 0 });
  });

  it('draws at least one screen when the viewport has not been measured', () => {
    expect(rowWindow(1000, 20, 0, 0, 0).last).toBeGreaterThanOrEqual(1);
  });
});

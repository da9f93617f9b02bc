/** The rows of a long list that are drawn: only those on screen, plus a few either side. */
export interface RowWindow {
  /** Index of the first row drawn. */
  readonly first: number;
  /** One past the last row drawn. */
  readonly last: number;
  /** Pixels above the first row drawn (the rows not drawn still take their height). */
  readonly offset: number;
  /** Pixels of the whole list, so the scroll bar is the size of all of it. */
  readonly total: number;
}

/**
 * Which rows a virtualised list draws when scrolled to `scrollTop` in a viewport `height` pixels
 * tall, every row `rowHeight` pixels: a 5 MB diff has ~100,000 lines, and the DOM holds only ~60.
 */
export function rowWindow(
  rowCount: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
  overscan = 10,
): RowWindow {
  const total = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, last: 0, offset: 0, total: 0 };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - height));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const visible = Math.ceil(Math.max(height, rowHeight) / rowHeight) + 1;
  const last = Math.min(rowCount, Math.floor(top / rowHeight) + visible + overscan);
  return { first, last, offset: first * rowHeight, total };
}

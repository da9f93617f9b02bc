import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { DiffView } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { numberWidth, splitRows } from '../workspace/diff-pairs';
import { rowWindow } from '../workspace/virtual-window';
import { countOf } from '../workspace/workspace-text';
import { SplitRowView, UnifiedRow } from './diff-rows';

/** Every diff row is this tall (styles.css says the same), so which rows are on screen is arithmetic. */
export const ROW_HEIGHT = 20;

/**
 * A text diff, unified or side by side, with line numbers. Virtualised: only the rows in view
 * (and a few either side) are in the page, so a 5 MB diff draws as fast as a short one.
 */
export function TextDiff({ diff }: { readonly diff: Extract<DiffView, { kind: 'text' }> }) {
  const mode = useAppStore((store) => store.diffMode);
  const split = useMemo(() => (mode === 'split' ? splitRows(diff.lines) : null), [diff, mode]);
  const digits = useMemo(() => numberWidth(diff.lines), [diff]);
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Another file starts at its top; the scroll event that follows sets scrollTop.
  useEffect(() => {
    ref.current?.scrollTo({ top: 0 });
  }, [diff]);
  const count = split ? split.length : diff.lines.length;
  const view = rowWindow(count, ROW_HEIGHT, scrollTop, height);
  const rows = [];
  for (let index = view.first; index < view.last; index += 1) {
    const row = split?.[index];
    const line = diff.lines[index];
    if (row) rows.push(<SplitRowView key={index} row={row} />);
    else if (!split && line) rows.push(<UnifiedRow key={index} line={line} />);
  }
  return (
    <>
      {diff.truncated ? (
        <p className="note diff-truncated">
          This diff is long: the first {countOf(diff.truncated.shownLines, 'line')} of{' '}
          {diff.truncated.totalLines.toLocaleString('en')} are shown. Open the file in your editor to see all
          of it.
        </p>
      ) : null}
      {diff.lines.length === 0 ? (
        <p className="diff-note">No lines changed.</p>
      ) : (
        <div
          className={`text-diff text-diff--${mode}`}
          ref={ref}
          tabIndex={0}
          role="region"
          aria-label={`Lines changed in ${diff.file}`}
          data-rows={count}
          style={{ '--digits': `${digits}ch` } as CSSProperties}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div className="text-diff__space" style={{ height: view.total }}>
            <div className="text-diff__rows" style={{ transform: `translateY(${view.offset}px)` }}>
              {rows}
            </div>
          </div>
        </div>
      )}
    </>
  );
}

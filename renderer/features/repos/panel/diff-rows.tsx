import type { DiffLine } from '../../../../preload/contract';
import type { SplitRow } from '../workspace/diff-pairs';

const SIGNS: Readonly<Record<DiffLine['kind'], string>> = { add: '+', del: '−', context: ' ', hunk: '' };

/** One line of the unified view: old and new numbers, a sign (so colour is never the only mark), the text. */
export function UnifiedRow({ line }: { readonly line: DiffLine }) {
  if (line.kind === 'hunk')
    return (
      <div className="diff-row diff-row--hunk">
        <span className="diff-row__hunk">{line.text}</span>
      </div>
    );
  return (
    <div className={`diff-row diff-row--${line.kind}`}>
      <span className="diff-row__number">{line.old ?? ''}</span>
      <span className="diff-row__number">{line.new ?? ''}</span>
      <span className="diff-row__sign">{SIGNS[line.kind]}</span>
      <span className="diff-row__text">{line.text}</span>
    </div>
  );
}

/** One row of the side-by-side view: the old line left, the new line right (a long line is cut, whole in its title and in the unified view). */
export function SplitRowView({ row }: { readonly row: SplitRow }) {
  if (row.hunk)
    return (
      <div className="diff-row diff-row--hunk">
        <span className="diff-row__hunk">{row.hunk.text}</span>
      </div>
    );
  return (
    <div className="diff-row diff-row--split">
      <Half line={row.left} side="old" />
      <Half line={row.right} side="new" />
    </div>
  );
}

function Half({ line, side }: { readonly line: DiffLine | null; readonly side: 'old' | 'new' }) {
  if (!line) return <span className="diff-half diff-half--empty" />;
  const kind = line.kind === 'context' ? 'context' : line.kind;
  return (
    <span className={`diff-half diff-row--${kind}`}>
      <span className="diff-row__number">{side === 'old' ? line.old : line.new}</span>
      <span className="diff-row__sign">{SIGNS[line.kind]}</span>
      <span className="diff-row__text" title={line.text.length > 60 ? line.text : undefined}>
        {line.text}
      </span>
    </span>
  );
}

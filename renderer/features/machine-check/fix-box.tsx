import { useId } from 'react';
import { CopyButton } from '../../components/copy-button';
import { ExternalLink } from '../../components/external-link';
import { assertNever } from '../../lib/assert-never';
import { parseFix, type FixLine, type ProseSegment } from './fix-text';

function Prose({ segments }: { readonly segments: readonly ProseSegment[] }) {
  return (
    <p>
      {segments.map((segment, index) =>
        segment.kind === 'link' ? (
          <ExternalLink key={index} href={segment.value}>
            {segment.value}
          </ExternalLink>
        ) : (
          <span key={index}>{segment.value}</span>
        ),
      )}
    </p>
  );
}

function Line({ line }: { readonly line: FixLine }) {
  switch (line.kind) {
    case 'prose':
      return <Prose segments={line.segments} />;
    case 'command':
      return (
        <div className="fix__command">
          <code>{line.value}</code>
          <CopyButton text={line.value} label={`Copy ${line.value}`} />
        </div>
      );
    default:
      return assertNever(line);
  }
}

/**
 * The fix for one probe, set apart and labelled so it is clearly "what to do", not "what was
 * found". A probe that passed can still suggest something optional; it is not called a fix then.
 */
export function FixBox({ fix, optional }: { readonly fix: string; readonly optional: boolean }) {
  const labelId = useId();
  return (
    <div className="fix" role="group" aria-labelledby={labelId}>
      <p className="fix__label" id={labelId}>
        {optional ? 'If you want it' : 'How to fix'}
      </p>
      {parseFix(fix).map((line, index) => (
        <Line key={index} line={line} />
      ))}
    </div>
  );
}

import type { DiffView, ImageSide } from '../../../../preload/contract';
import { formatSize } from '../repo-text';

/** A picture before and after, side by side. */
export function ImageDiff({ diff }: { readonly diff: Extract<DiffView, { kind: 'image' }> }) {
  return (
    <div className="image-diff">
      <Side title="Before" side={diff.before} file={diff.file} />
      <Side title="After" side={diff.after} file={diff.file} />
    </div>
  );
}

function Side({
  title,
  side,
  file,
}: {
  readonly title: string;
  readonly side: ImageSide | null;
  readonly file: string;
}) {
  return (
    <figure className="image-diff__side">
      <figcaption>
        {title}
        {side ? ` · ${formatSize(side.size)}` : ''}
      </figcaption>
      {side === null ? (
        <p className="muted">{title === 'Before' ? 'A new picture.' : 'Deleted.'}</p>
      ) : side.dataUrl ? (
        <img src={side.dataUrl} alt={`${file}, ${title.toLowerCase()}`} />
      ) : (
        <p className="muted">Too large to show here.</p>
      )}
    </figure>
  );
}

import { limitNote } from './field-limits';

/** Says so when a field is full, so a cut paste is never a silent surprise. */
export function LimitNote({
  id,
  value,
  max,
}: {
  readonly id: string;
  readonly value: string;
  readonly max: number;
}) {
  const note = limitNote(value, max);
  return note ? (
    <p className="field__hint" id={id} role="status">
      {note}
    </p>
  ) : null;
}

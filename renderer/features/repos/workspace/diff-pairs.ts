import type { DiffLine } from '../../../../preload/contract';

/** One row of the side-by-side view: the old line on the left, the new on the right (either may be absent). */
export interface SplitRow {
  readonly left: DiffLine | null;
  readonly right: DiffLine | null;
  /** A hunk header spans both sides. */
  readonly hunk: DiffLine | null;
}

/**
 * Pairs a unified diff's lines for the side-by-side view as GitHub Desktop does: context on both
 * sides, and within a run of changes the nth deleted line beside the nth added one; the longer
 * side's extra lines face a blank.
 */
export function splitRows(lines: readonly DiffLine[]): SplitRow[] {
  const rows: SplitRow[] = [];
  let dels: DiffLine[] = [];
  let adds: DiffLine[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(dels.length, adds.length); index += 1)
      rows.push({ left: dels[index] ?? null, right: adds[index] ?? null, hunk: null });
    dels = [];
    adds = [];
  };
  for (const line of lines) {
    switch (line.kind) {
      case 'del':
        // A deletion after additions starts a new run: the additions belong to the run before.
        if (adds.length > 0) flush();
        dels.push(line);
        break;
      case 'add':
        adds.push(line);
        break;
      case 'context':
        flush();
        rows.push({ left: line, right: line, hunk: null });
        break;
      case 'hunk':
        flush();
        rows.push({ left: null, right: null, hunk: line });
        break;
    }
  }
  flush();
  return rows;
}

/** Digits of the widest line number, so the number columns fit every line without measuring any. */
export function numberWidth(lines: readonly DiffLine[]): number {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, line.old ?? 0, line.new ?? 0);
  return String(widest).length;
}

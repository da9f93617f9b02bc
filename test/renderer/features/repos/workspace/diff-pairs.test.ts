import { describe, expect, it } from 'vitest';
import type { DiffLine } from '../../../../../preload/contract';
import { numberWidth, splitRows } from '../../../../../renderer/features/repos/workspace/diff-pairs';

const hunk = (text: string): DiffLine => ({ kind: 'hunk', old: null, new: null, text });
const ctx = (old: number, neu: number, text: string): DiffLine => ({ kind: 'context', old, new: neu, text });
const del = (old: number, text: string): DiffLine => ({ kind: 'del', old, new: null, text });
const add = (neu: number, text: string): DiffLine => ({ kind: 'add', old: null, new: neu, text });

const texts = (rows: ReturnType<typeof splitRows>) =>
  rows.map((row) =>
    row.hunk ? `@ ${row.hunk.text}` : `${row.left?.text ?? '·'} | ${row.right?.text ?? '·'}`,
  );

describe('side-by-side pairing', () => {
  it('puts the nth deleted line beside the nth added one, and context on both sides', () => {
    const rows = splitRows([
      hunk('@@ -1,4 +1,4 @@'),
      ctx(1, 1, 'a'),
      del(2, 'b'),
      del(3, 'c'),
      add(2, 'B'),
      add(3, 'C'),
      ctx(4, 4, 'd'),
    ]);
    expect(texts(rows)).toEqual(['@ @@ -1,4 +1,4 @@', 'a | a', 'b | B', 'c | C', 'd | d']);
  });

  it('faces the longer side’s extra lines with a blank', () => {
    expect(texts(splitRows([del(1, 'x'), add(1, 'X'), add(2, 'Y'), add(3, 'Z')]))).toEqual([
      'x | X',
      '· | Y',
      '· | Z',
    ]);
    expect(texts(splitRows([del(1, 'x'), del(2, 'y'), ctx(3, 1, 'z')]))).toEqual(['x | ·', 'y | ·', 'z | z']);
  });

  it('starts a new run when a deletion follows additions', () => {
    expect(texts(splitRows([add(1, 'A'), del(1, 'b'), add(2, 'B')]))).toEqual(['· | A', 'b | B']);
  });

  it('keeps every line exactly once', () => {
    const lines = [ctx(1, 1, 'a'), del(2, 'b'), add(2, 'B'), add(3, 'C'), hunk('@@'), del(9, 'q')];
    const rows = splitRows(lines);
    const seen = rows.flatMap((row) => [row.hunk, row.left, row.right === row.left ? null : row.right]);
    expect(seen.filter((line) => line !== null)).toHaveLength(lines.length);
  });

  it('sizes the number columns for the widest number', () => {
    expect(numberWidth([ctx(9, 10, 'a')])).toBe(2);
    expect(numberWidth([add(123_456, 'x')])).toBe(6);
    expect(numberWidth([])).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { DIFF_LIMITS, parsePatch } from '../../../main/git/diff';

// The unified-diff reader on patches as git prints them, including the lines that look like
// headers, the "no newline" marker, empty context lines and the limits that keep answers small.

const HEADER = 'diff --git a/x b/x\nindex 1111111..2222222 100644\n--- a/x\n+++ b/x\n';

describe('parsePatch', () => {
  it('numbers lines across several hunks', () => {
    const parsed = parsePatch(`${HEADER}@@ -1,2 +1,2 @@ fn\n a\n-b\n+B\n@@ -10,3 +10,2 @@\n j\n-k\n l\n`);
    expect(parsed.lines).toEqual([
      { kind: 'hunk', old: null, new: null, text: '@@ -1,2 +1,2 @@ fn' },
      { kind: 'context', old: 1, new: 1, text: 'a' },
      { kind: 'del', old: 2, new: null, text: 'b' },
      { kind: 'add', old: null, new: 2, text: 'B' },
      { kind: 'hunk', old: null, new: null, text: '@@ -10,3 +10,2 @@' },
      { kind: 'context', old: 10, new: 10, text: 'j' },
      { kind: 'del', old: 11, new: null, text: 'k' },
      { kind: 'context', old: 12, new: 11, text: 'l' },
    ]);
    expect(parsed).toMatchObject({ totalLines: 8, additions: 1, deletions: 2, truncated: false });
  });

  it('reads removed and added lines that look like headers as lines of the file', () => {
    const parsed = parsePatch(
      `${HEADER}@@ -1,2 +1,2 @@\n--- a/not-a-header\n-@@ -9 +9 @@\n+++ b/also-not\n+diff --git a b\n`,
    );
    expect(parsed.lines.slice(1)).toEqual([
      { kind: 'del', old: 1, new: null, text: '-- a/not-a-header' },
      { kind: 'del', old: 2, new: null, text: '@@ -9 +9 @@' },
      { kind: 'add', old: null, new: 1, text: '++ b/also-not' },
      { kind: 'add', old: null, new: 2, text: 'diff --git a b' },
    ]);
  });

  it('skips the "no newline" marker, reads single-line hunks and empty context lines', () => {
    const parsed = parsePatch(
      `${HEADER}@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file\n`,
    );
    expect(parsed.lines.map((line) => [line.kind, line.old, line.new, line.text])).toEqual([
      ['hunk', null, null, '@@ -1 +1 @@'],
      ['del', 1, null, 'old'],
      ['add', null, 1, 'new'],
    ]);
    // diff.suppressBlankEmpty: an empty context line is printed as nothing at all.
    const blank = parsePatch(`${HEADER}@@ -1,3 +1,3 @@\n a\n\n-c\n+C\n`);
    expect(blank.lines[2]).toEqual({ kind: 'context', old: 2, new: 2, text: '' });
    expect(blank.lines[4]).toEqual({ kind: 'add', old: null, new: 3, text: 'C' });
  });

  it('numbers a new file from 1 and a deleted one from 1', () => {
    expect(parsePatch('@@ -0,0 +1,2 @@\n+a\n+b\n').lines.slice(1)).toEqual([
      { kind: 'add', old: null, new: 1, text: 'a' },
      { kind: 'add', old: null, new: 2, text: 'b' },
    ]);
    expect(parsePatch('@@ -1,2 +0,0 @@\n-a\n-b\n').lines.slice(1)).toEqual([
      { kind: 'del', old: 1, new: null, text: 'a' },
      { kind: 'del', old: 2, new: null, text: 'b' },
    ]);
  });

  it('keeps what the limits allow and counts the rest', () => {
    const body = Array.from({ length: 50 }, (_, n) => `+line ${n}`).join('\n');
    const cut = parsePatch(`@@ -0,0 +1,50 @@\n${body}\n`, { ...DIFF_LIMITS, maxLines: 10 });
    // Lines past the limit are still counted.
    expect(cut).toMatchObject({ totalLines: 51, additions: 50, truncated: true });
    expect(cut.lines).toHaveLength(10);
    const byChars = parsePatch(`@@ -0,0 +1,50 @@\n${body}\n`, { ...DIFF_LIMITS, maxChars: 40 });
    expect(byChars.lines.length).toBeLessThan(10);
    const long = parsePatch(`@@ -0,0 +1 @@\n+${'x'.repeat(100)}\n`, { ...DIFF_LIMITS, maxLineChars: 10 });
    expect(long.lines[1]).toEqual({ kind: 'add', old: null, new: 1, text: `${'x'.repeat(10)}…` });
    expect(long.truncated).toBe(true);
  });

  it('reads an empty patch as no lines', () => {
    expect(parsePatch('')).toEqual({
      lines: [],
      totalLines: 0,
      additions: 0,
      deletions: 0,
      truncated: false,
    });
  });
});

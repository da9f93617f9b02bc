/**
 * How much each field of the home screen sends at most: what main would refuse anyway (an
 * address over 2,048 characters, a path over 4,096, a revision over 255), capped in the field so
 * a 3 MB paste never leaves the window, and said under it when it was cut.
 */
export const FIELD_LIMITS = { address: 2048, path: 4096, revision: 255 } as const;

/** The note under a field that reached its limit (a paste past it was cut there), or null. */
export function limitNote(value: string, max: number): string | null {
  return value.length >= max
    ? `At most ${max.toLocaleString('en-US')} characters: anything past that was left out.`
    : null;
}

/**
 * The aria-describedby of a capped field: its hint (if any) and its limit note only while the
 * note is shown, so no reference ever names an element that is not there.
 */
export function describedBy(
  value: string,
  max: number,
  limitId: string,
  hintId?: string,
): string | undefined {
  const ids = [hintId, limitNote(value, max) ? limitId : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

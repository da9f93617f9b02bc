// Counting words for the notes the safety operations return ("1 change", "3 changes").

/** "1 uncommitted change" / "3 uncommitted changes". */
export function changes(count: number): string {
  return `${count} uncommitted change${count === 1 ? '' : 's'}`;
}

/** "1 file" / "2 files". */
export function files(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

/** A list of names for a sentence, cut after a few: "a.txt, b.txt and 3 more". */
export function named(paths: readonly string[]): string {
  const shown = paths.slice(0, 3);
  const more = paths.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * A count with its noun as people say it: "1 commit", "2 commits", never "1 commits". One helper
 * for every screen, so a new count cannot forget the singular. `many` for nouns that do not just
 * take an s ("1 repository", "3 repositories").
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The same, with "no" for zero ("no commits to push"), as a sentence reads it. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return count === 0 ? `no ${many}` : plural(count, one, many);
}

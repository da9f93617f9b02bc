/** zxcvbn's 0-4 score in words a person understands. */
export const STRENGTH_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

interface Checker {
  check: (password: string) => { score: number };
}

let checker: Promise<Checker> | undefined;

/**
 * Scores a passphrase with zxcvbn. Its dictionaries are large, so they load only when someone
 * starts typing one, keeping them out of the app's first screen.
 */
export async function scorePassphrase(passphrase: string): Promise<StrengthScore> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  const { score } = (await checker).check(passphrase);
  return Math.max(0, Math.min(4, score)) as StrengthScore;
}

/** Why the Create button is blocked, or null when the passphrase choice is complete. */
export function passphraseProblem(noPassphrase: boolean, first: string, second: string): string | null {
  if (noPassphrase) return null;
  if (first.length === 0) return 'Type a passphrase, or choose to use none.';
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\u0000]/.test(first)) return 'A passphrase cannot contain line breaks.';
  if (first !== second) return 'The two passphrases are not the same.';
  return null;
}

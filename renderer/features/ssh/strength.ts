/** zxcvbn's 0-4 score in words a person understands. */
export const STRENGTH_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** What the meter shows: the score, and zxcvbn's own advice when it has some ("This is a common word"). */
export interface Strength {
  readonly score: StrengthScore;
  readonly advice: string | null;
}

interface Checker {
  check: (password: string) => { score: number; feedback: { warning: string | null } };
}

let checker: Promise<Checker> | undefined;

/** Clamps whatever zxcvbn answers into the meter's range, so a surprise never breaks the screen. */
export function toScore(raw: number): StrengthScore {
  if (!Number.isFinite(raw)) return 0;
  return Math.max(0, Math.min(4, Math.floor(raw))) as StrengthScore;
}

/** The sentence beside the meter. */
export function strengthText(strength: Strength | null): string {
  if (strength === null) return 'Use a few unrelated words: long beats clever.';
  const words = `Strength: ${STRENGTH_WORDS[strength.score]}.`;
  if (strength.advice) return `${words} ${strength.advice}`;
  return strength.score < 3 ? `${words} Add another word or two.` : words;
}

/**
 * Scores a passphrase with zxcvbn. Its dictionaries are large (about 1.6 MB), so they load with
 * import() only when someone starts typing one, keeping them out of the app's first screen.
 */
export async function scorePassphrase(passphrase: string): Promise<Strength> {
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
  const result = (await checker).check(passphrase);
  return { score: toScore(result.score), advice: result.feedback.warning || null };
}

/** Which field blocks "Create key", and why; null when the passphrase choice is complete. */
export interface PassphraseProblem {
  readonly field: 'first' | 'second';
  readonly message: string;
}

/** A mismatch, an empty passphrase or a line break blocks; a weak one is only advised against. */
export function passphraseProblem(
  noPassphrase: boolean,
  first: string,
  second: string,
): PassphraseProblem | null {
  if (noPassphrase) return null;
  if (first.length === 0)
    return { field: 'first', message: 'Type a passphrase, or choose “Don’t use a passphrase” below.' };
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\u0000]/.test(first))
    return { field: 'first', message: 'A passphrase cannot contain line breaks.' };
  if (first !== second) return { field: 'second', message: 'The two passphrases are not the same.' };
  return null;
}

import { describe, expect, it } from 'vitest';
import {
  passphraseProblem,
  scorePassphrase,
  strengthText,
  toScore,
} from '../../../../renderer/features/ssh/strength';

describe('strength mapping', () => {
  it('keeps any score zxcvbn gives inside the meter', () => {
    expect(toScore(-1)).toBe(0);
    expect(toScore(2.7)).toBe(2);
    expect(toScore(9)).toBe(4);
    expect(toScore(Number.NaN)).toBe(0);
  });

  it('puts the score in words, with advice for weak ones', () => {
    expect(strengthText(null)).toMatch(/long beats clever/);
    expect(strengthText({ score: 4, advice: null })).toBe('Strength: Very strong.');
    expect(strengthText({ score: 1, advice: null })).toBe('Strength: Weak. Add another word or two.');
    expect(strengthText({ score: 0, advice: 'This is a top-10 common password.' })).toBe(
      'Strength: Very weak. This is a top-10 common password.',
    );
  });

  it('scores with the real zxcvbn, loaded on first use', async () => {
    const weak = await scorePassphrase('password');
    expect(weak.score).toBe(0);
    expect(weak.advice).not.toBeNull();
    expect((await scorePassphrase('violet kettle 37 harbour quietly')).score).toBe(4);
  });
});

describe('passphraseProblem', () => {
  it('blocks an empty passphrase on the first field, unless none was chosen', () => {
    expect(passphraseProblem(false, '', '')).toMatchObject({ field: 'first' });
    expect(passphraseProblem(true, '', '')).toBeNull();
  });

  it('blocks a mismatch on the second field', () => {
    expect(passphraseProblem(false, 'blue lantern', 'blue lanterns')).toEqual({
      field: 'second',
      message: 'The two passphrases are not the same.',
    });
    expect(passphraseProblem(false, 'blue lantern', 'blue lantern')).toBeNull();
  });

  it('blocks line breaks and NUL, which no prompt could carry', () => {
    for (const bad of ['a\nb', 'a\rb', 'a\u0000b'])
      expect(passphraseProblem(false, bad, bad)?.message).toMatch(/line breaks/);
  });
});

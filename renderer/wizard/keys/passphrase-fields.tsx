import { useEffect, useState } from 'react';
import { scorePassphrase, STRENGTH_WORDS, type StrengthScore } from './strength';

interface PassphraseFieldsProps {
  readonly first: string;
  readonly second: string;
  readonly onChange: (first: string, second: string) => void;
  readonly mismatch: boolean;
}

/** Two passphrase fields with show/hide and a strength meter; the values live only in the step. */
export function PassphraseFields({ first, second, onChange, mismatch }: PassphraseFieldsProps) {
  const [shown, setShown] = useState(false);
  const [score, setScore] = useState<StrengthScore | null>(null);
  useEffect(() => {
    let current = true;
    if (first.length === 0) return undefined;
    void scorePassphrase(first).then((value) => current && setScore(value));
    return () => {
      current = false;
    };
  }, [first]);
  const type = shown ? 'text' : 'password';
  const shownScore = first.length > 0 ? score : null;
  return (
    <div className="fields">
      <label className="field">
        <span className="field__label">Passphrase</span>
        <input
          className="input"
          type={type}
          autoComplete="new-password"
          value={first}
          onChange={(event) => onChange(event.target.value, second)}
          aria-describedby="strength"
        />
      </label>
      <p id="strength" className="muted" aria-live="polite">
        {shownScore === null
          ? 'Use a few unrelated words: long beats clever.'
          : `Strength: ${STRENGTH_WORDS[shownScore]}`}
      </p>
      {shownScore !== null ? (
        <meter className="meter" min={0} max={4} value={shownScore} aria-label="Passphrase strength" />
      ) : null}
      <label className="field">
        <span className="field__label">Type it again</span>
        <input
          className="input"
          type={type}
          autoComplete="new-password"
          value={second}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? 'mismatch' : undefined}
          onChange={(event) => onChange(first, event.target.value)}
        />
      </label>
      {mismatch ? (
        <p id="mismatch" className="inline-error">
          The two passphrases are not the same.
        </p>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        Show passphrase
      </label>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { scorePassphrase, strengthText, type PassphraseProblem, type Strength } from './strength';

interface PassphraseFieldsProps {
  readonly first: string;
  readonly second: string;
  readonly onChange: (first: string, second: string) => void;
  /** The problem to show beside its field (a mismatch shows as soon as the second field has text). */
  readonly problem: PassphraseProblem | null;
}

/** Two passphrase fields with show/hide and a strength meter; the values live only in the step. */
export function PassphraseFields({ first, second, onChange, problem }: PassphraseFieldsProps) {
  const [shown, setShown] = useState(false);
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    let current = true;
    if (first.length === 0) return undefined;
    void scorePassphrase(first).then((value) => current && setStrength(value));
    return () => {
      current = false;
    };
  }, [first]);
  const type = shown ? 'text' : 'password';
  const shownStrength = first.length > 0 ? strength : null;
  const firstProblem = problem?.field === 'first' ? problem.message : null;
  const secondProblem = problem?.field === 'second' ? problem.message : null;
  return (
    <div className="fields">
      <div className="field">
        <label className="field__label" htmlFor="passphrase">
          Passphrase
        </label>
        <input
          id="passphrase"
          className="input"
          type={type}
          autoComplete="new-password"
          spellCheck={false}
          value={first}
          aria-invalid={firstProblem !== null}
          aria-describedby={firstProblem ? 'passphrase-problem strength' : 'strength'}
          onChange={(event) => onChange(event.target.value, second)}
        />
        {firstProblem ? (
          <p id="passphrase-problem" className="inline-error">
            {firstProblem}
          </p>
        ) : null}
        <p id="strength" className="field__hint" aria-live="polite">
          {strengthText(shownStrength)}
        </p>
        {shownStrength !== null ? (
          <meter
            className="meter"
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={shownStrength.score}
            aria-label="Passphrase strength"
          />
        ) : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="passphrase-again">
          Type it again
        </label>
        <input
          id="passphrase-again"
          className="input"
          type={type}
          autoComplete="new-password"
          spellCheck={false}
          value={second}
          aria-invalid={secondProblem !== null}
          aria-describedby={secondProblem ? 'passphrase-again-problem' : undefined}
          onChange={(event) => onChange(first, event.target.value)}
        />
        {secondProblem ? (
          <p id="passphrase-again-problem" className="inline-error">
            {secondProblem}
          </p>
        ) : null}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        Show the passphrase as I type
      </label>
    </div>
  );
}

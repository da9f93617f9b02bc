import type { KeyNameProblem } from './key-name';
import { keyNameMessage } from './key-name';

interface KeyNameFieldProps {
  readonly value: string;
  readonly onChange: (name: string) => void;
  readonly sshDir: string;
  /** Shown as soon as it applies, except "empty", which waits for a first try to create. */
  readonly problem: KeyNameProblem | null;
}

/** The new key's file name, prefilled with a free one; a taken name is explained with a one-click fix. */
export function KeyNameField({ value, onChange, sshDir, problem }: KeyNameFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor="key-name">
        File name
      </label>
      <input
        id="key-name"
        className="input"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'key-name-problem key-name-hint' : 'key-name-hint'}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem ? (
        <div id="key-name-problem" className="inline-error field__problem">
          <p>{keyNameMessage(problem, sshDir)}</p>
          {problem.kind === 'taken' ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => onChange(problem.suggestion)}
            >
              Use {problem.suggestion}
            </button>
          ) : null}
        </div>
      ) : null}
      <p id="key-name-hint" className="field__hint">
        Saved in {sshDir}, with the public half beside it as {value.trim() || 'NAME'}.pub.
      </p>
    </div>
  );
}

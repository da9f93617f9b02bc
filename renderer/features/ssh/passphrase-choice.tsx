import { PassphraseFields } from './passphrase-fields';
import type { PassphraseProblem } from './strength';

interface PassphraseChoiceProps {
  readonly first: string;
  readonly second: string;
  readonly onChange: (first: string, second: string) => void;
  readonly noPassphrase: boolean;
  readonly onNoPassphrase: (noPassphrase: boolean) => void;
  readonly problem: PassphraseProblem | null;
}

/** A passphrase, or the explicit choice of none with what that costs said next to it. */
export function PassphraseChoice(props: PassphraseChoiceProps) {
  const { first, second, onChange, noPassphrase, onNoPassphrase, problem } = props;
  return (
    <fieldset className="choices">
      <legend className="choices__legend">Protect the key with a passphrase (recommended)</legend>
      <p className="field__hint">
        A passphrase locks the key file. You type it once, when the key goes into the agent; the agent then
        keeps the key unlocked until you log out.
      </p>
      {noPassphrase ? null : (
        <PassphraseFields first={first} second={second} problem={problem} onChange={onChange} />
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={noPassphrase}
          aria-describedby="no-passphrase-hint"
          onChange={(event) => onNoPassphrase(event.target.checked)}
        />
        Don’t use a passphrase
      </label>
      <p id="no-passphrase-hint" className={noPassphrase ? 'warning-note' : 'field__hint'}>
        Without one, anyone who gets a copy of the key file (from a backup or a lost laptop) can use it to
        push to your Hub repositories as you.
      </p>
    </fieldset>
  );
}

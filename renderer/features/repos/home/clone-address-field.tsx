import { describedBy, FIELD_LIMITS } from './field-limits';
import { LimitNote } from './limit-note';

/** The address to clone, with what it may look like and main's reason when it is refused. */
export function CloneAddressField({
  value,
  problem,
  onChange,
}: {
  readonly value: string;
  readonly problem: string | null;
  readonly onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor="clone-address">
        Repository address
      </label>
      <input
        id="clone-address"
        className="input input--mono"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        maxLength={FIELD_LIMITS.address}
        aria-describedby={describedBy(
          value,
          FIELD_LIMITS.address,
          'clone-address-limit',
          'clone-address-hint',
        )}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="field__hint" id="clone-address-hint">
        Paste it from the Hub (https://huggingface.co/…, git@hf.co:…, a page with /tree/…), or type NAME/REPO.
      </p>
      <LimitNote id="clone-address-limit" value={value} max={FIELD_LIMITS.address} />
      {problem ? <p className="inline-error">{problem}</p> : null}
    </div>
  );
}

import { pickFolder } from '../repos-service';
import { describedBy, FIELD_LIMITS } from './field-limits';
import { LimitNote } from './limit-note';

/**
 * The folder to clone into: typed, or chosen with the desktop app's native picker. The picker
 * only fills in this field, so it is called here rather than through the store.
 */
export function CloneDestinationField({
  value,
  desktop,
  problem = null,
  onChange,
}: {
  readonly value: string;
  readonly desktop: boolean;
  /** Why the folder cannot be used, said on the field itself ("Choose a folder to clone into."). */
  readonly problem?: string | null;
  readonly onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor="clone-destination">
        Into the folder
      </label>
      <div className="input-row">
        <input
          id="clone-destination"
          className="input input--mono"
          value={value}
          spellCheck={false}
          maxLength={FIELD_LIMITS.path}
          aria-invalid={problem !== null}
          aria-describedby={[
            describedBy(value, FIELD_LIMITS.path, 'clone-destination-limit', 'clone-destination-hint'),
            problem ? 'clone-destination-problem' : undefined,
          ]
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => onChange(event.target.value)}
        />
        {desktop ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void pickFolder('Choose where to clone').then((result) => {
                if (result.ok && result.value) onChange(result.value);
              })
            }
          >
            Choose…
          </button>
        ) : null}
      </div>
      <p className="field__hint" id="clone-destination-hint">
        A new or empty folder, by its full path (for example /home/you/models/my-model). A folder with files
        in it is never used.
      </p>
      <LimitNote id="clone-destination-limit" value={value} max={FIELD_LIMITS.path} />
      {problem ? (
        <p className="inline-error" id="clone-destination-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

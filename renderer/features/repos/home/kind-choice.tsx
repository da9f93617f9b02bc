import type { RepoKind } from '../../../../preload/contract';
import { KINDS } from '../repo-text';

/** A bare NAME/REPO does not say whether it is a model, a dataset or a Space: the person does. */
export function KindChoice({
  value,
  onChange,
}: {
  readonly value: RepoKind;
  readonly onChange: (kind: RepoKind) => void;
}) {
  return (
    <fieldset className="inline-choices">
      <legend className="field__label">It is a</legend>
      {KINDS.map((option) => (
        <label key={option.kind} className="checkbox">
          <input
            type="radio"
            name="clone-kind"
            checked={value === option.kind}
            onChange={() => onChange(option.kind)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

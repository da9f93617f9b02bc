import type { GitTransport, RepoAccess } from '../../../../preload/contract';
import { transportText } from '../repo-text';

/** The transport radios, preselected from what is set up, saying which is used. */
export function TransportChoice({
  access,
  value,
  onChange,
  name,
}: {
  readonly access: RepoAccess | null;
  readonly value: GitTransport;
  readonly onChange: (value: GitTransport) => void;
  readonly name: string;
}) {
  return (
    <fieldset className="inline-choices">
      <legend className="field__label">Connect with</legend>
      {(['ssh', 'https'] as const).map((transport) => (
        <label key={transport} className="checkbox">
          <input
            type="radio"
            name={name}
            checked={value === transport}
            onChange={() => onChange(transport)}
          />
          {transportText(access, transport)}
        </label>
      ))}
    </fieldset>
  );
}

import type { KeyInfo } from '../../../preload/contract';

/** Whether ssh can use the key as it is (a world-readable private key, for one, it refuses). */
export function keyUsable(key: KeyInfo): boolean {
  return key.publicKey !== null && !key.problems.some((problem) => problem.code !== 'missing_public');
}

/** "ED25519, 256 bits", in the words the Hub's keys page uses. */
export function keyKind(key: KeyInfo): string {
  const type = key.type === 'unknown' ? 'Unknown type' : key.type.toUpperCase();
  return key.bits ? `${type}, ${key.bits} bits` : type;
}

/** Whether a passphrase protects the key, in plain words. */
export function protectionText(key: KeyInfo): string {
  if (key.passphraseProtected === true) return 'Protected by a passphrase';
  if (key.passphraseProtected === false) return 'No passphrase';
  return 'Passphrase unknown';
}

interface KeyCardProps {
  readonly info: KeyInfo;
  readonly checked: boolean;
  readonly onChoose: () => void;
}

/** One key as a choice; a key ssh would refuse is shown with why, and cannot be chosen. */
export function KeyCard({ info, checked, onChoose }: KeyCardProps) {
  const usable = keyUsable(info);
  return (
    <label className={`choice${usable ? '' : ' choice--disabled'}`}>
      <input
        type="radio"
        name="key"
        value={info.name}
        checked={checked}
        disabled={!usable}
        onChange={onChoose}
      />
      <span className="choice__body">
        <span className="choice__title">{info.name}</span>
        <span className="choice__text">
          {keyKind(info)} · {protectionText(info)}
          {info.comment ? ` · ${info.comment}` : ''}
        </span>
        {info.fingerprint ? (
          <span className="choice__text muted">
            Fingerprint (as the Hub will list it): <code>{info.fingerprint}</code>
          </span>
        ) : null}
        {info.problems.map((problem) => (
          <span key={problem.code} className="choice__text inline-error">
            {problem.message}
            {problem.fix ? ` ${problem.fix}` : ''}
          </span>
        ))}
      </span>
    </label>
  );
}

import type { KeyInfo } from '../../../preload/contract';

/** "ED25519, 256 bits", in the words the Hub's keys page uses. */
export function keyKind(key: KeyInfo): string {
  const type = key.type === 'unknown' ? 'Unknown type' : key.type.toUpperCase();
  return key.bits ? `${type}, ${key.bits} bits` : type;
}

/** Whether a passphrase protects the key, in plain words. */
export function protectionText(key: KeyInfo): string {
  if (key.passphraseProtected === true) return 'Protected by a passphrase';
  if (key.passphraseProtected === false) return 'No passphrase';
  return 'Cannot tell whether a passphrase protects it';
}

/** The card's second line: kind, protection and comment, the facts a person compares keys by. */
export function keySummary(key: KeyInfo): string {
  return [keyKind(key), protectionText(key), key.comment].filter(Boolean).join(' · ');
}

/** A problem as one sentence with its fix; `blocking` when it stops the key from being chosen. */
export interface KeyProblemLine {
  readonly text: string;
  readonly blocking: boolean;
}

/** Every problem of the key in plain words, blocking ones first. */
export function keyProblemLines(key: KeyInfo): readonly KeyProblemLine[] {
  const lines = key.problems.map((problem) => ({
    text: problem.fix ? `${problem.message} ${problem.fix}` : problem.message,
    // Only a missing .pub is harmless: the public half can be derived from the private key.
    blocking: problem.code !== 'missing_public',
  }));
  if (key.publicKey === null && lines.every((line) => !line.blocking))
    lines.push({ text: 'The public half of this key could not be read.', blocking: true });
  return [...lines.filter((line) => line.blocking), ...lines.filter((line) => !line.blocking)];
}

/** Whether ssh can use the key as it is (a world-readable private key, for one, it refuses). */
export function keyUsable(key: KeyInfo): boolean {
  return keyProblemLines(key).every((line) => !line.blocking);
}

interface KeyCardProps {
  readonly info: KeyInfo;
  readonly checked: boolean;
  readonly onChoose: () => void;
}

/** One key as a choice; a key ssh would refuse is shown with why and how to fix it, and cannot be chosen. */
export function KeyCard({ info, checked, onChoose }: KeyCardProps) {
  const problems = keyProblemLines(info);
  const usable = problems.every((line) => !line.blocking);
  return (
    <label className={`choice${usable ? '' : ' choice--disabled'}`}>
      <input
        type="radio"
        name="key"
        value={info.name}
        checked={checked && usable}
        disabled={!usable}
        onChange={onChoose}
      />
      <span className="choice__body">
        <span className="choice__title">
          {info.name}
          {usable ? null : <span className="choice__flag"> (cannot be used as it is)</span>}
        </span>
        <span className="choice__text">{keySummary(info)}</span>
        {info.fingerprint ? (
          <span className="choice__text muted">
            As the Hub will list it: <code className="fingerprint">{info.fingerprint}</code>
          </span>
        ) : null}
        {problems.map((line) => (
          <span key={line.text} className={`choice__text ${line.blocking ? 'inline-error' : 'muted'}`}>
            {line.text}
          </span>
        ))}
      </span>
    </label>
  );
}

import { describe, expect, it } from 'vitest';
import type { KeyInfo } from '../../../../preload/contract';
import {
  keyKind,
  keyProblemLines,
  keySummary,
  keyUsable,
  protectionText,
} from '../../../../renderer/features/ssh/key-card';

function key(extra: Partial<KeyInfo> = {}): KeyInfo {
  return {
    name: 'id_ed25519',
    privatePath: '/home/zoë/.ssh/id_ed25519',
    publicPath: '/home/zoë/.ssh/id_ed25519.pub',
    type: 'ed25519',
    bits: 256,
    comment: 'zoe@laptop',
    fingerprint: 'SHA256:abc',
    publicKey: 'ssh-ed25519 AAAA zoe@laptop',
    passphraseProtected: true,
    problems: [],
    ...extra,
  };
}

describe('key card text', () => {
  it('says kind, protection and comment the way the Hub lists keys', () => {
    expect(keySummary(key())).toBe('ED25519, 256 bits · Protected by a passphrase · zoe@laptop');
    expect(keySummary(key({ comment: '', passphraseProtected: false, type: 'rsa', bits: 4096 }))).toBe(
      'RSA, 4096 bits · No passphrase',
    );
    expect(keyKind(key({ type: 'unknown', bits: null }))).toBe('Unknown type');
    expect(protectionText(key({ passphraseProtected: null }))).toMatch(/Cannot tell/);
  });

  it('makes a key ssh would refuse unchoosable, with the problem and its fix in one sentence', () => {
    const open = key({
      problems: [{ code: 'unprotected', message: 'Others can read this key.', fix: 'Run chmod 600 on it.' }],
    });
    expect(keyUsable(open)).toBe(false);
    expect(keyProblemLines(open)).toEqual([
      { text: 'Others can read this key. Run chmod 600 on it.', blocking: true },
    ]);
    const garbage = key({ publicKey: null, problems: [{ code: 'garbage', message: 'This is not a key.' }] });
    expect(keyUsable(garbage)).toBe(false);
  });

  it('lets a key without its .pub be chosen, noting it quietly', () => {
    const noPub = key({ problems: [{ code: 'missing_public', message: 'The .pub file is missing.' }] });
    expect(keyUsable(noPub)).toBe(true);
    expect(keyProblemLines(noPub)).toEqual([{ text: 'The .pub file is missing.', blocking: false }]);
  });

  it('refuses a key whose public half could not be read, even without a named problem', () => {
    const unread = key({ publicKey: null });
    expect(keyUsable(unread)).toBe(false);
    expect(keyProblemLines(unread)[0]?.text).toMatch(/could not be read/);
  });

  it('lists blocking problems first', () => {
    const both = key({
      problems: [
        { code: 'missing_public', message: 'No .pub.' },
        { code: 'unreadable', message: 'The app cannot read it.' },
      ],
    });
    expect(keyProblemLines(both).map((line) => line.blocking)).toEqual([true, false]);
  });
});

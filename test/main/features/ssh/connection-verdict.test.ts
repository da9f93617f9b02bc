import { describe, expect, it } from 'vitest';
import { offeredKeys, unescapeOctal, verdictFromOutput } from '../../../../main/features/ssh/connection-test';
import { resolveSettings } from '../../../../main/core/settings';

// The verdict is read from the text (the exit code is not documented); these are the texts
// OpenSSH and the Hub print (HUB-FACTS.md, seed 000), checked one by one.
const settings = resolveSettings({ HFGD_HOME: '/tmp' });
const flags = { notFound: false, cancelled: false, timedOut: false };

describe('verdictFromOutput', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['Hi alice, welcome to Hugging Face.\n', 'authenticated'],
    ['Hi anonymous, welcome to Hugging Face.\n', 'anonymous'],
    ['git@hf.co: Permission denied (publickey).\n', 'permission_denied'],
    [
      'No ED25519 host key is known for hf.co and you have requested strict checking.\nHost key verification failed.\n',
      'host_key_unknown',
    ],
    [
      '@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n',
      'host_key_changed',
    ],
    ['ssh: connect to host hf.co port 22: Connection timed out\n', 'timeout'],
    ['ssh: connect to host hf.co port 22: Connection refused\n', 'refused'],
    ['ssh: Could not resolve hostname hf.co: Name or service not known\n', 'dns'],
    ['something else entirely\n', 'unknown'],
  ];
  for (const [output, kind] of cases) {
    it(`reads ${kind} from ${JSON.stringify(output.slice(0, 40))}`, () => {
      expect(verdictFromOutput(output, settings, flags).kind).toBe(kind);
    });
  }

  it('names the user, and never mistakes "anonymous" for a user', () => {
    expect(verdictFromOutput('Hi alice, welcome to Hugging Face.', settings, flags).user).toBe('alice');
    expect(verdictFromOutput('Hi anonymous, welcome to Hugging Face.', settings, flags).user).toBeUndefined();
  });

  it('prefers a missing ssh and a cancel over whatever text there is', () => {
    expect(verdictFromOutput('', settings, { ...flags, notFound: true }).kind).toBe('ssh_missing');
    expect(
      verdictFromOutput('Hi alice, welcome to Hugging Face.', settings, { ...flags, cancelled: true }).kind,
    ).toBe('cancelled');
  });

  it('tells which key was offered, with non-ASCII paths as text', () => {
    const log =
      'debug1: Offering public key: /home/z\\303\\274rich/.ssh/id_ed25519 ED25519 SHA256:abc+/def explicit agent\nHi anonymous, welcome to Hugging Face.\n';
    expect(offeredKeys(log)).toEqual(['/home/zürich/.ssh/id_ed25519 (SHA256:abc+/def)']);
    expect(verdictFromOutput(log, settings, flags).message).toContain('/home/zürich/.ssh/id_ed25519');
    expect(unescapeOctal('plain')).toBe('plain');
  });
});

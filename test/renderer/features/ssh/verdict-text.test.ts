import { describe, expect, it } from 'vitest';
import type { ConnectionVerdict, ConnectionVerdictKind } from '../../../../preload/contract';
import {
  actionLabel,
  anonymousAction,
  offeredKeyName,
  verdictBody,
  verdictView,
} from '../../../../renderer/features/ssh/verdict-text';

function verdict(kind: ConnectionVerdictKind, extra: Partial<ConnectionVerdict> = {}): ConnectionVerdict {
  return {
    kind,
    message: 'm',
    hint: 'h',
    offeredKeys: [],
    output: '',
    durationMs: 5,
    outcome: { kind: 'unknown', message: 'm', fix: 'h' },
    ...extra,
  };
}

const ALL: readonly ConnectionVerdictKind[] = [
  'authenticated',
  'anonymous',
  'permission_denied',
  'host_key_unknown',
  'host_key_changed',
  'timeout',
  'refused',
  'dns',
  'ssh_missing',
  'cancelled',
  'unknown',
];

describe('verdictView', () => {
  it('greets the person by the name the Hub used, and only then lets them continue', () => {
    expect(verdictView(verdict('authenticated', { user: 'alice' }))).toEqual({
      headline: 'Hi alice — it works',
      tone: 'ok',
      action: 'continue',
    });
    for (const kind of ALL.filter((k) => k !== 'authenticated'))
      expect(verdictView(verdict(kind)).action).not.toBe('continue');
  });

  it('sends an anonymous answer and an unknown host key back to Copy, where both are fixed', () => {
    expect(verdictView(verdict('anonymous'))).toMatchObject({ tone: 'warn', action: 'back-to-copy' });
    expect(verdictView(verdict('anonymous')).headline).toMatch(/doesn’t know this key/);
    expect(verdictView(verdict('host_key_unknown')).action).toBe('back-to-copy');
    expect(verdictView(verdict('host_key_changed')).action).toBe('back-to-copy');
  });

  it('shows host key trouble, refusals and network failures in red', () => {
    for (const kind of [
      'host_key_unknown',
      'host_key_changed',
      'permission_denied',
      'timeout',
      'dns',
    ] as const)
      expect(verdictView(verdict(kind)).tone).toBe('error');
    expect(verdictView(verdict('host_key_changed')).headline).toMatch(/^Warning/);
  });

  it('gives every kind its own headline and a labelled action', () => {
    const headlines = ALL.map((kind) => verdictView(verdict(kind, { user: 'alice' })).headline);
    expect(new Set(headlines).size).toBe(ALL.length);
    for (const kind of ALL) expect(actionLabel(verdictView(verdict(kind)).action)).not.toBe('');
  });
});

describe('offered keys', () => {
  it('shortens ssh’s path to the file name a person knows, keeping the fingerprint', () => {
    expect(offeredKeyName('/tmp/hfgd e2e ü-x/.ssh/id_ed25519 (SHA256:abc+/1)')).toBe(
      'id_ed25519 (SHA256:abc+/1)',
    );
    expect(offeredKeyName('C:\\Users\\Zoë\\.ssh\\id_rsa')).toBe('id_rsa');
  });

  const chosen = { name: 'id_ed25519', fingerprint: 'SHA256:abc' };

  it('explains an anonymous answer for the key that was offered: it is not on the account yet', () => {
    const offered = verdict('anonymous', { offeredKeys: ['/h/.ssh/id_ed25519 (SHA256:abc)'] });
    const body = verdictBody(offered, chosen);
    expect(body.message).toBe(
      'The Hub answered, but as “anonymous”: ssh offered id_ed25519 (SHA256:abc), and no Hub account has that key yet.',
    );
    expect(body.hint).toMatch(/Copy to the Hub.*fingerprint SHA256:abc/);
    expect(anonymousAction(offered, chosen)).toBe('back-to-copy');
  });

  it('explains an anonymous answer when ssh offered another key, and sends the person to the agent', () => {
    const other = verdict('anonymous', { offeredKeys: ['/h/.ssh/id_rsa (SHA256:zzz)'] });
    expect(verdictBody(other, chosen).message).toMatch(
      /did not offer id_ed25519, the key you chose; it offered id_rsa \(SHA256:zzz\) instead/,
    );
    expect(anonymousAction(other, chosen)).toBe('back-to-agent');
    expect(verdictBody(verdict('anonymous'), chosen).message).toMatch(
      /did not offer id_ed25519, the key you chose\.$/,
    );
  });

  it('keeps main’s words for every other verdict, and for anonymous when no key is chosen', () => {
    const denied = verdict('permission_denied', { message: 'refused', hint: 'add it' });
    expect(verdictBody(denied, chosen)).toEqual({ message: 'refused', hint: 'add it' });
    expect(verdictBody(verdict('anonymous'), null)).toEqual({ message: 'm', hint: 'h' });
    expect(anonymousAction(verdict('anonymous'), null)).toBe('back-to-copy');
  });
});

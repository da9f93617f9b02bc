import { describe, expect, it } from 'vitest';
import {
  cannotPush,
  expiryText,
  newTokenUrl,
  permissionsText,
  roleText,
} from '../../../../renderer/features/https/token-text';
import { writesPlaintext } from '../../../../renderer/features/https/store-token-step';

describe('token wording', () => {
  it('says what each role may do, in plain words', () => {
    expect(roleText({ role: 'read' })).toMatch(/can clone .* cannot push/);
    expect(roleText({ role: 'write' })).toMatch(/clone and push/);
    expect(roleText({ role: 'fineGrained' })).toMatch(/namespace by namespace/);
    expect(roleText({ role: 'unknown' })).toMatch(/did not say/);
  });

  it('reads fine-grained permissions', () => {
    expect(permissionsText(['repo.content.read', 'repo.write'])).toBe('can read and push');
    expect(permissionsText(['repo.content.read'])).toBe('can read, cannot push');
    expect(permissionsText(['discussion.write'])).toBe('no access to repositories');
  });

  it('warns about pushes for read tokens and fine-grained tokens with no write anywhere', () => {
    expect(cannotPush({ role: 'read', scoped: [] })).toBe(true);
    expect(cannotPush({ role: 'write', scoped: [] })).toBe(false);
    expect(
      cannotPush({ role: 'fineGrained', scoped: [{ namespace: 'a', permissions: ['repo.content.read'] }] }),
    ).toBe(true);
    expect(
      cannotPush({ role: 'fineGrained', scoped: [{ namespace: 'a', permissions: ['repo.write'] }] }),
    ).toBe(false);
  });

  it('tells expiry soon, later, past and never', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(expiryText(null, now)).toBeNull();
    expect(expiryText('not a date', now)).toBeNull();
    expect(expiryText('2026-12-02T12:00:00Z', now)).toBe(
      'It expires in 2 days (2026-12-02); create a new one before then.',
    );
    expect(expiryText('2027-06-01T00:00:00Z', now)).toBe('It expires on 2027-06-01.');
    expect(expiryText('2026-01-01T00:00:00Z', now)).toBe('It expired on 2026-01-01.');
  });

  it('links the Hub’s prefilled new-token form', () => {
    expect(newTokenUrl('https://huggingface.co')).toBe(
      'https://huggingface.co/settings/tokens/new?tokenType=write',
    );
    expect(newTokenUrl('http://127.0.0.1:9', 'fineGrained')).toBe(
      'http://127.0.0.1:9/settings/tokens/new?tokenType=fineGrained',
    );
  });
});

describe('plain-text consent', () => {
  const base = { host: 'huggingface.co', plaintextPath: '/h/.git-credentials', advice: '', storedUser: null };
  it('is needed when no helper exists, or a configured one is `store`', () => {
    expect(writesPlaintext({ ...base, configured: [], secure: null })).toBe(true);
    expect(
      writesPlaintext({
        ...base,
        configured: [{ name: 'store', storage: 'plaintext', scope: 'global', origin: 'global' }],
        secure: { name: 'manager', configured: false },
      }),
    ).toBe(true);
  });
  it('is not needed with a keychain or another helper', () => {
    expect(
      writesPlaintext({ ...base, configured: [], secure: { name: 'osxkeychain', configured: false } }),
    ).toBe(false);
    expect(
      writesPlaintext({
        ...base,
        configured: [{ name: 'cache', storage: 'memory', scope: 'global', origin: 'global' }],
        secure: null,
      }),
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { KeyInfo, KeyList } from '../../../../preload/contract';
import { keyNameMessage, keyNameProblem } from '../../../../renderer/features/ssh/key-name';

const existing = { name: 'id_ed25519' } as KeyInfo;
const list: KeyList = {
  sshDir: '/h/.ssh',
  sshDirExists: true,
  keys: [existing],
  suggestedName: 'id_ed25519_hf',
};

describe('keyNameProblem', () => {
  it('accepts a free, well-formed name', () => {
    expect(keyNameProblem('id_ed25519_hf', list)).toBeNull();
    expect(keyNameProblem('  hub.key-2 ', list)).toBeNull();
  });

  it('explains a taken name and offers the free one', () => {
    const problem = keyNameProblem('id_ed25519', list);
    expect(problem).toEqual({ kind: 'taken', suggestion: 'id_ed25519_hf' });
    expect(keyNameMessage(problem!, list.sshDir)).toMatch(/never replaces a key.*id_ed25519_hf is free/);
    expect(keyNameProblem('id_ed25519.pub', list)?.kind).toBe('taken');
    expect(keyNameProblem('known_hosts', list)?.kind).toBe('taken');
    expect(keyNameProblem('config', null)?.kind).toBe('taken');
  });

  it('refuses what main would refuse, before the click', () => {
    for (const bad of ['-oProxyCommand', '.hidden', 'a/b', '..', 'a..b', 'ключ', 'a b', 'x'.repeat(65)])
      expect(keyNameProblem(bad, list)?.kind, bad).toBe('invalid');
    expect(keyNameProblem('   ', list)?.kind).toBe('empty');
  });
});

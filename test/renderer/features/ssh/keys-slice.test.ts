import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentResult, GenerateKeyRequest, KeyInfo, KeyList, Result } from '../../../../preload/contract';

const fake = vi.hoisted(() => ({
  list: null as unknown as Result<KeyList>,
  generated: null as unknown as Result<KeyInfo>,
  agent: null as unknown as Result<AgentResult>,
  listCalls: 0,
  agentCalls: [] as { name: string; passphrase: string | null }[],
}));

vi.mock('../../../../renderer/features/ssh/ssh-service', () => ({
  listKeys: async () => {
    fake.listCalls += 1;
    return fake.list;
  },
  generateKey: async (_request: GenerateKeyRequest) => fake.generated,
  addKeyToAgent: async (name: string, passphrase: string | null) => {
    fake.agentCalls.push({ name, passphrase });
    return fake.agent;
  },
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');
const { selectChosenKey, withKey } = await import('../../../../renderer/features/ssh/keys-slice');

const SECRET = 'violet kettle 37 harbour';

function key(name: string): KeyInfo {
  return {
    name,
    privatePath: `/h/.ssh/${name}`,
    publicPath: `/h/.ssh/${name}.pub`,
    type: 'ed25519',
    bits: 256,
    comment: '',
    fingerprint: 'SHA256:x',
    publicKey: 'ssh-ed25519 AAAA',
    passphraseProtected: true,
    problems: [],
  };
}

const LIST: KeyList = {
  sshDir: '/h/.ssh',
  sshDirExists: true,
  keys: [key('id_rsa')],
  suggestedName: 'id_ed25519',
};

describe('keys slice', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.list = { ok: true, value: LIST };
    fake.listCalls = 0;
    fake.agentCalls = [];
  });

  it('creates a key, chooses it and lists it, and the passphrase appears nowhere in the state', async () => {
    await useAppStore.getState().loadKeys();
    fake.generated = { ok: true, value: key('id_ed25519') };
    const failure = await useAppStore
      .getState()
      .createKey({ name: 'id_ed25519', comment: 'a@b.c', passphrase: SECRET });
    expect(failure).toBeNull();
    const state = useAppStore.getState();
    expect(state.keyName).toBe('id_ed25519');
    expect(selectChosenKey(state)?.name).toBe('id_ed25519');
    expect(state.keyList?.keys.map((k) => k.name)).toEqual(['id_rsa', 'id_ed25519']);
    expect(JSON.stringify(state)).not.toContain(SECRET);
  });

  it('reloads the list after a taken name, so the field can offer the fresh suggestion', async () => {
    fake.generated = {
      ok: false,
      error: { code: 'key_name_taken', message: 'id_ed25519 exists.', hint: 'Use id_ed25519_hf.' },
    };
    const failure = await useAppStore
      .getState()
      .createKey({ name: 'id_ed25519', comment: '', passphrase: SECRET });
    expect(failure?.code).toBe('key_name_taken');
    expect(fake.listCalls).toBe(1);
    expect(useAppStore.getState().keyName).toBeNull();
    expect(JSON.stringify(useAppStore.getState())).not.toContain(SECRET);
  });

  it('adds the chosen key to the agent, and forgets that when another key is chosen', async () => {
    useAppStore.getState().chooseKey('id_rsa');
    fake.agent = {
      ok: true,
      value: { agent: 'app', keyName: 'id_rsa', fingerprint: null, alreadyLoaded: false },
    };
    expect(await useAppStore.getState().addChosenKeyToAgent(SECRET)).toBeNull();
    expect(fake.agentCalls).toEqual([{ name: 'id_rsa', passphrase: SECRET }]);
    expect(useAppStore.getState().agentResult?.agent).toBe('app');
    expect(JSON.stringify(useAppStore.getState())).not.toContain(SECRET);
    useAppStore.getState().chooseKey('id_rsa');
    expect(useAppStore.getState().agentResult).not.toBeNull();
    useAppStore.getState().chooseKey('id_ed25519');
    expect(useAppStore.getState().agentResult).toBeNull();
  });

  it('hands back a wrong passphrase as an error and changes nothing', async () => {
    useAppStore.getState().chooseKey('id_rsa');
    fake.agent = { ok: false, error: { code: 'wrong_passphrase', message: 'no', hint: 'again' } };
    expect((await useAppStore.getState().addChosenKeyToAgent('nope'))?.code).toBe('wrong_passphrase');
    expect(useAppStore.getState().agentResult).toBeNull();
  });

  it('refuses to call the agent with no key chosen', async () => {
    expect((await useAppStore.getState().addChosenKeyToAgent(null))?.code).toBe('key_not_found');
    expect(fake.agentCalls).toEqual([]);
  });

  it('replaces a listed key of the same name rather than listing it twice', () => {
    expect(withKey(LIST, { ...key('id_rsa'), comment: 'new' })?.keys).toEqual([
      { ...key('id_rsa'), comment: 'new' },
    ]);
    expect(withKey(null, key('x'))).toBeNull();
  });
});

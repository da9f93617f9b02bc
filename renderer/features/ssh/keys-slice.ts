import type { StateCreator } from 'zustand';
import type { AgentResult, AppError, GenerateKeyRequest, KeyInfo, KeyList } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { addKeyToAgent, generateKey, listKeys } from './ssh-service';

/**
 * The keys in ~/.ssh and what the app did with the chosen one. Passphrases are never state: the
 * actions take them as arguments and hand them straight to the bridge, so once a call returns
 * nothing in the store (or its devtools, or a saved file) has seen them.
 */
export interface KeysSlice {
  /** The last answer of listKeys; null until the first one arrives. */
  readonly keyList: KeyList | null;
  readonly keyListError: AppError | null;
  readonly loadKeys: () => Promise<void>;
  /** Makes a key and chooses it; answers the error to show, or null on success. */
  readonly createKey: (request: GenerateKeyRequest) => Promise<AppError | null>;
  /** Set once the chosen key is in an agent; cleared when another key is chosen. */
  readonly agentResult: AgentResult | null;
  /** Loads the chosen key into the agent; answers the error to show, or null on success. */
  readonly addChosenKeyToAgent: (passphrase: string | null) => Promise<AppError | null>;
}

/** The chosen key as last listed, or null (none chosen, or not listed yet). */
export function selectChosenKey(state: Pick<AppStore, 'keyList' | 'keyName'>): KeyInfo | null {
  return state.keyList?.keys.find((key) => key.name === state.keyName) ?? null;
}

/** The list with `key` in it, replacing a key of the same name, so a new key shows without a reload. */
export function withKey(list: KeyList | null, key: KeyInfo): KeyList | null {
  if (!list) return null;
  return { ...list, sshDirExists: true, keys: [...list.keys.filter((k) => k.name !== key.name), key] };
}

const NO_KEY: AppError = {
  code: 'key_not_found',
  message: 'No key is chosen yet.',
  hint: 'Go back to "Your keys" and choose or create one.',
};

export const createKeysSlice: StateCreator<AppStore, [], [], KeysSlice> = (set, get) => ({
  keyList: null,
  keyListError: null,
  loadKeys: async () => {
    const result = await listKeys();
    if (result.ok) set({ keyList: result.value, keyListError: null });
    else set({ keyListError: result.error });
  },
  createKey: async (request) => {
    const result = await generateKey(request);
    if (!result.ok) {
      // A name taken meanwhile comes with a fresh suggestion in the new list.
      if (result.error.code === 'key_name_taken') await get().loadKeys();
      return result.error;
    }
    set((state) => ({ keyList: withKey(state.keyList, result.value), agentResult: null }));
    get().chooseKey(result.value.name);
    return null;
  },
  agentResult: null,
  addChosenKeyToAgent: async (passphrase) => {
    const name = get().keyName;
    if (!name) return NO_KEY;
    const result = await addKeyToAgent(name, passphrase);
    if (!result.ok) return result.error;
    set({ agentResult: result.value });
    return null;
  },
});

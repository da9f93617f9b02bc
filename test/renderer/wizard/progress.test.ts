import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result, SavedProgress } from '../../../preload/contract';

// The progress service is the slice's only way to the file main writes; replacing it lets the
// restore-and-save logic run in Node and shows exactly what would be written.
const fake = vi.hoisted(() => ({
  saved: [] as SavedProgress[],
  load: { ok: true, value: null } as Result<SavedProgress | null>,
}));

vi.mock('../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => fake.load,
  saveProgress: async (progress: SavedProgress) => {
    fake.saved.push(progress);
  },
}));

const { useAppStore } = await import('../../../renderer/store/app-store');
const { progressToSave, resumableProgress } = await import('../../../renderer/wizard/wizard-slice');

describe('resumableProgress', () => {
  it('reopens where the person was', () => {
    const saved: SavedProgress = { step: 'copy', method: 'ssh', keyName: 'id_ed25519' };
    expect(resumableProgress(saved)).toEqual(saved);
    expect(resumableProgress({ step: 'create-key', method: 'ssh', keyName: null }).step).toBe('create-key');
  });

  it('sends a key step without a key back to "Your keys"', () => {
    for (const step of ['agent', 'copy', 'test', 'done'] as const)
      expect(resumableProgress({ step, method: 'ssh', keyName: null }).step).toBe('keys');
  });

  it('sends a step of the other route back to Check, and the token route to its own screens', () => {
    expect(resumableProgress({ step: 'test', method: 'https', keyName: 'id_ed25519' }).step).toBe('check');
    expect(resumableProgress({ step: 'token', method: 'ssh', keyName: null }).step).toBe('check');
    expect(resumableProgress({ step: 'welcome', method: 'https', keyName: null }).step).toBe('welcome');
    expect(resumableProgress({ step: 'use-token', method: 'https', keyName: null }).step).toBe('use-token');
  });

  it('reopens "Save it for Git" on the token field: the app did not keep the token', () => {
    expect(resumableProgress({ step: 'store-token', method: 'https', keyName: null }).step).toBe('token');
  });
});

describe('progressToSave', () => {
  const before = { step: 'keys', method: 'ssh', keyName: null } as const;

  it('saves nothing until the saved copy was read, so a slow load cannot overwrite it', () => {
    expect(progressToSave({ ...before, step: 'check', progressLoaded: false }, before)).toBeNull();
  });

  it('saves exactly the three fields when one of them changes', () => {
    expect(progressToSave({ ...before, keyName: 'id_ed25519', progressLoaded: true }, before)).toEqual({
      step: 'keys',
      method: 'ssh',
      keyName: 'id_ed25519',
    });
    expect(progressToSave({ ...before, progressLoaded: true }, before)).toBeNull();
  });
});

describe('the store and the saved file', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.saved = [];
  });

  it('restores the saved place at start, then saves every change of step, method or key', async () => {
    fake.load = { ok: true, value: { step: 'agent', method: 'ssh', keyName: 'id_ed25519_hf' } };
    await useAppStore.getState().loadSavedProgress();
    const state = useAppStore.getState();
    expect(state).toMatchObject({ step: 'agent', keyName: 'id_ed25519_hf', progressLoaded: true });

    fake.saved = [];
    useAppStore.getState().goTo('copy');
    useAppStore.getState().chooseKey('id_rsa');
    expect(fake.saved).toEqual([
      { step: 'copy', method: 'ssh', keyName: 'id_ed25519_hf' },
      { step: 'copy', method: 'ssh', keyName: 'id_rsa' },
    ]);
  });

  it('starts from Welcome when the saved copy cannot be read', async () => {
    fake.load = { ok: false, error: { code: 'internal', message: 'broken', hint: 'h' } };
    await useAppStore.getState().loadSavedProgress();
    expect(useAppStore.getState()).toMatchObject({ step: 'welcome', progressLoaded: true });
  });

  it('saves the fresh start after "Start over"', async () => {
    fake.load = { ok: true, value: { step: 'test', method: 'ssh', keyName: 'id_ed25519' } };
    await useAppStore.getState().loadSavedProgress();
    useAppStore.getState().startOver();
    expect(fake.saved.at(-1)).toEqual({ step: 'welcome', method: 'ssh', keyName: null });
  });
});

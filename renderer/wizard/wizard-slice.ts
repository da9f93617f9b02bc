import type { StateCreator } from 'zustand';
import type { AuthMethod, SavedProgress, WizardStep } from '../../preload/contract';
import type { AppStore } from '../store/app-store';
import { loadProgress } from './progress-service';

/**
 * The wizard's steps in the order a person meets them. To add a step: append its id here, give it
 * a label in wizard/step-labels.ts and a case in wizard/wizard.tsx (both fail to compile until
 * you do), and write its screen in the feature it belongs to (features/<name>/, handed out by
 * that feature's index.ts).
 */
export const STEP_ORDER = [
  'welcome',
  'check',
  'keys',
  'create-key',
  'agent',
  'copy',
  'test',
  'done',
  'token',
  'store-token',
  'use-token',
] as const;

/** One screen of the wizard. */
export type StepId = (typeof STEP_ORDER)[number];

/** The screens each route passes through, in order: the first two are shared. */
export const ROUTES: Readonly<Record<AuthMethod, readonly StepId[]>> = {
  ssh: ['welcome', 'check', 'keys', 'create-key', 'agent', 'copy', 'test', 'done'],
  https: ['welcome', 'check', 'token', 'store-token', 'use-token'],
};

/** How the user's git will prove who they are to the Hub (the contract's type, so a saved one fits). */
export type { AuthMethod };

// The contract's list and this one must agree: each assignment fails to compile otherwise.
const _sameSteps: readonly WizardStep[] = STEP_ORDER;
const _sameStepsBack: readonly StepId[] = [] as WizardStep[];
void _sameSteps;
void _sameStepsBack;

export interface WizardSlice {
  readonly step: StepId;
  readonly method: AuthMethod;
  readonly next: () => void;
  readonly back: () => void;
  readonly goTo: (step: StepId) => void;
  readonly chooseMethod: (method: AuthMethod) => void;
  /** The key chosen or made for the Hub (its file name in ~/.ssh); survives a restart. */
  readonly keyName: string | null;
  readonly chooseKey: (name: string | null) => void;
  /** False until the saved progress has been read; nothing is saved before, so it is never overwritten. */
  readonly progressLoaded: boolean;
  readonly restoreProgress: (progress: SavedProgress | null) => void;
  /** Reads the saved progress once at start; an error simply starts from the beginning. */
  readonly loadSavedProgress: () => Promise<void>;
}

/** The step after `step` on the route, or `step` itself on the last one. */
export function stepAfter(step: StepId, method: AuthMethod = 'ssh'): StepId {
  const route = ROUTES[method];
  return route[route.indexOf(step) + 1] ?? step;
}

/** The step before `step` on the route, or `step` itself on the first one. */
export function stepBefore(step: StepId, method: AuthMethod = 'ssh'): StepId {
  const route = ROUTES[method];
  return route[route.indexOf(step) - 1] ?? step;
}

/** The steps that need a chosen key: reopening one of them without a key would be a dead end. */
const NEEDS_KEY: ReadonlySet<StepId> = new Set(['agent', 'copy', 'test', 'done']);

/**
 * Where a restart may reopen. Saved progress is only a file on disk, so it is checked against the
 * flow: a step of the other route goes back to Check; saving a token needs the token pasted again
 * (the app does not keep it), and a key step without a key goes back to "Your keys".
 */
export function resumableProgress(saved: SavedProgress): SavedProgress {
  if (!ROUTES[saved.method].includes(saved.step)) return { ...saved, step: 'check' };
  if (saved.step === 'store-token') return { ...saved, step: 'token' };
  if (NEEDS_KEY.has(saved.step) && !saved.keyName) return { ...saved, step: 'keys' };
  return saved;
}

/** What to save after a change, or null when none of the saved fields changed (or nothing was read yet). */
export function progressToSave(
  state: Pick<WizardSlice, 'step' | 'method' | 'keyName' | 'progressLoaded'>,
  previous: Pick<WizardSlice, 'step' | 'method' | 'keyName'>,
): SavedProgress | null {
  if (!state.progressLoaded) return null;
  if (state.step === previous.step && state.method === previous.method && state.keyName === previous.keyName)
    return null;
  return { step: state.step, method: state.method, keyName: state.keyName };
}

/** SSH is preselected: it is what the Hub's docs recommend, and it never puts a secret in a file. */
export const createWizardSlice: StateCreator<AppStore, [], [], WizardSlice> = (set, get) => ({
  step: 'welcome',
  method: 'ssh',
  next: () => set((state) => ({ step: stepAfter(state.step, state.method) })),
  back: () => set((state) => ({ step: stepBefore(state.step, state.method) })),
  goTo: (step) => set({ step }),
  chooseMethod: (method) => set({ method }),
  keyName: null,
  // Another key is not in the agent yet, whatever the last one was.
  chooseKey: (keyName) => set((state) => (state.keyName === keyName ? {} : { keyName, agentResult: null })),
  progressLoaded: false,
  // The first screen shows at once; the saved place replaces it when it arrives, unless the
  // person has already moved on.
  restoreProgress: (progress) =>
    set((state) =>
      progress && state.step === 'welcome'
        ? { ...resumableProgress(progress), progressLoaded: true }
        : { progressLoaded: true },
    ),
  loadSavedProgress: async () => {
    const result = await loadProgress();
    get().restoreProgress(result.ok ? result.value : null);
  },
});

import type { StateCreator } from 'zustand';
import type { SavedProgress, WizardStep } from '../../preload/contract';
import { loadProgress } from '../services/progress';
import type { AppStore } from './app-store';

/**
 * The wizard's steps in the order a person meets them. To add a step: append its id here, give it
 * a label in wizard/step-labels.ts and a case in wizard/wizard.tsx (both fail to compile until
 * you do), and write its screen in wizard/steps/.
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
] as const;

/** One screen of the wizard. */
export type StepId = (typeof STEP_ORDER)[number];

/** How the user's git will prove who they are to the Hub. */
export type AuthMethod = 'ssh' | 'https';

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
  /** False until the saved progress has been read, so the first screen does not flash. */
  readonly progressLoaded: boolean;
  readonly restoreProgress: (progress: SavedProgress | null) => void;
  /** Reads the saved progress once at start; an error simply starts from the beginning. */
  readonly loadSavedProgress: () => Promise<void>;
}

/** The step after `step`, or `step` itself on the last one (no screen exists past it yet). */
export function stepAfter(step: StepId): StepId {
  return STEP_ORDER[STEP_ORDER.indexOf(step) + 1] ?? step;
}

/** The step before `step`, or `step` itself on the first one. */
export function stepBefore(step: StepId): StepId {
  return STEP_ORDER[STEP_ORDER.indexOf(step) - 1] ?? step;
}

/** SSH is preselected: it is what the Hub's docs recommend, and it never puts a secret in a file. */
export const createWizardSlice: StateCreator<AppStore, [], [], WizardSlice> = (set, get) => ({
  step: 'welcome',
  method: 'ssh',
  next: () => set((state) => ({ step: stepAfter(state.step) })),
  back: () => set((state) => ({ step: stepBefore(state.step) })),
  goTo: (step) => set({ step }),
  chooseMethod: (method) => set({ method }),
  keyName: null,
  chooseKey: (keyName) => set({ keyName }),
  progressLoaded: false,
  restoreProgress: (progress) =>
    set(
      progress
        ? { step: progress.step, method: progress.method, keyName: progress.keyName, progressLoaded: true }
        : { progressLoaded: true },
    ),
  loadSavedProgress: async () => {
    const result = await loadProgress();
    get().restoreProgress(result.ok ? result.value : null);
  },
});

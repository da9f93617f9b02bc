import type { StateCreator } from 'zustand';
import type { AppStore } from './app-store';

/**
 * The wizard's steps in the order a person meets them. To add a step: append its id here, give it
 * a label in wizard/step-labels.ts and a case in wizard/wizard.tsx (both fail to compile until
 * you do), and write its screen in wizard/steps/.
 */
export const STEP_ORDER = ['welcome', 'check'] as const;

/** One screen of the wizard. */
export type StepId = (typeof STEP_ORDER)[number];

/** How the user's git will prove who they are to the Hub. */
export type AuthMethod = 'ssh' | 'https';

export interface WizardSlice {
  readonly step: StepId;
  readonly method: AuthMethod;
  readonly next: () => void;
  readonly back: () => void;
  readonly goTo: (step: StepId) => void;
  readonly chooseMethod: (method: AuthMethod) => void;
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
export const createWizardSlice: StateCreator<AppStore, [], [], WizardSlice> = (set) => ({
  step: 'welcome',
  method: 'ssh',
  next: () => set((state) => ({ step: stepAfter(state.step) })),
  back: () => set((state) => ({ step: stepBefore(state.step) })),
  goTo: (step) => set({ step }),
  chooseMethod: (method) => set({ method }),
});

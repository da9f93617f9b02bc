import { create } from 'zustand';
import { saveProgress } from '../services/progress';
import { createAppInfoSlice, type AppInfoSlice } from './app-info-slice';
import { createMachineSlice, type MachineSlice } from './machine-slice';
import { createWizardSlice, type WizardSlice } from './wizard-slice';

/** Actions that span slices. */
export interface RootSlice {
  /** Back to the first screen with nothing remembered, except the launch settings. */
  readonly startOver: () => void;
}

export type AppStore = WizardSlice & MachineSlice & AppInfoSlice & RootSlice;

/** The app's one store, built from typed slices; components read it through selectors. */
export const useAppStore = create<AppStore>()((set, get, api) => ({
  ...createWizardSlice(set, get, api),
  ...createMachineSlice(set, get, api),
  ...createAppInfoSlice(set, get, api),
  startOver: () => {
    const { appInfo, appInfoError } = get();
    set({ ...api.getInitialState(), appInfo, appInfoError, progressLoaded: true }, true);
  },
}));

// What survives a restart (step, method, chosen key; never a secret) is saved whenever it changes,
// once the saved copy has been read.
useAppStore.subscribe((state, previous) => {
  if (!state.progressLoaded) return;
  if (state.step === previous.step && state.method === previous.method && state.keyName === previous.keyName)
    return;
  void saveProgress({ step: state.step, method: state.method, keyName: state.keyName });
});

import { create } from 'zustand';
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
    set({ ...api.getInitialState(), appInfo, appInfoError }, true);
  },
}));

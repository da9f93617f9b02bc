import type { StateCreator } from 'zustand';
import type { AppStore } from '../../store/app-store';

/** Which part of the app shows: the setup wizard, or the repositories once access is set up. */
export interface ViewSlice {
  readonly view: 'setup' | 'repos';
  readonly showView: (view: 'setup' | 'repos') => void;
}

export const createViewSlice: StateCreator<AppStore, [], [], ViewSlice> = (set) => ({
  view: 'setup',
  showView: (view) => set({ view }),
});

import type { StateCreator } from 'zustand';
import type { AppStore } from '../../store/app-store';

/** Which part of the app shows: the setup wizard, or the repositories once access is set up. */
export interface ViewSlice {
  readonly view: 'setup' | 'repos';
  /** The repository open on the repositories screen, if any. */
  readonly openRepo: string | null;
  readonly showView: (view: 'setup' | 'repos') => void;
  readonly openRepoAt: (path: string | null) => void;
}

export const createViewSlice: StateCreator<AppStore, [], [], ViewSlice> = (set) => ({
  view: 'setup',
  openRepo: null,
  showView: (view) => set({ view }),
  openRepoAt: (openRepo) => set({ openRepo, view: 'repos' }),
});

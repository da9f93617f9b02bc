import type { StateCreator } from 'zustand';
import type { AppStore } from '../../store/app-store';

/**
 * The parts of the app: the setup wizard, your repositories on the Hub, publishing a folder, the
 * repositories on this computer, and "Explain an error message".
 */
export type View = 'setup' | 'hub' | 'publish' | 'repos' | 'explain';

/** Which part of the app shows. */
export interface ViewSlice {
  readonly view: View;
  readonly showView: (view: View) => void;
}

export const createViewSlice: StateCreator<AppStore, [], [], ViewSlice> = (set) => ({
  view: 'setup',
  showView: (view) => set({ view }),
});

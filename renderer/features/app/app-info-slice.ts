import type { StateCreator } from 'zustand';
import type { AppError, AppInfo } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { getAppInfo } from './app-info-service';

export interface AppInfoSlice {
  readonly appInfo: AppInfo | null;
  readonly appInfoError: AppError | null;
  readonly loadAppInfo: () => Promise<void>;
}

/** Launch settings are fixed for the app's lifetime, so they are loaded once and survive "start over". */
export const createAppInfoSlice: StateCreator<AppStore, [], [], AppInfoSlice> = (set) => ({
  appInfo: null,
  appInfoError: null,
  loadAppInfo: async () => {
    const result = await getAppInfo();
    if (result.ok) set({ appInfo: result.value, appInfoError: null });
    else set({ appInfoError: result.error });
  },
});

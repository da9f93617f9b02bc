import { create } from 'zustand';
import { createAppInfoSlice, type AppInfoSlice } from '../features/app/app-info-slice';
import { createViewSlice, type ViewSlice } from '../features/app/view-slice';
import { createTokenSlice, type TokenSlice } from '../features/https/token-slice';
import { createHubSlice, type HubSlice } from '../features/hub/hub-slice';
import { createMachineSlice, type MachineSlice } from '../features/machine-check/machine-slice';
import { createPullRequestSlice, type PullRequestSlice } from '../features/repos/pull-request-slice';
import { createReposSlice, type ReposSlice } from '../features/repos/repos-slice';
import { createWorkspaceOpsSlice, type WorkspaceOpsSlice } from '../features/repos/workspace-ops-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from '../features/repos/workspace-slice';
import { createConnectionSlice, type ConnectionSlice } from '../features/ssh/connection-slice';
import { createKeysSlice, type KeysSlice } from '../features/ssh/keys-slice';
import { saveProgress } from '../wizard/progress-service';
import { createWizardSlice, progressToSave, type WizardSlice } from '../wizard/wizard-slice';

// The one place that reaches into the features past their index.ts, and only for their slices
// (as main/ipc/table.ts gathers each feature's handlers): the index files hand out screens, and
// screens read this store, so going through them would make a loop, and would pull the lazily
// loaded screens into the first bundle.

/** Actions that span slices. */
export interface RootSlice {
  /** Back to the first screen with nothing remembered, except the launch settings. */
  readonly startOver: () => void;
}

export type AppStore = WizardSlice &
  MachineSlice &
  KeysSlice &
  ConnectionSlice &
  TokenSlice &
  ViewSlice &
  ReposSlice &
  PullRequestSlice &
  WorkspaceSlice &
  WorkspaceOpsSlice &
  HubSlice &
  AppInfoSlice &
  RootSlice;

/** The app's one store, built from typed slices; components read it through selectors. */
export const useAppStore = create<AppStore>()((set, get, api) => ({
  ...createWizardSlice(set, get, api),
  ...createMachineSlice(set, get, api),
  ...createKeysSlice(set, get, api),
  ...createConnectionSlice(set, get, api),
  ...createTokenSlice(set, get, api),
  ...createViewSlice(set, get, api),
  ...createReposSlice(set, get, api),
  ...createPullRequestSlice(set, get, api),
  ...createWorkspaceSlice(set, get, api),
  ...createWorkspaceOpsSlice(set, get, api),
  ...createHubSlice(set, get, api),
  ...createAppInfoSlice(set, get, api),
  startOver: () => {
    const { appInfo, appInfoError } = get();
    set({ ...api.getInitialState(), appInfo, appInfoError, progressLoaded: true }, true);
  },
}));

// What survives a restart (step, method, chosen key; never a secret) is saved whenever it changes,
// once the saved copy has been read.
useAppStore.subscribe((state, previous) => {
  const progress = progressToSave(state, previous);
  if (progress) void saveProgress(progress);
});

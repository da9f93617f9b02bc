import type { StateCreator } from 'zustand';
import type { AppError, CheckId, CheckItem, MachineReport } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { checkMachine, setGitIdentity } from './machine-check-service';

/** Where "Check this computer" is: not started, probing, answered, or unable to run. */
export type MachineStatus = 'idle' | 'running' | 'done' | 'failed';

export interface MachineSlice {
  readonly machineStatus: MachineStatus;
  /** The probes answered so far, filled in live as their events arrive. */
  readonly machineItems: Readonly<Partial<Record<CheckId, CheckItem>>>;
  readonly machineReport: MachineReport | null;
  readonly machineError: AppError | null;
  /**
   * Identifies the run in flight. A run whose token is no longer current (the user started over
   * meanwhile) drops its late events and result instead of overwriting the fresh state.
   */
  readonly machineRun: object | null;
  readonly runMachineCheck: () => Promise<void>;
  /**
   * The Check screen's name-and-email form: sets git's global identity, then checks again so the
   * item turns OK. Answers the error to show on the form, or null when it was saved.
   */
  readonly saveCheckIdentity: (name: string, email: string) => Promise<AppError | null>;
}

/** Why a typed name or email cannot be used, in the form's words; null when both are fine. */
export function identityProblem(name: string, email: string): string | null {
  if (name.trim() === '') return 'Type the name to put on your commits.';
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
    return 'Type an email address, like you@example.com (the one of your Hugging Face account links your commits to you).';
  return null;
}

function byId(items: readonly CheckItem[]): Partial<Record<CheckId, CheckItem>> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

export const createMachineSlice: StateCreator<AppStore, [], [], MachineSlice> = (set, get) => ({
  machineStatus: 'idle',
  machineItems: {},
  machineReport: null,
  machineError: null,
  machineRun: null,
  runMachineCheck: async () => {
    if (get().machineStatus === 'running') return;
    const run = {};
    set({
      machineStatus: 'running',
      machineItems: {},
      machineReport: null,
      machineError: null,
      machineRun: run,
    });
    const result = await checkMachine((item) => {
      if (get().machineRun !== run) return;
      set((state) => ({ machineItems: { ...state.machineItems, [item.id]: item } }));
    });
    if (get().machineRun !== run) return;
    if (result.ok) {
      set({
        machineStatus: 'done',
        machineReport: result.value,
        // The report is the final word: it replaces whatever the events said.
        machineItems: byId(result.value.items),
        machineRun: null,
      });
    } else {
      set({ machineStatus: 'failed', machineError: result.error, machineRun: null });
    }
  },
  saveCheckIdentity: async (name, email) => {
    const result = await setGitIdentity(name.trim(), email.trim());
    if (!result.ok) return result.error;
    await get().runMachineCheck();
    return null;
  },
});

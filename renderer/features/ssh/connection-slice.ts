import type { StateCreator } from 'zustand';
import type { AppError, ConnectionVerdict } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import { cancelConnectionTest, testConnection } from './ssh-service';

/** The live panel keeps this many lines; ssh -T prints a dozen, so only a runaway run is cut. */
export const MAX_TEST_LINES = 500;

export interface ConnectionSlice {
  /** The run in flight, or null; late lines and answers of any other run are dropped. */
  readonly connectionRunId: string | null;
  /** What ssh printed so far in the current (or last) run, as the person should see it. */
  readonly connectionLines: readonly string[];
  readonly connectionVerdict: ConnectionVerdict | null;
  readonly connectionError: AppError | null;
  readonly runConnectionTest: () => Promise<void>;
  readonly cancelConnectionTest: () => Promise<void>;
}

/** The Hub account the last test was greeted as, for the commands on the Done screen. */
export function selectHubUser(state: Pick<AppStore, 'connectionVerdict'>): string | null {
  const verdict = state.connectionVerdict;
  return verdict?.kind === 'authenticated' && verdict.user ? verdict.user : null;
}

/** Appends a line, keeping the newest MAX_TEST_LINES. */
export function appendLine(lines: readonly string[], line: string): readonly string[] {
  const next = [...lines, line];
  return next.length > MAX_TEST_LINES ? next.slice(next.length - MAX_TEST_LINES) : next;
}

export const createConnectionSlice: StateCreator<AppStore, [], [], ConnectionSlice> = (set, get) => ({
  connectionRunId: null,
  connectionLines: [],
  connectionVerdict: null,
  connectionError: null,
  runConnectionTest: async () => {
    if (get().connectionRunId) return;
    const runId = crypto.randomUUID();
    set({ connectionRunId: runId, connectionLines: [], connectionVerdict: null, connectionError: null });
    const result = await testConnection(runId, (line) => {
      if (get().connectionRunId === runId)
        set((state) => ({ connectionLines: appendLine(state.connectionLines, line) }));
    });
    if (get().connectionRunId !== runId) return;
    if (result.ok) set({ connectionRunId: null, connectionVerdict: result.value });
    else set({ connectionRunId: null, connectionError: result.error });
  },
  cancelConnectionTest: async () => {
    const runId = get().connectionRunId;
    // The run ends with a 'cancelled' verdict of its own; this only asks main to stop it.
    if (runId) await cancelConnectionTest(runId);
  },
});

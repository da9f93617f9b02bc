import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionVerdict, Result } from '../../../../preload/contract';

// testConnection's service already filters events by runId; the fake hands the slice each run's
// own line callback and lets the test decide when the run ends.
const fake = vi.hoisted(() => ({
  runs: [] as {
    runId: string;
    onLine: (line: string) => void;
    finish: (r: Result<ConnectionVerdict>) => void;
  }[],
  cancelled: [] as string[],
}));

vi.mock('../../../../renderer/features/ssh/ssh-service', () => ({
  testConnection: (runId: string, onLine: (line: string) => void) =>
    new Promise<Result<ConnectionVerdict>>((finish) => fake.runs.push({ runId, onLine, finish })),
  cancelConnectionTest: async (runId: string) => {
    fake.cancelled.push(runId);
    return { ok: true, value: null };
  },
}));
vi.mock('../../../../renderer/wizard/progress-service', () => ({
  loadProgress: async () => ({ ok: true, value: null }),
  saveProgress: async () => undefined,
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');
const { appendLine, MAX_TEST_LINES, selectHubUser } =
  await import('../../../../renderer/features/ssh/connection-slice');

function verdict(kind: ConnectionVerdict['kind'], user?: string): ConnectionVerdict {
  return {
    kind,
    message: 'm',
    hint: 'h',
    offeredKeys: [],
    output: 'o',
    durationMs: 3,
    outcome: { kind: kind === 'authenticated' ? 'ok' : 'unknown', message: 'm', fix: 'h' },
    ...(user ? { user } : {}),
  };
}

describe('connection slice', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.runs = [];
    fake.cancelled = [];
  });

  it('streams the run’s lines, then keeps the verdict and the Hub name', async () => {
    const done = useAppStore.getState().runConnectionTest();
    const run = fake.runs[0]!;
    expect(run.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(useAppStore.getState().connectionRunId).toBe(run.runId);
    run.onLine('debug1: Connecting to hf.co');
    run.onLine('Hi alice, welcome to Hugging Face.');
    expect(useAppStore.getState().connectionLines).toHaveLength(2);
    run.finish({ ok: true, value: verdict('authenticated', 'alice') });
    await done;
    const state = useAppStore.getState();
    expect(state.connectionRunId).toBeNull();
    expect(selectHubUser(state)).toBe('alice');
  });

  it('runs one test at a time, and each run gets a fresh id', async () => {
    const first = useAppStore.getState().runConnectionTest();
    await useAppStore.getState().runConnectionTest();
    expect(fake.runs).toHaveLength(1);
    fake.runs[0]!.finish({ ok: true, value: verdict('anonymous') });
    await first;
    expect(selectHubUser(useAppStore.getState())).toBeNull();
    const second = useAppStore.getState().runConnectionTest();
    expect(fake.runs[1]!.runId).not.toBe(fake.runs[0]!.runId);
    expect(useAppStore.getState().connectionVerdict).toBeNull();
    fake.runs[1]!.finish({ ok: true, value: verdict('anonymous') });
    await second;
  });

  it('asks main to cancel the run in flight', async () => {
    const done = useAppStore.getState().runConnectionTest();
    await useAppStore.getState().cancelConnectionTest();
    expect(fake.cancelled).toEqual([fake.runs[0]!.runId]);
    fake.runs[0]!.finish({ ok: true, value: verdict('cancelled') });
    await done;
    expect(useAppStore.getState().connectionVerdict?.kind).toBe('cancelled');
  });

  it('drops what a run says after "Start over"', async () => {
    const done = useAppStore.getState().runConnectionTest();
    useAppStore.getState().startOver();
    fake.runs[0]!.onLine('late line');
    fake.runs[0]!.finish({ ok: true, value: verdict('authenticated', 'alice') });
    await done;
    const state = useAppStore.getState();
    expect(state.connectionLines).toEqual([]);
    expect(state.connectionVerdict).toBeNull();
  });

  it('keeps an error that is not a verdict', async () => {
    const done = useAppStore.getState().runConnectionTest();
    fake.runs[0]!.finish({ ok: false, error: { code: 'internal', message: 'gone', hint: 'restart' } });
    await done;
    expect(useAppStore.getState().connectionError?.message).toBe('gone');
  });

  it('keeps only the newest lines of a runaway run', () => {
    let lines: readonly string[] = [];
    for (let i = 0; i < MAX_TEST_LINES + 5; i += 1) lines = appendLine(lines, `line ${i}`);
    expect(lines).toHaveLength(MAX_TEST_LINES);
    expect(lines[0]).toBe('line 5');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, CheckItem, MachineReport, Result } from '../../../../preload/contract';

// The services are the store's only way out to the bridge; replacing them lets the slice's own
// logic (streaming, stale runs, start over) run in Node without a window.
const fake = vi.hoisted(() => ({
  calls: 0,
  onItem: undefined as ((item: CheckItem) => void) | undefined,
  finish: undefined as ((result: Result<MachineReport>) => void) | undefined,
  identities: [] as { name: string; email: string }[],
  identityAnswer: { ok: true, value: null } as Result<null>,
}));

vi.mock('../../../../renderer/features/machine-check/machine-check-service', () => ({
  checkMachine: (onItem: (item: CheckItem) => void) => {
    fake.calls += 1;
    fake.onItem = onItem;
    return new Promise<Result<MachineReport>>((resolve) => {
      fake.finish = resolve;
    });
  },
  setGitIdentity: async (name: string, email: string): Promise<Result<null>> => {
    fake.identities.push({ name, email });
    return fake.identityAnswer;
  },
}));

const APP_INFO: AppInfo = {
  appVersion: '0.1.0',
  transport: 'browser',
  hubEndpoint: 'http://127.0.0.1:9999',
  sshHost: '127.0.0.1',
  sshPort: 2222,
  os: 'debian',
  versions: { node: '20.20.0' },
};

vi.mock('../../../../renderer/features/app/app-info-service', () => ({
  getAppInfo: async (): Promise<Result<AppInfo>> => ({ ok: true, value: APP_INFO }),
}));

const { useAppStore } = await import('../../../../renderer/store/app-store');
const { identityProblem } = await import('../../../../renderer/features/machine-check/machine-slice');

function item(id: CheckItem['id'], status: CheckItem['status']): CheckItem {
  return { id, title: id, status, summary: `${id}: ${status}`, durationMs: 2 };
}

function report(items: readonly CheckItem[]): MachineReport {
  return { os: 'debian', items, startedAt: '2026-11-22T09:00:00.000Z', durationMs: 40 };
}

describe('machine slice', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    fake.calls = 0;
  });

  it('shows answers as they stream in, then takes the final report as the truth', async () => {
    const done = useAppStore.getState().runMachineCheck();
    expect(useAppStore.getState().machineStatus).toBe('running');
    fake.onItem?.(item('git', 'ok'));
    fake.onItem?.(item('git-lfs', 'warn'));
    expect(Object.keys(useAppStore.getState().machineItems)).toEqual(['git', 'git-lfs']);

    const final = report([item('git', 'ok'), item('git-lfs', 'error'), item('ssh', 'ok')]);
    fake.finish?.({ ok: true, value: final });
    await done;

    const state = useAppStore.getState();
    expect(state.machineStatus).toBe('done');
    expect(state.machineReport).toBe(final);
    expect(state.machineItems['git-lfs']?.status).toBe('error');
    expect(state.machineItems.ssh?.status).toBe('ok');
  });

  it('keeps the error when the check cannot run', async () => {
    const done = useAppStore.getState().runMachineCheck();
    const error = { code: 'timeout', message: 'The check took too long.', hint: 'Try again.' } as const;
    fake.finish?.({ ok: false, error });
    await done;
    expect(useAppStore.getState().machineStatus).toBe('failed');
    expect(useAppStore.getState().machineError).toEqual(error);
  });

  it('does not start a second check while one is running', async () => {
    const first = useAppStore.getState().runMachineCheck();
    await useAppStore.getState().runMachineCheck();
    expect(fake.calls).toBe(1);
    fake.finish?.({ ok: true, value: report([]) });
    await first;
  });

  it('starts again from a clean slate, dropping what the old run says late', async () => {
    await useAppStore.getState().loadAppInfo();
    useAppStore.getState().next();
    const stale = useAppStore.getState().runMachineCheck();
    const staleOnItem = fake.onItem;
    const staleFinish = fake.finish;

    useAppStore.getState().startOver();
    staleOnItem?.(item('git', 'error'));
    staleFinish?.({ ok: true, value: report([item('git', 'error')]) });
    await stale;

    const state = useAppStore.getState();
    expect(state.step).toBe('welcome');
    expect(state.machineStatus).toBe('idle');
    expect(state.machineItems).toEqual({});
    expect(state.machineReport).toBeNull();
    expect(state.appInfo).toEqual(APP_INFO);
  });

  it('saves the name and email the Check screen asks for, then checks again', async () => {
    fake.identities = [];
    fake.identityAnswer = { ok: true, value: null };
    const saved = useAppStore.getState().saveCheckIdentity(' Ada Lovelace ', 'ada@example.com ');
    await vi.waitFor(() => expect(fake.calls).toBe(1));
    expect(fake.identities).toEqual([{ name: 'Ada Lovelace', email: 'ada@example.com' }]);
    fake.finish?.({ ok: true, value: report([item('git-identity', 'ok')]) });
    expect(await saved).toBeNull();
    expect(useAppStore.getState().machineItems['git-identity']?.status).toBe('ok');
  });

  it('answers the error when git could not save it, and does not check again', async () => {
    const error = {
      code: 'git_failed',
      message: 'Git could not write its settings.',
      hint: 'Check ~/.gitconfig.',
    } as const;
    fake.identityAnswer = { ok: false, error };
    expect(await useAppStore.getState().saveCheckIdentity('Ada', 'ada@example.com')).toEqual(error);
    expect(fake.calls).toBe(0);
  });

  it('refuses an empty name or a malformed email in words before any call', () => {
    expect(identityProblem('', 'ada@example.com')).toMatch(/name/);
    expect(identityProblem('Ada', 'ada')).toMatch(/email address/);
    expect(identityProblem('Ada', 'ada@example.com')).toBeNull();
  });
});

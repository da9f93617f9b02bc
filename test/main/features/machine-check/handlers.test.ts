import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckItem, Events, MachineReport } from '../../../../preload/contract';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { machineCheckHandlers } from '../../../../main/features/machine-check/handlers';
import { createSession } from '../../../../main/core/session';
import { resolveSettings } from '../../../../main/core/settings';

const home = mkdtempSync(join(tmpdir(), 'hfgd-mc-handler-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function recordingContext(events: { name: string; payload: unknown }[]): HandlerContext {
  return {
    settings: resolveSettings({ HFGD_HOME: home }),
    env: process.env,
    session: createSession({}),
    emit: <E extends keyof Events>(name: E, payload: Events[E]) => {
      events.push({ name, payload });
    },
    openExternal: async () => undefined,
  };
}

// Only this feature's handler: dispatch looks operations up by name, so the rest is never touched.
const table = machineCheckHandlers as unknown as HandlerTable;

describe('checkMachine', () => {
  it('checks the settings home and streams each item as a machineCheckItem event', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const result = await dispatch(table, 'checkMachine', null, recordingContext(events));
    expect(result.ok).toBe(true);
    const report = (result as { value: MachineReport }).value;
    expect(report.items).toHaveLength(9);
    expect(report.items.find((item) => item.id === 'ssh-folder')?.detail).toBe(join(home, '.ssh'));
    expect(events).toHaveLength(9);
    expect(new Set(events.map((event) => event.name))).toEqual(new Set(['machineCheckItem']));
    for (const event of events) expect(report.items).toContainEqual(event.payload as CheckItem);
  });

  it('runs nothing for a request that is not null: the renderer cannot choose what is checked', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const result = await dispatch(table, 'checkMachine', { home: '/etc' }, recordingContext(events));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(events).toEqual([]);
  });
});

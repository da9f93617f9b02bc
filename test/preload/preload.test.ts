import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBridge } from '../../preload/make-bridge';

// The preload under Node, with Electron's contextBridge and ipcRenderer MOCKED: the Electron
// runtime cannot run on these machines (the _electron smoke test covers the real one where it
// can). The mock records what the preload exposes and what it hands to IPC.
const exposed = vi.hoisted(() => ({ name: '', api: undefined as unknown }));
const ipc = vi.hoisted(() => ({
  invoked: [] as unknown[][],
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => {
      exposed.name = name;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      ipc.invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      ipc.listeners.set(channel, listener),
    removeListener: (channel: string) => ipc.listeners.delete(channel),
  },
}));

beforeAll(async () => {
  await import('../../preload');
});

type Api = Record<string, (...args: unknown[]) => unknown>;

describe('the preload bridge', () => {
  it('exposes window.hfGit with exactly the contract’s methods, all functions', () => {
    const expected = Object.keys(
      makeBridge(
        async () => ({ ok: true, value: null }) as never,
        () => () => undefined,
      ),
    );
    expect(exposed.name).toBe('hfGit');
    const api = exposed.api as Api;
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync', 'removeListener'])
      expect(api).not.toHaveProperty(forbidden);
  });

  it('sends an operation as its channel name with the request only', async () => {
    await (exposed.api as Api).checkToken?.({ token: 'x' });
    expect(ipc.invoked.at(-1)).toEqual(['checkToken', { token: 'x' }]);
  });

  it('hands a listener the payload, never the IpcRendererEvent, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const unsubscribe = (exposed.api as Api).onSshTestOutput?.((...args: unknown[]) =>
      seen.push(args),
    ) as () => void;
    const event = { sender: { send: () => undefined }, ports: [] };
    ipc.listeners.get('sshTestOutput')?.(event, { runId: 'r', stream: 'stdout', line: 'hi' });
    expect(seen).toEqual([[{ runId: 'r', stream: 'stdout', line: 'hi' }]]);
    unsubscribe();
    expect(ipc.listeners.has('sshTestOutput')).toBe(false);
  });
});

import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge, EventName, Events, Result, Unsubscribe } from './contract';

// The only code with ipcRenderer. It exposes one method per operation and one on<Event> per
// stream, never ipcRenderer itself nor the IpcRendererEvent objects (they reach back into IPC).

function invoke<T>(channel: string, request: unknown): Promise<Result<T>> {
  return ipcRenderer.invoke(channel, request) as Promise<Result<T>>;
}

function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe {
  const wrapped = (_event: unknown, payload: Events[E]): void => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
}

// Typed by the contract: leaving an operation out fails to compile.
const bridge: Bridge = {
  getAppInfo: (request) => invoke('getAppInfo', request),
  checkMachine: (request) => invoke('checkMachine', request),
  openExternal: (request) => invoke('openExternal', request),
  loadProgress: (request) => invoke('loadProgress', request),
  saveProgress: (request) => invoke('saveProgress', request),
  listKeys: (request) => invoke('listKeys', request),
  generateKey: (request) => invoke('generateKey', request),
  addKeyToAgent: (request) => invoke('addKeyToAgent', request),
  checkHostKeys: (request) => invoke('checkHostKeys', request),
  pinHostKeys: (request) => invoke('pinHostKeys', request),
  configureSsh: (request) => invoke('configureSsh', request),
  testConnection: (request) => invoke('testConnection', request),
  cancelConnectionTest: (request) => invoke('cancelConnectionTest', request),
  onMachineCheckItem: (listener) => subscribe('machineCheckItem', listener),
  onSshTestOutput: (listener) => subscribe('sshTestOutput', listener),
};

contextBridge.exposeInMainWorld('hfGit', bridge);

import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from './contract';
import { makeBridge } from './make-bridge';

// The only code with ipcRenderer. It exposes one method per operation and one on<Event> per
// stream, never ipcRenderer itself nor the IpcRendererEvent objects (they reach back into IPC).

const bridge = makeBridge(
  (operation, request) => ipcRenderer.invoke(operation, request) as Promise<Result<never>>,
  (event, listener) => {
    const wrapped = (_event: unknown, payload: Parameters<typeof listener>[0]): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('hfGit', bridge);

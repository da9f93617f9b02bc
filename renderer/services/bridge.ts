import type { Bridge, EventName, Events, OperationName, Result, Unsubscribe } from '../../preload/contract';
import { makeBridge, type Invoke } from '../../preload/make-bridge';

// The renderer's one door to the main process. In Electron the preload has put the bridge on
// window.hfGit; in browser mode the same contract travels over a loopback WebSocket whose
// session cookie the server set when the one-time URL was opened.

interface Pending {
  readonly resolve: (result: Result<unknown>) => void;
}

/** A second transport with the same shape, so components cannot tell the two apart. */
function createSocketBridge(url: string): Bridge {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('error', () => reject(new Error('socket error')));
      ws.addEventListener('close', (event: CloseEvent) => {
        opened = undefined;
        socket = undefined;
        for (const [id, entry] of pending) {
          entry.resolve(lostConnection(event.reason));
          pending.delete(id);
        }
      });
      ws.addEventListener('message', (message: MessageEvent<string>) => {
        const data = JSON.parse(message.data) as
          | { readonly id: number; readonly result: Result<unknown> }
          | { readonly event: string; readonly payload: unknown };
        if ('id' in data) {
          pending.get(data.id)?.resolve(data.result);
          pending.delete(data.id);
        } else {
          listeners.get(data.event)?.forEach((listener) => listener(data.payload));
        }
      });
    });
    return opened;
  };

  const invoke = async <T>(operation: OperationName, request: unknown): Promise<Result<T>> => {
    let ws: WebSocket;
    try {
      ws = socket ?? (await connect());
    } catch {
      return lostConnection();
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve: resolve as (result: Result<unknown>) => void });
      ws.send(JSON.stringify({ id, operation, request }));
    });
  };

  const subscribe = <E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    void connect().catch(() => undefined);
    return () => {
      set.delete(wrapped);
    };
  };

  return makeBridge(invoke as Invoke, subscribe);
}

/**
 * A call the socket's end cut short. When the server closed it on purpose it says why (a message
 * too large, a page that stopped reading), and the next call opens a new socket by itself.
 */
function lostConnection<T>(reason = ''): Result<T> {
  return {
    ok: false,
    error: reason
      ? {
          code: 'internal',
          message: `The app closed this page’s connection: ${reason}`,
          hint: 'Try again: the page reconnects by itself. If it keeps happening, reload the page.',
        }
      : {
          code: 'internal',
          message: 'The app lost its connection to its background service.',
          hint: 'Close this tab and start the app again.',
        },
  };
}

let cached: Bridge | undefined;

/** The bridge for this window, whichever transport carries it. */
export function getBridge(): Bridge {
  if (cached) return cached;
  if (window.hfGit) {
    cached = window.hfGit;
  } else {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    cached = createSocketBridge(`${scheme}//${window.location.host}/ipc`);
  }
  return cached;
}

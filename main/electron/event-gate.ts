// Events for a page that has not finished loading are held, then delivered in order.
//
// `webContents.send` to a page that is still loading reaches no listener: a renderer ignores
// messages that arrive before its document exists (electron/electron#8663), the page's
// `on<Event>` listeners exist only once its scripts have run, and nothing replays earlier
// messages, so a progress line or a "show this view" sent during the first load (or a reload) is
// lost. The window opens the gate on `did-finish-load` and closes it on `did-start-loading`.
// Pure, so the order and the bound are tested without Electron.

/** A queue in front of a sender; see the file comment. */
export interface EventGate<T> {
  /** Delivers now if the page is ready, else holds the message. */
  readonly send: (message: T) => void;
  /** The page is ready: deliver what was held, in order, then deliver directly. */
  readonly open: () => void;
  /** The page is (re)loading: hold messages again. */
  readonly close: () => void;
  /** How many messages are held. */
  readonly pending: () => number;
}

/**
 * A closed gate in front of `deliver`. At most `limit` messages are held; past that the oldest
 * are dropped (a page that never loads must not grow the main process's memory without bound).
 */
export function createEventGate<T>(deliver: (message: T) => void, limit = 1000): EventGate<T> {
  let ready = false;
  const held: T[] = [];
  return {
    send: (message) => {
      if (ready) {
        deliver(message);
        return;
      }
      held.push(message);
      if (held.length > limit) held.splice(0, held.length - limit);
    },
    open: () => {
      ready = true;
      for (const message of held.splice(0)) deliver(message);
    },
    close: () => {
      ready = false;
    },
    pending: () => held.length,
  };
}

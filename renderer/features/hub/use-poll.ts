import { useEffect, useRef } from 'react';

/**
 * Calls `tick` now and then every `everyMs` until it answers true (settled) or the screen goes;
 * a tick still running when the next is due is not doubled.
 */
export function usePoll(tick: () => Promise<boolean>, everyMs: number, active: boolean): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  }, [tick]);
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: number | undefined;
    const run = async () => {
      const settled = await latest.current();
      if (!stopped && !settled) timer = window.setTimeout(() => void run(), everyMs);
    };
    void run();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [everyMs, active]);
}

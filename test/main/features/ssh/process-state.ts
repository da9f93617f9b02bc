import { readFileSync } from 'node:fs';

/**
 * Whether a process has ended, a zombie included. The app's agent is a grandchild (ssh-agent(1)
 * forks, and its other half runs the holding script), so once stopped it waits for init to reap
 * it, and `kill -0` still finds it until then: a container's init can take a second or more.
 * Linux only (/proc), as the machines these tests run on.
 */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Polls a check every 50 ms; resolves with the time it took, or undefined when it never held. */
export async function waitFor(check: () => boolean, ms: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check() ? Date.now() - started : undefined;
}

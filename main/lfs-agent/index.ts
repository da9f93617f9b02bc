// The app's git-lfs custom transfer agent for the Hub's multipart uploads (files over 5 GB). Plain
// Node, no Electron: it runs as `node out/main/lfs-agent.js` in development and browser mode, and
// inside the packaged app's own executable behind AGENT_SWITCH (main/entry/electron.ts).
import { runAgent } from './agent';

export { runAgent, type AgentOptions } from './agent';

/**
 * Why: the switch that makes the app's executable the agent instead of the app; handled at the
 * top of the Electron entry, before any window or the single-instance lock.
 */
export const AGENT_SWITCH = '--hfgd-lfs-multipart';

/** Why: the agent on this process's stdin and stdout, as git-lfs starts it; resolves to the exit code. */
export function runAgentOnStdio(): Promise<number> {
  return runAgent(process.stdin, process.stdout, (line) => process.stderr.write(`${line}\n`));
}

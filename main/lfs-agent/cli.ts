// The agent's script entry (electron-vite builds it to out/main/lfs-agent.js): what git-lfs runs
// in development and browser mode (main/git/lfs-agent-command.ts).
import { runAgentOnStdio } from './index';

void runAgentOnStdio().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`hfgd-lfs-multipart: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

import type { AgentResult } from '../../../preload/contract';

/** Shown next to the field; the exact words the issue asks for, whatever main's message says. */
export const WRONG_PASSPHRASE =
  "That passphrase doesn't unlock this key. Type it again; nothing else was changed.";

/** Shown next to the field when "Add to agent" is pressed with nothing typed. */
export const EMPTY_PASSPHRASE = 'Type the passphrase you chose for this key.';

/** What the agent step reports once the key is in: which agent, and whether anything changed. */
export function agentDoneText(result: AgentResult): string {
  const what = result.alreadyLoaded
    ? `${result.keyName} was already in the agent, so nothing changed.`
    : `${result.keyName} is now in the agent.`;
  return result.agent === 'app'
    ? `${what} No agent was running, so the app started one for its own use: Git commands you run from the app will use it.`
    : what;
}

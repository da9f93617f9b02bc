import { git, type GitContext } from './core';
import { readConfig } from './config';
import { LFS_AGENT_SWITCH, type AgentCommand } from './lfs-agent-command';

// `hf lfs-enable-largefiles PATH` (huggingface_hub cli/lfs.py) sets, in the repository's own config
// and whatever is there, `lfs.customtransfer.multipart.path` and `.args`, and nothing else (no
// `.concurrent`, no `.direction`): git-lfs then offers "multipart" in its batch requests and runs
// the agent for the objects the Hub answers that way. The app does the same with its own agent,
// but never overwrites an agent the person set up (theirs, say `hf`, keeps working): it replaces
// only one of its own (an older path after an update or a move).

const PATH_KEY = 'lfs.customtransfer.multipart.path';
const ARGS_KEY = 'lfs.customtransfer.multipart.args';

/** Why: what enableLargeFiles did, so the screen can say it in one sentence. */
export type LargeFilesChange =
  /** It set the app's agent in this repository's config (`previous` is an older one of the app's). */
  | { readonly kind: 'enabled'; readonly previous?: AgentCommand }
  /** The app's agent was already set, exactly so. */
  | { readonly kind: 'already' }
  /** The person's own multipart agent is set (repository or global): left as it is. */
  | { readonly kind: 'kept_own'; readonly path: string };

/** Why: an agent the app wrote: its args end with the switch, or name the app's built script. */
function isOurs(args: string): boolean {
  return args.endsWith(LFS_AGENT_SWITCH) || /lfs-agent(?:\.js|[\\/]cli\.ts)'?$/.test(args);
}

/**
 * Why: turns on the Hub's multipart transfer for one repository, as `hf lfs-enable-largefiles`
 * does, with the app's agent; returns what it changed. Needed before pushing a file over 5 GB.
 */
export async function enableLargeFiles(
  context: GitContext,
  repoPath: string,
  command: AgentCommand,
): Promise<LargeFilesChange> {
  const path = await readConfig(context, PATH_KEY, { cwd: repoPath });
  const args = await readConfig(context, ARGS_KEY, { cwd: repoPath });
  if (path !== '' && !isOurs(args)) return { kind: 'kept_own', path };
  if (path === command.path && args === command.args) return { kind: 'already' };
  await git(context, ['config', '--local', PATH_KEY, command.path], { cwd: repoPath });
  await git(context, ['config', '--local', ARGS_KEY, command.args], { cwd: repoPath });
  return path === '' ? { kind: 'enabled' } : { kind: 'enabled', previous: { path, args } };
}

/** Why: the sentence the app shows when it turned the transfer on (issue 15: "explains that in one sentence"). */
export function largeFilesSentence(change: LargeFilesChange): string | undefined {
  switch (change.kind) {
    case 'enabled':
      return 'Files over 5 GB go to the Hub in parts, so the app set this repository to use its large-file uploader (the same setting as `hf lfs-enable-largefiles`).';
    case 'already':
      return undefined;
    case 'kept_own':
      return `This repository already has a large-file uploader (${change.path}); the app keeps it.`;
  }
}

import type { CheckItem, MachineReport } from '../../../preload/contract';
import { childEnv } from '../../core/run';
import { detectOs, readOsRelease } from './os';
import {
  outcome,
  timedOutOutcome,
  type ProbeContext,
  type ProbeDefinition,
  type ProbeOutcome,
} from './probe';
import { probeGit } from './probes/git';
import { probeGitIdentity } from './probes/git-identity';
import { probeGitLfs } from './probes/git-lfs';
import { probeGitXet } from './probes/git-xet';
import { probeSshAgent } from './probes/ssh-agent';
import { probeSshFolder } from './probes/ssh-folder';
import { probeSsh, probeSshAdd, probeSshKeygen, readSshVersion, type SshVersion } from './probes/ssh-tools';

export { detectOs } from './os';
export { fixFor, FIX_KEYS, type FixKey } from './fixes';

/** Long enough for a cold start of git on a slow Windows machine, short enough to not look frozen. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Past a probe's own timeout (when run() has already sent SIGTERM, then SIGKILL a second later),
 * the runner stops waiting anyway: a hung filesystem call cannot be killed, and the rest of the
 * report must still come back.
 */
const DEADLINE_GRACE_MS = 2_000;

/** The probes, in the order the report lists them (the contract's order of CheckId). */
export const PROBES: readonly ProbeDefinition[] = [
  { id: 'ssh', title: 'SSH', subject: 'SSH', probe: probeSsh },
  { id: 'ssh-keygen', title: 'SSH key maker (ssh-keygen)', subject: 'ssh-keygen', probe: probeSshKeygen },
  { id: 'ssh-add', title: 'SSH key loader (ssh-add)', subject: 'ssh-add', probe: probeSshAdd },
  { id: 'git', title: 'Git', subject: 'Git', probe: probeGit },
  { id: 'git-lfs', title: 'Git LFS (large files)', subject: 'Git LFS', probe: probeGitLfs },
  { id: 'git-xet', title: 'Git Xet (faster large files)', subject: 'Git Xet', probe: probeGitXet },
  { id: 'ssh-agent', title: 'SSH agent', subject: 'The SSH agent', probe: probeSshAgent },
  { id: 'ssh-folder', title: 'SSH folder', subject: 'The SSH folder', probe: probeSshFolder },
  { id: 'git-identity', title: 'Your name and email for commits', subject: 'Git', probe: probeGitIdentity },
];

/** Everything the check touches, passed in: nothing is read from globals but the clock. */
export interface MachineCheckOptions {
  /** The home whose ~/.ssh and global git config are checked (settings.home, never the renderer's). */
  readonly home: string;
  /** The app's environment: PATH and SSH_AUTH_SOCK are read from it; children get a deliberate subset. */
  readonly env: NodeJS.ProcessEnv;
  /** Defaults to process.platform; tests set it to reach the Windows branches. */
  readonly platform?: NodeJS.Platform;
  /** The contents of /etc/os-release; read from the machine when absent (for tests). */
  readonly osRelease?: string;
  /** Per probe; a probe that takes longer is reported as not answering. */
  readonly timeoutMs?: number;
  /** Called as each probe finishes, so a screen can fill in live. */
  readonly onItem?: (item: CheckItem) => void;
  readonly signal?: AbortSignal;
}

/**
 * Resolves with the probe's outcome, or with a timeout item once its deadline has passed; then
 * `expire` aborts the probe's signal, so run() and simple-git kill whatever it left running.
 */
function withDeadline(
  work: Promise<ProbeOutcome>,
  definition: ProbeDefinition,
  context: ProbeContext,
  expire: () => void,
): Promise<ProbeOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProbeOutcome>((resolve) => {
    timer = setTimeout(() => {
      expire();
      resolve(timedOutOutcome(definition.subject, context));
    }, context.timeoutMs + DEADLINE_GRACE_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** An AbortController that also aborts when `parent` does. */
function linkedController(parent: AbortSignal | undefined): {
  controller: AbortController;
  unlink: () => void;
} {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (parent?.aborted) abort();
  else parent?.addEventListener('abort', abort, { once: true });
  return { controller, unlink: () => parent?.removeEventListener('abort', abort) };
}

async function runProbe(
  definition: ProbeDefinition,
  context: ProbeContext,
  onItem: MachineCheckOptions['onItem'],
): Promise<CheckItem> {
  const started = performance.now();
  const { controller, unlink } = linkedController(context.signal);
  let result: ProbeOutcome;
  try {
    result = await withDeadline(
      definition.probe({ ...context, signal: controller.signal }),
      definition,
      context,
      () => controller.abort(),
    );
  } catch (error) {
    result = outcome(
      'error',
      `The app could not check ${definition.title}: something unexpected went wrong.`,
      {
        detail: error instanceof Error ? error.message : String(error),
        fix: 'Run the check again; if this keeps happening, copy the report for support.',
      },
    );
  } finally {
    unlink();
  }
  const item: CheckItem = {
    id: definition.id,
    title: definition.title,
    ...result,
    durationMs: Math.round(performance.now() - started),
  };
  try {
    onItem?.(item);
  } catch {
    // A listener's failure (a closed window, say) must not lose the report.
  }
  return item;
}

/**
 * "Check this computer": every probe runs in parallel, each with its own timeout, and `onItem`
 * hears about each as it finishes; the report lists them in a fixed order. Spawns at most six
 * processes: ssh -V, git --version, git lfs version, ssh-add -l, git config, and git-xet --version
 * only when git-xet is on PATH. Never throws: a probe that fails becomes an 'error' item.
 */
export async function runMachineCheck(options: MachineCheckOptions): Promise<MachineReport> {
  const startedAt = new Date();
  const started = performance.now();
  const platform = options.platform ?? process.platform;
  const osRelease = options.osRelease ?? (platform === 'linux' ? await readOsRelease() : undefined);
  // Aborted when the caller cancels, and once the report is done, so no child outlives the check.
  const { controller, unlink } = linkedController(options.signal);
  let sshVersion: Promise<SshVersion> | undefined;
  const context: ProbeContext = {
    home: options.home,
    env: options.env,
    childEnv: childEnv(options.home, options.env),
    platform,
    os: detectOs(platform, osRelease),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: controller.signal,
    sshVersion: () => (sshVersion ??= readSshVersion(context)),
  };
  let items: CheckItem[];
  try {
    items = await Promise.all(PROBES.map((definition) => runProbe(definition, context, options.onItem)));
  } finally {
    controller.abort();
    unlink();
  }
  return {
    os: context.os,
    items,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}

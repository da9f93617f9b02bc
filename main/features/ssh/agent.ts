import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentResult, KeyInfo } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import { childEnv, run } from '../../core/run';
import { opensshProgram } from '../../core/ssh-program';
import { withAskpass } from './askpass';
import {
  agentAnswered,
  SC_QUERIES,
  scCommand,
  windowsAgentFix,
  windowsAgentState,
  type WindowsAgentState,
} from './windows-agent';

/** Why the key is not in the agent, with the code the contract names. */
export class AgentError extends Error {
  constructor(
    readonly code: 'wrong_passphrase' | 'agent_unavailable' | 'agent_failed',
    message: string,
    readonly hint: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

async function agentReachable(
  home: string,
  socket: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<boolean> {
  if (!socket && platform !== 'win32') return false;
  const childEnvironment = childEnv(home, env, socket ? { SSH_AUTH_SOCK: socket } : {}, platform);
  if (!socket) delete childEnvironment.SSH_AUTH_SOCK;
  const listed = await run(opensshProgram('ssh-add', platform, env), ['-l'], {
    env: childEnvironment,
    timeoutMs: 5000,
  });
  return agentAnswered(platform, socket, listed.exitCode);
}

/**
 * The agent service's state in plain words, with the PowerShell fix for it: a disabled service
 * (the default) must be set to start automatically first, a stopped one only started.
 */
export function windowsAgentMessage(
  state: WindowsAgentState,
): { readonly message: string; readonly hint: string } | undefined {
  const fix = windowsAgentFix(state);
  const inPowerShell = `Open PowerShell as administrator and run: ${fix.join(', then ')}. Then try again.`;
  switch (state) {
    case 'running':
      return undefined;
    case 'stopped':
      return {
        message: 'The Windows SSH agent ("OpenSSH Authentication Agent" service) is stopped.',
        hint: inPowerShell,
      };
    case 'disabled':
      return {
        message:
          'The Windows SSH agent ("OpenSSH Authentication Agent" service) is turned off, as it is on a new Windows: starting it alone fails with error 1058.',
        hint: inPowerShell,
      };
    case 'unknown':
      return { message: 'The Windows SSH agent did not answer.', hint: inPowerShell };
    case 'missing':
      return {
        message: 'The Windows SSH agent is not installed.',
        hint: 'Settings > System > Optional features > Add a feature: OpenSSH Client. Then try again.',
      };
  }
}

/** Asks the Service Control Manager about the agent service (Windows only). */
async function askWindowsAgentState(home: string, env: NodeJS.ProcessEnv): Promise<WindowsAgentState> {
  const sc = scCommand(env);
  const ask = (args: readonly string[]) =>
    run(sc, args, { env: childEnv(home, env, {}, 'win32'), timeoutMs: 5000 });
  const [config, status] = await Promise.all([ask(SC_QUERIES.config), ask(SC_QUERIES.status)]);
  return windowsAgentState(config, status);
}

/**
 * How long a key stays in the app's own agent: a working day. ssh-agent(1), -t: "a default value
 * for the maximum lifetime of identities added to the agent" (sshd_config(5) TIME FORMATS), so
 * every key ssh-add or AddKeysToAgent loads into it expires without an ssh-add -t of its own.
 */
export const OWN_AGENT_LIFETIME = '8h';

/** The folder prefix of the app's agents, under the temp folder; launch cleanup looks for it. */
export const AGENT_DIR_PREFIX = 'hfgd-agent-';
/** The file in that folder naming the app process the agent belongs to. */
export const AGENT_OWNER_FILE = 'owner';

/**
 * What the agent runs as its "command": ssh-agent(1) forks, the agent serves the socket, and the
 * other half execs this script with SSH_AGENT_PID set. It prints that pid, then cat holds the
 * pipe the app writes to; when the app dies, even by kill -9, the pipe closes, cat ends and the
 * script stops the agent at once (SIGTERM: the agent removes its socket). Should the script be
 * killed as well, the agent sees its parent gone within 10 s and exits by itself ("the agent
 * exits automatically when the command given on the command line terminates", ssh-agent(1)).
 * A constant script: nothing of the user's reaches the shell.
 */
const HOLD_SCRIPT = 'echo "$SSH_AGENT_PID"; cat; kill "$SSH_AGENT_PID"';

/** Waits for the script's first line (the agent's pid) and the socket, at most timeoutMs. */
function agentStarted(child: ChildProcess, socket: string, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    let printed = '';
    const deadline = Date.now() + timeoutMs;
    const done = (pid: number | undefined): void => {
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve(pid);
    };
    child.once('error', () => done(undefined));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (printed += text));
    const poll = (): void => {
      const pid = /^(\d+)\n/.exec(printed)?.[1];
      if (pid !== undefined && existsSync(socket)) done(Number(pid));
      else if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) done(undefined);
      else setTimeout(poll, 10);
    };
    poll();
  });
}

/**
 * Finds an agent the app's children can use: the user's own (SSH_AUTH_SOCK), or, on Linux and
 * macOS when none answers, one the app starts for itself. That one gives keys a lifetime
 * (OWN_AGENT_LIFETIME), dies with the app however the app ends (HOLD_SCRIPT), and its folder is
 * removed at exit, or at the next start when the app was killed (cleanUpSshLeftovers).
 */
export async function ensureAgent(
  home: string,
  session: AppSession,
  env: NodeJS.ProcessEnv = process.env,
  lifetime: string = OWN_AGENT_LIFETIME,
  platform: NodeJS.Platform = process.platform,
): Promise<'system' | 'app'> {
  if (await agentReachable(home, session.sshAuthSock, env, platform))
    return session.ownAgent ? 'app' : 'system';
  if (platform === 'win32') {
    const state = await askWindowsAgentState(home, env);
    const words = windowsAgentMessage(state === 'running' ? 'unknown' : state);
    throw new AgentError('agent_unavailable', words?.message ?? '', words?.hint ?? '');
  }
  const dir = await mkdtemp(join(tmpdir(), AGENT_DIR_PREFIX));
  const socket = join(dir, 'agent.sock');
  await writeFile(join(dir, AGENT_OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
  const child = spawn('ssh-agent', ['-a', socket, '-t', lifetime, '--', 'sh', '-c', HOLD_SCRIPT], {
    env: childEnv(home, env),
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  child.stdin?.on('error', () => undefined);
  const agentPid = await agentStarted(child, socket, 5000);
  const stop = (): void => {
    // The agent removes its socket whenever it ends, but for a SIGKILL: no socket, no agent,
    // and its pid may belong to another process by now.
    if (agentPid !== undefined && existsSync(socket)) {
      try {
        process.kill(agentPid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
    child.stdin?.destroy();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  if (agentPid === undefined) {
    stop();
    throw new AgentError(
      'agent_unavailable',
      'No SSH agent is running, and the app could not start one.',
      'Install OpenSSH (it includes ssh-agent), then try again.',
    );
  }
  // Neither the holder nor its pipes keep the app running: the session's cleanup ends them.
  child.unref();
  for (const stream of [child.stdin, child.stdout]) (stream as Socket | null)?.unref();
  session.sshAuthSock = socket;
  session.ownAgent = { pid: agentPid, socket };
  // Synchronous, because it runs from process.on('exit'), where a promise never settles.
  session.cleanups.push(stop);
  return 'app';
}

/**
 * Loads a key into the agent. The passphrase travels only through the askpass pipe; a wrong one
 * changes nothing and says so in the words the user expects.
 */
export async function addKeyToAgent(
  home: string,
  session: AppSession,
  key: KeyInfo,
  passphrase: string | null,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<AgentResult> {
  const agent = await ensureAgent(home, session, env, OWN_AGENT_LIFETIME, platform);
  const base = childEnv(home, env, { SSH_AUTH_SOCK: session.sshAuthSock }, platform);
  // Windows: no variable at all, so ssh-add uses the service's pipe (windows-agent.ts).
  if (!session.sshAuthSock) delete base.SSH_AUTH_SOCK;
  const sshAdd = opensshProgram('ssh-add', platform, env);
  const listed = await run(sshAdd, ['-l'], { env: base, timeoutMs: 5000 });
  if (key.fingerprint && listed.stdout.includes(key.fingerprint)) {
    return { agent, keyName: key.name, fingerprint: key.fingerprint, alreadyLoaded: true };
  }
  const args = platform === 'darwin' ? ['--apple-use-keychain', key.privatePath] : [key.privatePath];
  const add = (extra: NodeJS.ProcessEnv) =>
    run(sshAdd, args, { env: { ...base, ...extra }, timeoutMs: 20_000, input: '' });
  // Without a passphrase there is no askpass at all: an unprotected key loads without a prompt,
  // and a protected one is refused before ssh-add could look for a terminal.
  if (passphrase === null && key.passphraseProtected === true) {
    throw new AgentError(
      'wrong_passphrase',
      "That passphrase doesn't unlock this key",
      'This key is protected: type its passphrase.',
    );
  }
  const added = await withAskpass(passphrase, add, { platform });
  if (added.exitCode !== 0) {
    // The askpass pipe answers once; the second prompt after a wrong answer finds it gone, and
    // that `cat` complaint is noise, not a detail worth showing.
    const text = `${added.stdout}\n${added.stderr}`
      .split('\n')
      .filter((line) => line.trim() && !/^cat: .*hfgd-askpass-/.test(line))
      .join('\n');
    // ssh-add itself says nothing when every passphrase it was given failed: an encrypted key
    // that did not load means the passphrase was wrong (or missing).
    if (key.passphraseProtected !== false && (text === '' || /passphrase/i.test(text))) {
      throw new AgentError(
        'wrong_passphrase',
        "That passphrase doesn't unlock this key",
        passphrase === null
          ? 'This key is protected: type its passphrase.'
          : 'Type it again, paying attention to capital letters; nothing else was changed.',
        text || undefined,
      );
    }
    throw new AgentError(
      'agent_failed',
      'The key could not be added to the SSH agent.',
      'See the details, then try again.',
      text,
    );
  }
  return { agent, keyName: key.name, fingerprint: key.fingerprint, alreadyLoaded: false };
}

/** One key the agent holds, as `ssh-add -l` lists it: never the key itself, nor its comment. */
export interface AgentKey {
  readonly bits: number | null;
  /** "SHA256:...", the form the Hub's keys page and ssh-keygen -lf show. */
  readonly fingerprint: string;
  /** As ssh-add names it: ED25519, ECDSA, RSA... */
  readonly type: string;
}

/** What the agent of this session holds, or why nobody could ask it. */
export type AgentKeys =
  | { readonly state: 'listed'; readonly socket: string | null; readonly keys: readonly AgentKey[] }
  /** No SSH_AUTH_SOCK (Linux, macOS): no agent to ask. */
  | { readonly state: 'no_socket' }
  | { readonly state: 'ssh_add_missing' }
  /** ssh-add's exit code 2: the socket (or the Windows service) does not answer. */
  | { readonly state: 'unreachable'; readonly socket: string | null; readonly detail: string }
  | { readonly state: 'failed'; readonly socket: string | null; readonly detail: string };

/** One `ssh-add -l` line: "256 SHA256:abc comment with spaces (ED25519)". */
const AGENT_LINE = /^(\d+) (SHA256:[A-Za-z0-9+/]+)(?: .*)? \(([A-Za-z0-9-]+)\)\s*$/;

/** The fingerprints `ssh-add -l` printed; comments (often an email or a path) are dropped here. */
export function parseAgentList(stdout: string): AgentKey[] {
  return stdout.split(/\r?\n/).flatMap((line) => {
    const match = AGENT_LINE.exec(line.trim());
    return match ? [{ bits: Number(match[1]), fingerprint: match[2]!, type: match[3]! }] : [];
  });
}

/**
 * Lists the keys in the session's agent without starting one or changing it (the doctor and the
 * support report must not, unlike ensureAgent): `ssh-add -l`, whose exit code OpenSSH documents
 * as 0 listed, 1 none or a failure, 2 no agent reached. On Windows the agent is a service that
 * ssh-add finds without a socket.
 */
export async function listAgentKeys(
  home: string,
  socket: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<AgentKeys> {
  const where = socket?.trim() || null;
  if (where === null && platform !== 'win32') return { state: 'no_socket' };
  const childEnvironment = childEnv(home, env, where === null ? {} : { SSH_AUTH_SOCK: where });
  if (where === null) delete childEnvironment.SSH_AUTH_SOCK;
  const listed = await run(opensshProgram('ssh-add', platform, env), ['-E', 'sha256', '-l'], {
    env: childEnvironment,
    timeoutMs: 5000,
  });
  const detail = (listed.stderr.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
  if (listed.notFound) return { state: 'ssh_add_missing' };
  if (listed.timedOut)
    return { state: 'failed', socket: where, detail: 'ssh-add did not answer in 5 seconds.' };
  if (listed.exitCode === 0) return { state: 'listed', socket: where, keys: parseAgentList(listed.stdout) };
  if (listed.exitCode === 1 && /no identities/i.test(`${listed.stdout}${listed.stderr}`))
    return { state: 'listed', socket: where, keys: [] };
  if (listed.exitCode === 2) return { state: 'unreachable', socket: where, detail };
  return { state: 'failed', socket: where, detail: detail || `exit code ${String(listed.exitCode)}` };
}

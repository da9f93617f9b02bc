import type { ConnectionVerdict, ConnectionVerdictKind, FailureKind } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import { childEnv, run } from '../../core/run';
import type { Settings } from '../../core/settings';
import { sshHomeArgs } from '../../core/ssh-home';
import { sshProgram } from '../../core/ssh-program';
import { explainFailure } from '../../git/failures';

export interface ConnectionTestOptions {
  readonly onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
  readonly signal?: AbortSignal;
  readonly connectTimeoutSeconds?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** The platform, injected by tests: it decides which ssh runs (sshProgram). */
  readonly platform?: NodeJS.Platform;
}

/** ssh's -v lines worth showing a person; the rest of the debug log stays in Details. */
const SHOWN_DEBUG =
  /Connecting to|Connection established|Offering public key|Server accepts key|Authenticated to|No more authentication methods/;

/** The arguments of the test: the real `ssh -T`, never prompting, never trusting an unknown host. */
export function connectionTestArgs(settings: Settings, connectTimeoutSeconds: number): string[] {
  return [
    '-v',
    '-T',
    ...sshHomeArgs(settings.home),
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `ConnectTimeout=${connectTimeoutSeconds}`,
    '-o',
    'ConnectionAttempts=1',
    '-p',
    String(settings.sshPort),
    `git@${settings.sshHost}`,
  ];
}

/** ssh's log escapes a path's non-ASCII bytes as backslash + three octal digits; undo that. */
export function unescapeOctal(text: string): string {
  return text.replace(/(?:\\[0-7]{3})+/g, (run) =>
    Buffer.from(
      run
        .split('\\')
        .slice(1)
        .map((octal) => parseInt(octal, 8)),
    ).toString('utf8'),
  );
}

/** Keys ssh offered, from its debug log: "Offering public key: PATH TYPE SHA256:... agent". */
export function offeredKeys(output: string): string[] {
  const keys = new Set<string>();
  for (const match of output.matchAll(
    /Offering public key: (.+?) (?:ssh-|ecdsa-|ED25519|ECDSA|RSA)\S* (SHA256:[A-Za-z0-9+/]+)/g,
  )) {
    keys.add(`${unescapeOctal(match[1]!)} (${match[2]})`);
  }
  return [...keys];
}

/** The connection screen's verdict kinds, for each answer of the failure table an ssh -T can give. */
const VERDICT_KINDS: Partial<Record<FailureKind, ConnectionVerdictKind>> = {
  ok: 'authenticated',
  ssh_anonymous: 'anonymous',
  ssh_key_not_on_account: 'permission_denied',
  ssh_no_key: 'permission_denied',
  ssh_host_key_unknown: 'host_key_unknown',
  ssh_host_key_changed: 'host_key_changed',
  ssh_timeout: 'timeout',
  ssh_refused: 'refused',
  ssh_dns: 'dns',
  ssh_missing: 'ssh_missing',
  cancelled: 'cancelled',
};

/**
 * Reads the verdict from what ssh and the Hub printed (the exit code is not documented, the text
 * is), through the failure table, so a git-over-SSH failure elsewhere reads the same.
 */
export function verdictFromOutput(
  output: string,
  settings: Settings,
  flags: { readonly notFound: boolean; readonly cancelled: boolean; readonly timedOut: boolean },
): Omit<ConnectionVerdict, 'output' | 'durationMs'> {
  const offered = offeredKeys(output);
  const outcome = explainFailure(output, {
    operation: 'ssh_test',
    transport: 'ssh',
    endpoint: settings.hubEndpoint,
    sshHost: settings.sshHost,
    sshPort: settings.sshPort,
    offeredKeys: offered,
    flags,
  });
  return {
    kind: VERDICT_KINDS[outcome.kind] ?? 'unknown',
    message: outcome.message,
    hint: outcome.fix,
    offeredKeys: offered,
    ...(outcome.user ? { user: outcome.user } : {}),
    outcome,
  };
}

/**
 * Runs the real `ssh -T git@HOST` with the user's own config, known_hosts and agent, streams the
 * lines a person should see as they arrive, and ends with a verdict read from the text.
 */
export async function testConnection(
  settings: Settings,
  session: AppSession,
  options: ConnectionTestOptions = {},
): Promise<ConnectionVerdict> {
  const timeout = options.connectTimeoutSeconds ?? 10;
  const pending = { stdout: '', stderr: '' };
  const emit = (stream: 'stdout' | 'stderr', text: string, flush: boolean): void => {
    pending[stream] += text;
    const lines = pending[stream].split(/\r?\n/);
    pending[stream] = flush ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      if (!line) continue;
      if (line.startsWith('debug') && !SHOWN_DEBUG.test(line)) continue;
      options.onLine?.(stream, unescapeOctal(line));
    }
  };
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  // The same program git's GIT_SSH_COMMAND names (main/git/environment.ts), so the test proves it.
  const outcome = await run(sshProgram(platform, env), connectionTestArgs(settings, timeout), {
    env: childEnv(settings.home, env, { SSH_AUTH_SOCK: session.sshAuthSock }, platform),
    timeoutMs: (timeout + 20) * 1000,
    ...(options.signal ? { signal: options.signal } : {}),
    onOutput: (stream, text) => emit(stream, text, false),
  });
  emit('stdout', '', true);
  emit('stderr', '', true);
  const output = unescapeOctal(`${outcome.stdout}${outcome.stderr}`);
  return {
    ...verdictFromOutput(output, settings, outcome),
    output,
    durationMs: Math.round(outcome.durationMs),
  };
}

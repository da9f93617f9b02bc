import type { ConnectionVerdict, ConnectionVerdictKind } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import { childEnv, run } from '../../core/run';
import type { Settings } from '../../core/settings';
import { sshHomeArgs } from '../../core/ssh-home';

export interface ConnectionTestOptions {
  readonly onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
  readonly signal?: AbortSignal;
  readonly connectTimeoutSeconds?: number;
  readonly env?: NodeJS.ProcessEnv;
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

/** Reads the verdict from what ssh and the Hub printed; the exit code is not documented, the text is. */
export function verdictFromOutput(
  output: string,
  settings: Settings,
  flags: { readonly notFound: boolean; readonly cancelled: boolean; readonly timedOut: boolean },
): Omit<ConnectionVerdict, 'output' | 'durationMs'> {
  const offered = offeredKeys(output);
  const keysPage = `${settings.hubEndpoint}/settings/keys`;
  const verdict = (kind: ConnectionVerdictKind, message: string, hint: string, user?: string) => ({
    kind,
    message,
    hint,
    offeredKeys: offered,
    ...(user ? { user } : {}),
  });
  if (flags.cancelled)
    return verdict('cancelled', 'You stopped the test.', 'Run it again when you are ready.');
  if (flags.notFound) {
    return verdict(
      'ssh_missing',
      'ssh is not installed on this computer.',
      'Install OpenSSH (see "Check this computer"), then test again.',
    );
  }
  const hi = /Hi ([^\s,]+), welcome to Hugging Face\./.exec(output);
  if (hi && hi[1] !== 'anonymous') {
    return verdict(
      'authenticated',
      `It works: the Hub knows you as ${hi[1]}.`,
      'You can now clone and push over SSH.',
      hi[1],
    );
  }
  if (hi) {
    const which = offered.length > 0 ? `ssh offered ${offered.join(', ')}` : 'ssh offered no key';
    return verdict(
      'anonymous',
      `The Hub answered, but as "anonymous": ${which}, and that key is not on your Hub account.`,
      `If this key is the one you chose, add its public half at ${keysPage} (the Copy step). If it is not, go back to the agent step: ssh did not offer your chosen key.`,
    );
  }
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(output)) {
    return verdict(
      'host_key_changed',
      `The Hub's host key does not match the one recorded on this computer. Someone may be intercepting the connection.`,
      'Do not continue on this network. Compare with the fingerprints the Hub publishes, then replace the recorded key in the Copy step.',
    );
  }
  if (/Host key verification failed|No \S+ host key is known|host key is not known/.test(output)) {
    return verdict(
      'host_key_unknown',
      "This computer doesn't know the Hub's host key yet, so ssh refused to connect.",
      "Go back to the Copy step: the app records the Hub's published keys.",
    );
  }
  if (/Permission denied \(publickey/.test(output)) {
    return verdict(
      'permission_denied',
      offered.length > 0
        ? `The Hub refused every key ssh offered (${offered.join(', ')}).`
        : 'ssh had no key to offer the Hub.',
      'Check the key is loaded in the agent (Add to the agent step) and named in the Host block.',
    );
  }
  if (flags.timedOut || /timed out/i.test(output)) {
    return verdict(
      'timeout',
      `No answer from ${settings.sshHost} on port ${settings.sshPort}: the network may block SSH.`,
      'Try another network, or use HTTPS with an access token instead (it works where SSH is blocked).',
    );
  }
  if (/Connection refused/.test(output)) {
    return verdict(
      'refused',
      `${settings.sshHost} refused the connection on port ${settings.sshPort}.`,
      'A firewall or proxy may be in the way; try HTTPS with an access token.',
    );
  }
  if (/Could not resolve hostname|Name or service not known|nodename nor servname/.test(output)) {
    return verdict(
      'dns',
      `This computer could not find ${settings.sshHost} (no DNS answer).`,
      'Check your internet connection, then test again.',
    );
  }
  return verdict(
    'unknown',
    'The test ended without an answer the app recognises.',
    'Open Details to see what ssh printed.',
  );
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
  const outcome = await run('ssh', connectionTestArgs(settings, timeout), {
    env: childEnv(settings.home, options.env ?? process.env, { SSH_AUTH_SOCK: session.sshAuthSock }),
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

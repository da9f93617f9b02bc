import type { CheckStatus } from '../../../preload/contract';
import { redactSecrets } from '../../core/redact';
import { assertNever } from '../../ipc/result';
import type { TextStyle } from '../machine-check';
import type { SshKeyReport, SshSetupReport } from '../ssh';

// The SSH section of `npm run doctor` and of the support report, as text: one marked line per
// fact (✓ fine, ! worth a look, ✗ blocking) in the machine check's layout, each with its fix,
// in the words the wizard's screens use. Fingerprints and file names only, never key material.

/** How the section is drawn: colours for a terminal, and whether key comments are shown. */
export interface SshSectionStyle extends TextStyle {
  /**
   * Key comments are usually an email address or user@machine: the doctor shows them as the keys
   * screen does, the support report leaves them out (its redaction knows emails, not machine names).
   */
  readonly comments: boolean;
}

const INDENT = '    ';
const KEY_TYPES: Readonly<Record<string, string>> = {
  'ssh-ed25519': 'ED25519',
  'ssh-rsa': 'RSA',
  'ssh-dss': 'DSA',
};

/** "ED25519" for ssh-ed25519, "ECDSA" for any ecdsa-sha2-*, as the Hub's page names host keys. */
function hostKeyType(type: string): string {
  return KEY_TYPES[type] ?? (type.startsWith('ecdsa-') ? 'ECDSA' : type);
}

function andList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The machine check's marks and colours (machine-check/format.ts), so every section reads alike. */
function line(status: CheckStatus, text: string, style: TextStyle): string {
  const marks: Readonly<Record<CheckStatus, readonly [colour: number, mark: string]>> = {
    ok: [32, '✓'],
    warn: [33, '!'],
    error: [31, '✗'],
  };
  const [colour, mark] = marks[status];
  return `${style.color ? `\u001b[${colour}m${mark}\u001b[0m` : mark} ${text}`;
}

/** The keys screen's summary of a key: kind, protection and (in the doctor) its comment. */
function keySummary(key: SshKeyReport, style: SshSectionStyle): string {
  const kind = key.type === 'unknown' ? 'Unknown type' : key.type.toUpperCase();
  const protection =
    key.passphraseProtected === true
      ? 'Protected by a passphrase'
      : key.passphraseProtected === false
        ? 'No passphrase'
        : 'Cannot tell whether a passphrase protects it';
  const comment = style.comments ? redactSecrets(key.comment) : '';
  return [key.bits ? `${kind}, ${key.bits} bits` : kind, protection, comment].filter(Boolean).join(' · ');
}

function keyLines(report: SshSetupReport, style: SshSectionStyle): string[] {
  const { keys } = report;
  if (keys.error !== undefined) {
    return [
      line('warn', `SSH keys: ${keys.error}`, style),
      `${INDENT}Fix: Rename or remove what is in the way so ${keys.sshDir} can be a folder, or fix its permissions.`,
    ];
  }
  if (!keys.sshDirExists) {
    return [
      line('warn', `SSH keys: there is no ${keys.sshDir} folder yet, so no SSH key either.`, style),
      `${INDENT}Fix: Create a key in the app's "Create a key" step, or use HTTPS with an access token.`,
    ];
  }
  if (keys.list.length === 0) {
    return [
      line('warn', `SSH keys: none in ${keys.sshDir}.`, style),
      `${INDENT}Fix: Create a key in the app's "Create a key" step, or use HTTPS with an access token.`,
    ];
  }
  return [
    `Keys in ${keys.sshDir} (what the "Your keys" step lists):`,
    ...keys.list.flatMap((key) => {
      const agent = key.inAgent === null ? '' : key.inAgent ? '; loaded in the agent' : '; not in the agent';
      const status: CheckStatus = key.problems.length === 0 ? 'ok' : 'warn';
      return [
        line(status, `${key.name}: ${keySummary(key, style)}`, style),
        key.fingerprint
          ? `${INDENT}Fingerprint ${key.fingerprint} (as the Hub lists it)${agent}.`
          : `${INDENT}No fingerprint: the public half could not be read${agent}.`,
        ...(key.usable ? [] : [`${INDENT}The keys step does not let you choose it as it is.`]),
        ...key.problems.flatMap((problem) => [
          `${INDENT}${problem.message}`,
          ...(problem.fix ? [`${INDENT}Fix: ${problem.fix}`] : []),
        ]),
      ];
    }),
  ];
}

function knownHostsLines(report: SshSetupReport, style: TextStyle): string[] {
  const status = report.knownHosts;
  const where = `${INDENT}${status.knownHostsPath}`;
  if (status.error !== undefined) {
    return [line('warn', `known_hosts: ${status.error}`, style), where];
  }
  const lines: string[] = [];
  const present = status.pinned.filter((key) => key.present);
  const missing = status.pinned.filter((key) => !key.present);
  if (missing.length === 0) {
    lines.push(
      line(
        'ok',
        `known_hosts has the Hub's ${andList(present.map((k) => hostKeyType(k.type)))} keys for ${status.host}.`,
        style,
      ),
      where,
    );
  } else {
    const list = missing.map((key) => `${hostKeyType(key.type)} ${key.fingerprint}`);
    lines.push(
      line(
        'warn',
        present.length === 0
          ? `known_hosts has none of the Hub's keys for ${status.host}, so ssh refuses to connect ("Host key verification failed").`
          : `known_hosts lacks the Hub's ${andList(list)} for ${status.host}.`,
        style,
      ),
      where,
      ...(present.length === 0 ? [`${INDENT}Missing: ${andList(list)}.`] : []),
      `${INDENT}Fix: The app's "Copy to the Hub" step records the Hub's published keys.`,
    );
  }
  for (const mismatch of status.mismatches) {
    lines.push(
      line(
        'error',
        `known_hosts line ${mismatch.line} holds a key for ${status.host} that is not one of the Hub's (${hostKeyType(mismatch.type)} ${mismatch.fingerprint}): someone may be intercepting the connection, or the line is stale.`,
        style,
      ),
      `${INDENT}Fix: Compare it with the fingerprints the Hub publishes, then replace it in the app's "Copy to the Hub" step (it keeps a backup).`,
    );
  }
  return lines;
}

function configLines(report: SshSetupReport, host: string, style: TextStyle): string[] {
  const { config } = report;
  const where = `${INDENT}${config.configPath}`;
  const writeOne = `${INDENT}Fix: The app's "Copy to the Hub" step writes a Host ${host} block naming your key.`;
  if (config.state === 'unreadable') {
    return [line('warn', 'ssh config: the app cannot read it.', style), where];
  }
  if (!config.block) {
    return [
      line(
        'warn',
        `ssh config has no Host ${host} block${config.state === 'missing' ? ' (there is no config file)' : ''}: ssh offers its default keys (id_rsa, id_ecdsa, id_ed25519...) and any in the agent.`,
        style,
      ),
      where,
      writeOne,
    ];
  }
  const at = `ssh config has a Host ${host} block (line ${config.block.line})`;
  const lines: string[] = [];
  if (config.identities.length === 0) {
    lines.push(
      line('warn', `${at} without an IdentityFile: ssh offers its default keys.`, style),
      where,
      writeOne,
    );
  } else {
    const names = config.identities.map(
      (identity) => `${identity.path}${identity.key ? ` (the key ${identity.key})` : ''}`,
    );
    const gone = config.identities.filter((identity) => !identity.exists);
    lines.push(
      line(gone.length === 0 ? 'ok' : 'warn', `${at}: IdentityFile ${names.join(', ')}.`, style),
      where,
      ...gone.map((identity) => `${INDENT}${identity.path} does not exist, so ssh cannot offer it.`),
      ...(gone.length > 0 ? [writeOne] : []),
    );
  }
  if (config.hostNameElsewhere !== undefined) {
    lines.push(
      line(
        'warn',
        `The block's HostName ${config.hostNameElsewhere} sends the Hub's connection to another server.`,
        style,
      ),
      writeOne,
    );
  }
  return lines;
}

function agentLines(report: SshSetupReport, style: TextStyle): string[] {
  const { agent } = report;
  switch (agent.state) {
    case 'listed': {
      const at = agent.socket ? ` at ${agent.socket}` : '';
      if (agent.keys.length === 0) {
        return [
          line('warn', `SSH agent${at}: running, with no keys loaded.`, style),
          `${INDENT}Fix: The app's "Add to the agent" step loads your key.`,
        ];
      }
      return [
        line(
          'ok',
          `SSH agent${at}: ${agent.keys.length} ${agent.keys.length === 1 ? 'key' : 'keys'} loaded.`,
          style,
        ),
        ...agent.keys.map(
          (key) =>
            `${INDENT}${key.fingerprint} ${key.type}${key.bits ? ` ${key.bits} bits` : ''}${key.key ? ` (${key.key} above)` : ' (not a key of ~/.ssh)'}`,
        ),
      ];
    }
    case 'no_socket':
      return [
        line('warn', 'No SSH agent reachable: SSH_AUTH_SOCK is not set in this session.', style),
        `${INDENT}The app starts an agent of its own when it needs one; ssh in a terminal then asks for the passphrase each time.`,
      ];
    case 'unreachable':
      return [
        line(
          'warn',
          `No SSH agent reachable: ${agent.socket ? `SSH_AUTH_SOCK=${agent.socket} does not answer` : 'the OpenSSH Authentication Agent service does not answer'}.`,
          style,
        ),
        ...(agent.detail ? [`${INDENT}${agent.detail}`] : []),
      ];
    case 'ssh_add_missing':
      return [line('warn', 'The SSH agent cannot be asked: ssh-add is not installed.', style)];
    case 'failed':
      return [line('warn', `The SSH agent did not list its keys: ${agent.detail}`, style)];
    default:
      return assertNever(agent);
  }
}

/** Whether the section holds something that blocks SSH: a recorded host key that is not the Hub's. */
export function sshSetupBlocking(report: SshSetupReport): boolean {
  return report.knownHosts.mismatches.length > 0;
}

/** The section as lines: keys, known_hosts, the Host block, the agent. */
export function formatSshSetup(report: SshSetupReport, host: string, style: SshSectionStyle): string[] {
  return [
    ...keyLines(report, style),
    ...knownHostsLines(report, style),
    ...configLines(report, host, style),
    ...agentLines(report, style),
  ];
}

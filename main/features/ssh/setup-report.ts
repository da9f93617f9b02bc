import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { HostKeyStatus, KeyInfo, KeyProblemCode, KeyType } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { listAgentKeys, type AgentKey, type AgentKeys } from './agent';
import { checkHostKeys, hostPattern } from './known-hosts';
import { listKeys } from './list-keys';
import { readHubHostBlock, type HubHostBlock } from './ssh-config';

// What the SSH wizard would see on this computer, gathered without changing a byte: the keys
// in ~/.ssh, the Hub's host keys in known_hosts, the Hub's Host block in ~/.ssh/config and the
// keys in the agent. `npm run doctor` and the support report print it, so a person helping
// someone reads the same facts the wizard's screens show. Never key material or a passphrase:
// fingerprints, types and file names only.

/** A problem of one key in the keys screen's words; `blocking` when ssh cannot use the key as it is. */
export interface SshKeyProblem {
  readonly code: KeyProblemCode | 'no_public_half';
  readonly message: string;
  readonly fix?: string;
  readonly blocking: boolean;
}

/** One key pair of ~/.ssh as the keys screen lists it, and whether the agent holds it. */
export interface SshKeyReport {
  readonly name: string;
  readonly file: string;
  readonly type: KeyType;
  readonly bits: number | null;
  /** As the Hub's keys page lists it ("SHA256:..."); null when the public half could not be read. */
  readonly fingerprint: string | null;
  readonly passphraseProtected: boolean | null;
  readonly comment: string;
  /** Whether the keys screen lets it be chosen (no blocking problem). */
  readonly usable: boolean;
  /** null when the agent could not be asked. */
  readonly inAgent: boolean | null;
  readonly problems: readonly SshKeyProblem[];
}

/** An IdentityFile of the Hub's block, resolved against the home folder. */
export interface IdentityFileReport {
  /** As written in the config. */
  readonly value: string;
  /** The path ssh opens (`~` and `%d` are the home folder). */
  readonly path: string;
  readonly exists: boolean;
  /** The key of ~/.ssh it names, when it is one of them. */
  readonly key: string | null;
}

/** A key the agent holds, with the ~/.ssh key it is when the fingerprints match. */
export interface AgentKeyReport extends AgentKey {
  readonly key: string | null;
}

/** The agent's state, its keys named where ~/.ssh has them. */
export type AgentReport =
  | Exclude<AgentKeys, { readonly state: 'listed' }>
  | {
      readonly state: 'listed';
      readonly socket: string | null;
      readonly keys: readonly AgentKeyReport[];
    };

/** Everything the SSH section of the doctor and the support report says. */
export interface SshSetupReport {
  readonly keys: {
    readonly sshDir: string;
    readonly sshDirExists: boolean;
    readonly list: readonly SshKeyReport[];
    /** Set when ~/.ssh could not be read at all (a file where the folder should be, no permission). */
    readonly error?: string;
  };
  readonly knownHosts: HostKeyStatus & { readonly error?: string };
  readonly config: HubHostBlock & {
    readonly identities: readonly IdentityFileReport[];
    /** A HostName in the block naming another server than the Hub's host. */
    readonly hostNameElsewhere?: string;
  };
  readonly agent: AgentReport;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The keys screen's problems (renderer/wizard/keys/key-card.tsx keyProblemLines): only a missing
 * .pub is harmless, and a key whose public half cannot be read cannot be chosen either.
 */
export function keyProblems(key: KeyInfo): SshKeyProblem[] {
  const problems: SshKeyProblem[] = key.problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    ...(problem.fix ? { fix: problem.fix } : {}),
    blocking: problem.code !== 'missing_public',
  }));
  if (key.publicKey === null && problems.every((problem) => !problem.blocking)) {
    problems.push({
      code: 'no_public_half',
      message: 'The public half of this key could not be read.',
      blocking: true,
    });
  }
  return [...problems.filter((p) => p.blocking), ...problems.filter((p) => !p.blocking)];
}

/**
 * The path ssh opens for an IdentityFile value: `~` and `%d` are the home folder as ssh knows it
 * (ssh_config(5) TOKENS; OpenSSH takes it from the password database, see core/ssh-home.ts); a
 * relative path is relative to the folder ssh runs in, which varies, so this process's is used.
 */
export function identityPath(value: string, tildeHome: string): string {
  const expanded = value.replace(/^(?:~|%d)(?=[/\\]|$)/, tildeHome);
  return isAbsolute(expanded) ? expanded : resolve(expanded);
}

/** The folder ssh expands `~` to: the user's home in the password database, whatever HFGD_HOME says. */
function sshTildeHome(fallback: string): string {
  try {
    return userInfo().homedir || fallback;
  } catch {
    return fallback;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function gatherKeys(
  home: string,
  platform: NodeJS.Platform,
): Promise<{ readonly keys: SshSetupReport['keys']; readonly infos: readonly KeyInfo[] }> {
  const sshDir = join(home, '.ssh');
  try {
    const list = await listKeys(home, platform);
    return {
      keys: { sshDir: list.sshDir, sshDirExists: list.sshDirExists, list: [] },
      infos: list.keys,
    };
  } catch (error) {
    return { keys: { sshDir, sshDirExists: true, list: [], error: errorText(error) }, infos: [] };
  }
}

async function gatherHostKeys(settings: Settings): Promise<SshSetupReport['knownHosts']> {
  try {
    return await checkHostKeys(settings);
  } catch (error) {
    return {
      knownHostsPath: join(settings.home, '.ssh', 'known_hosts'),
      host: hostPattern(settings.sshHost, settings.sshPort),
      pinned: [],
      mismatches: [],
      error: `The app cannot read it (${(error as NodeJS.ErrnoException).code ?? errorText(error)}).`,
    };
  }
}

/**
 * Gathers the SSH section, read-only: listKeys and checkHostKeys as the wizard calls them, the
 * Hub's Host block, and `ssh-add -l` on the session's agent (none is started).
 */
export async function inspectSshSetup(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<SshSetupReport> {
  const [{ keys, infos }, knownHosts, block, agent] = await Promise.all([
    gatherKeys(settings.home, platform),
    gatherHostKeys(settings),
    readHubHostBlock(settings),
    listAgentKeys(settings.home, session.sshAuthSock, env, platform),
  ]);
  const loaded = agent.state === 'listed' ? new Set(agent.keys.map((key) => key.fingerprint)) : undefined;
  const byFingerprint = new Map(
    infos.flatMap((info) => (info.fingerprint ? [[info.fingerprint, info.name]] : [])),
  );
  const list = infos.map((info): SshKeyReport => {
    const problems = keyProblems(info);
    return {
      name: info.name,
      file: info.privatePath,
      type: info.type,
      bits: info.bits,
      fingerprint: info.fingerprint,
      passphraseProtected: info.passphraseProtected,
      comment: info.comment,
      usable: problems.every((problem) => !problem.blocking),
      inAgent: loaded === undefined ? null : info.fingerprint !== null && loaded.has(info.fingerprint),
      problems,
    };
  });
  const tildeHome = sshTildeHome(settings.home);
  const identities = await Promise.all(
    (block.block?.identityFiles ?? []).map(async (value): Promise<IdentityFileReport> => {
      const path = identityPath(value, tildeHome);
      return {
        value,
        path,
        exists: await isFile(path),
        key: infos.find((info) => info.privatePath === path)?.name ?? null,
      };
    }),
  );
  const hostName = block.block?.directives.find((d) => d.param.toLowerCase() === 'hostname')?.value;
  const elsewhere =
    hostName !== undefined && hostName.toLowerCase() !== settings.sshHost.toLowerCase()
      ? hostName
      : undefined;
  return {
    keys: { ...keys, list },
    knownHosts,
    config: { ...block, identities, ...(elsewhere ? { hostNameElsewhere: elsewhere } : {}) },
    agent:
      agent.state === 'listed'
        ? {
            ...agent,
            keys: agent.keys.map((key) => ({ ...key, key: byFingerprint.get(key.fingerprint) ?? null })),
          }
        : agent,
  };
}

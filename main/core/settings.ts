import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { HUB_HOST_KEYS } from './hub-host-keys';

/**
 * Everything the app points at, resolved once at launch from the environment and never from the
 * renderer: the renderer is untrusted, so it must not be able to redirect a token or a key.
 */
export interface Settings {
  /** The Hub's web and API root, without a trailing slash (HF_ENDPOINT, as the Hub's own libraries read it). */
  readonly hubEndpoint: string;
  readonly sshHost: string;
  readonly sshPort: number;
  /** Host key lines without the host field ("ssh-ed25519 AAAA..."), pinned for sshHost. */
  readonly hostKeys: readonly string[];
  /** The user's home folder; ~/.ssh and the global git config live under it. */
  readonly home: string;
  /** Where the app keeps its own small files (wizard progress): HFGD_DATA_DIR, or the OS's usual place under home. */
  readonly dataDir: string;
  /**
   * Over how many bytes an LFS file needs the Hub's multipart transfer: 5 GB as the Hub counts it
   * (5 * 1000^3, HUB-FACTS), or HFGD_LARGE_FILE_BYTES, which tests set low so a few MiB stand in.
   */
  readonly largeFileBytes: number;
}

/** A setting that could not be used, named so the person starting the app can fix it. */
export class SettingsError extends Error {}

const DEFAULT_ENDPOINT = 'https://huggingface.co';
const DEFAULT_SSH_HOST = 'hf.co';
const DEFAULT_SSH_PORT = 22;
const HOST_KEY_LINE = /^(ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|ssh-rsa) [A-Za-z0-9+/]+={0,3}$/;

function parseEndpoint(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULT_ENDPOINT;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(`HF_ENDPOINT is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SettingsError(`HF_ENDPOINT must start with https:// (got ${url.protocol})`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SettingsError('HF_ENDPOINT must be a plain address, without a user, query or fragment');
  }
  return url.toString().replace(/\/+$/, '');
}

function parseSshHost(raw: string | undefined, rawPort: string | undefined): { host: string; port: number } {
  let host = (raw ?? '').trim() || DEFAULT_SSH_HOST;
  let portText = (rawPort ?? '').trim();
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(host);
  if (withPort) {
    host = withPort[1]!.replace(/^\[|\]$/g, '');
    portText = portText || withPort[2]!;
  }
  if (!/^[A-Za-z0-9.:-]+$/.test(host) || host.startsWith('-')) {
    throw new SettingsError(`HFGD_SSH_HOST is not a host name: ${host}`);
  }
  const port = portText ? Number(portText) : DEFAULT_SSH_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SettingsError(`HFGD_SSH_PORT is not a port number: ${portText}`);
  }
  return { host, port };
}

/** Reads pinned host keys from a known_hosts-style file; the host field, if present, is dropped. */
function parseHostKeys(file: string | undefined): readonly string[] {
  if (!file) return HUB_HOST_KEYS;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SettingsError(`HFGD_HOST_KEYS names a file that cannot be read: ${file}`);
  }
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const fields = line.split(/\s+/);
      return HOST_KEY_LINE.test(fields.slice(0, 2).join(' '))
        ? fields.slice(0, 2).join(' ')
        : fields.slice(1, 3).join(' ');
    });
  const bad = keys.find((key) => !HOST_KEY_LINE.test(key));
  if (keys.length === 0 || bad !== undefined) {
    throw new SettingsError(`HFGD_HOST_KEYS must hold ed25519, ECDSA or RSA host key lines (${file})`);
  }
  return keys;
}

/** The OS's usual folder for an app's settings, under the given home. */
function defaultDataDir(home: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'HF Git Desktop');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'HF Git Desktop');
  const xdg =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(xdg, 'hf-git-desktop');
}

/** Resolves the settings from an environment; throws SettingsError naming the variable at fault. */
/** Why: the Hub's 5 GB (5 * 1000^3 bytes, as the Hub counts it: HUB-FACTS "Repositories and large files"). */
const HUB_LARGE_FILE_BYTES = 5 * 1000 ** 3;

function parseLargeFileBytes(raw: string | undefined): number {
  const text = (raw ?? '').trim();
  if (text === '') return HUB_LARGE_FILE_BYTES;
  const bytes = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(bytes) || bytes < 1)
    throw new SettingsError(`HFGD_LARGE_FILE_BYTES must be a whole number of bytes: ${text}`);
  return bytes;
}

export function resolveSettings(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Settings {
  const { host, port } = parseSshHost(env.HFGD_SSH_HOST, env.HFGD_SSH_PORT);
  const home = (env.HFGD_HOME ?? '').trim() || homedir();
  if (!isAbsolute(home)) throw new SettingsError(`HFGD_HOME must be an absolute path: ${home}`);
  const dataDir = (env.HFGD_DATA_DIR ?? '').trim() || defaultDataDir(home, env, platform);
  if (!isAbsolute(dataDir)) throw new SettingsError(`HFGD_DATA_DIR must be an absolute path: ${dataDir}`);
  return {
    hubEndpoint: parseEndpoint(env.HF_ENDPOINT),
    sshHost: host,
    sshPort: port,
    hostKeys: parseHostKeys(env.HFGD_HOST_KEYS),
    home,
    dataDir,
    largeFileBytes: parseLargeFileBytes(env.HFGD_LARGE_FILE_BYTES),
  };
}

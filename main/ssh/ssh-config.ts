import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import SSHConfig, { type Directive, type Section } from 'ssh-config';
import type { SshConfigResult } from '../../preload/contract';
import { atomicWrite, backupFile } from '../fs/atomic-write';
import type { Settings } from '../settings';
import { ensureSshDir } from './ssh-dir';
import { isRealHome } from './ssh-home';

/** The directives the Hub's Host block needs, in the order they are written. */
export function hubDirectives(
  settings: Settings,
  keyName: string,
  platform: NodeJS.Platform,
): ReadonlyArray<readonly [string, string]> {
  const keyPath = isRealHome(settings.home) ? `~/.ssh/${keyName}` : join(settings.home, '.ssh', keyName);
  const directives: Array<readonly [string, string]> = [];
  if (settings.sshPort !== 22) directives.push(['Port', String(settings.sshPort)]);
  directives.push(
    ['User', 'git'],
    ['IdentityFile', keyPath],
    ['IdentitiesOnly', 'yes'],
    ['AddKeysToAgent', 'yes'],
  );
  // UseKeychain exists only in Apple's OpenSSH; IgnoreUnknown keeps other builds from refusing it.
  if (platform === 'darwin') directives.push(['IgnoreUnknown', 'UseKeychain'], ['UseKeychain', 'yes']);
  return directives;
}

function isHostSection(line: SSHConfig[number], host: string): line is Section {
  return 'param' in line && line.param.toLowerCase() === 'host' && 'config' in line && line.value === host;
}

/**
 * Adds or updates the `Host <hub>` block in ~/.ssh/config through the ssh-config parser, so other
 * hosts, comments and includes survive. A new block goes before the first Host section (ssh uses
 * the first value it meets); the library quotes values with spaces. Backup first; CRLF kept; file 0600; a second run changes nothing.
 */
export async function configureSsh(
  settings: Settings,
  keyName: string,
  platform: NodeJS.Platform = process.platform,
): Promise<SshConfigResult> {
  const configPath = join(await ensureSshDir(settings.home), 'config');
  let original: string | undefined;
  try {
    original = await readFile(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const crlf = original?.includes('\r\n') ?? false;
  const config = SSHConfig.parse((original ?? '').replace(/\r\n/g, '\n'));
  const wanted = hubDirectives(settings, keyName, platform);
  const section = config.find((line) => isHostSection(line, settings.sshHost)) as Section | undefined;
  if (section) {
    for (const [param, value] of wanted) {
      const existing = section.config.find(
        (line) => 'param' in line && line.param.toLowerCase() === param.toLowerCase(),
      ) as Directive | undefined;
      if (existing) existing.value = value;
      else section.config.append({ [param]: value });
    }
  } else {
    config.prepend(
      { Host: settings.sshHost, ...Object.fromEntries(wanted.map(([param, value]) => [param, value])) },
      true,
    );
  }
  let text = SSHConfig.stringify(config);
  if (!text.endsWith('\n')) text += '\n';
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  const block = SSHConfig.stringify(
    SSHConfig.parse(text.replace(/\r\n/g, '\n')).filter((line) =>
      isHostSection(line, settings.sshHost),
    ) as SSHConfig,
  ).trim();
  if (text === original) return { configPath, changed: false, block };
  const backupPath = original !== undefined ? await backupFile(configPath) : undefined;
  await atomicWrite(configPath, text, 0o600);
  return { configPath, changed: true, block, ...(backupPath ? { backupPath } : {}) };
}

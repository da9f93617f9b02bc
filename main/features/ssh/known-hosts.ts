import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostKeyStatus } from '../../../preload/contract';
import { existingMode, replaceWithBackup } from '../../core/atomic-write';
import type { Settings } from '../../core/settings';
import { parsePublicKeyLine } from './key-files';
import { ensureSshDir } from './ssh-dir';

/** known_hosts holds a key for the Hub's host that none of the pinned keys match. */
export class HostKeyMismatchError extends Error {}

/** How known_hosts names the host: "hf.co" on port 22, "[host]:port" otherwise. */
export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Whether one host field (plain, comma list, or hashed "|1|salt|hash") names the pattern. */
export function hostFieldMatches(field: string, pattern: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(pattern).digest('base64') === hash;
  }
  return field.split(',').some((name) => name === pattern);
}

interface Entry {
  readonly index: number;
  readonly key: string;
  readonly type: string;
  readonly fingerprint: string;
}

function entriesFor(lines: readonly string[], pattern: string): Entry[] {
  const found: Entry[] = [];
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    if (!line || line.startsWith('#')) return;
    let fields = line.split(/\s+/);
    if (fields[0]?.startsWith('@')) fields = fields.slice(1); // @cert-authority / @revoked
    const [hosts, ...rest] = fields;
    if (!hosts || !hostFieldMatches(hosts, pattern)) return;
    const parsed = parsePublicKeyLine(rest.join(' '));
    if (parsed) found.push({ index, key: parsed.key, type: rest[0] ?? '', fingerprint: parsed.fingerprint });
  });
  return found;
}

/**
 * known_hosts as one character per byte (latin1): host fields and keys are ASCII, and any other
 * byte (a comment in latin-1, a stray byte) must be written back exactly, which decoding as UTF-8
 * would not do (0xE9 would come back as U+FFFD, three other bytes).
 */
async function readKnownHosts(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function status(settings: Settings, path: string, text: string, backupPath?: string): HostKeyStatus {
  const pattern = hostPattern(settings.sshHost, settings.sshPort);
  const entries = entriesFor(text.split('\n'), pattern);
  const pinned = settings.hostKeys.map((key) => {
    const parsed = parsePublicKeyLine(key);
    return {
      type: key.split(' ')[0] ?? '',
      fingerprint: parsed?.fingerprint ?? '',
      present: entries.some((e) => e.key === key),
    };
  });
  const mismatches = entries
    .filter((entry) => !settings.hostKeys.includes(entry.key))
    .map((entry) => ({ line: entry.index + 1, type: entry.type, fingerprint: entry.fingerprint }));
  return { knownHostsPath: path, host: pattern, pinned, mismatches, ...(backupPath ? { backupPath } : {}) };
}

/** What ~/.ssh/known_hosts says about the Hub's host, hashed entries included. */
export async function checkHostKeys(settings: Settings): Promise<HostKeyStatus> {
  const path = join(settings.home, '.ssh', 'known_hosts');
  return status(settings, path, (await readKnownHosts(path)) ?? '');
}

/**
 * Adds the pinned keys that are missing. A recorded key that matches none of them is left alone
 * unless the user agreed to replace it; every other byte of the file is kept (CRLF and non-UTF-8
 * bytes included), a backup is taken first (at most one a day), a symlink stays a symlink, and
 * running it twice changes nothing the second time.
 */
export async function pinHostKeys(settings: Settings, replaceMismatched: boolean): Promise<HostKeyStatus> {
  const path = join(await ensureSshDir(settings.home), 'known_hosts');
  const original = await readKnownHosts(path);
  const before = status(settings, path, original ?? '');
  if (before.mismatches.length > 0 && !replaceMismatched) {
    throw new HostKeyMismatchError('A recorded key for the Hub does not match its published key.');
  }
  const newline = original?.includes('\r\n') ? '\r\n' : '\n';
  let lines = (original ?? '').split('\n');
  if (replaceMismatched && before.mismatches.length > 0) {
    const drop = new Set(before.mismatches.map((m) => m.line - 1));
    lines = lines.filter((_line, index) => !drop.has(index));
  }
  let text = lines.join('\n');
  const toAdd = settings.hostKeys.filter(
    (key) => !entriesFor(text.split('\n'), before.host).some((e) => e.key === key),
  );
  if (toAdd.length === 0 && text === (original ?? '')) return before;
  if (text.length > 0 && !text.endsWith('\n')) text += newline;
  text += toAdd.map((key) => `${before.host} ${key}${newline}`).join('');
  // A symlinked known_hosts (a dotfile manager's) is edited at its target, keeping the target's mode.
  const mode = (await existingMode(path)) ?? 0o644;
  const backupPath = await replaceWithBackup(path, Buffer.from(text, 'latin1'), mode);
  return status(settings, path, text, backupPath);
}

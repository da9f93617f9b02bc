import { readFile } from 'node:fs/promises';
import type { OsFamily } from '../../../preload/contract';

/** Distributions whose package manager is apt, named by ID or ID_LIKE in os-release. */
const APT_IDS = new Set(['debian', 'ubuntu']);
/** Distributions whose package manager is dnf (RHEL 8 and later, and its rebuilds). */
const DNF_IDS = new Set(['fedora', 'rhel', 'centos']);

/** Reads one field of os-release(5): `KEY=value`, the value optionally quoted. */
function osReleaseField(text: string, key: string): string {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] !== key) continue;
    return (match[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
  }
  return '';
}

/**
 * The OS family the fix texts are written for. On Linux the distribution decides which package
 * manager a fix names, so it reads ID and ID_LIKE from os-release (Ubuntu says `ID_LIKE=debian`,
 * Rocky says `ID_LIKE="rhel centos fedora"`); anything else gets the generic Linux texts.
 */
export function detectOs(platform: NodeJS.Platform, osReleaseText?: string): OsFamily {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform !== 'linux' || osReleaseText === undefined) return 'linux';
  const ids = [osReleaseField(osReleaseText, 'ID'), ...osReleaseField(osReleaseText, 'ID_LIKE').split(/\s+/)]
    .map((id) => id.toLowerCase())
    .filter((id) => id !== '');
  if (ids.some((id) => APT_IDS.has(id))) return 'debian';
  if (ids.some((id) => DNF_IDS.has(id))) return 'fedora';
  return 'linux';
}

/** The machine's os-release text (the standard path, then the fallback the spec names), if any. */
export async function readOsRelease(): Promise<string | undefined> {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return await readFile(file, 'utf8');
    } catch {
      // Try the next location; a machine without either gets the generic texts.
    }
  }
  return undefined;
}

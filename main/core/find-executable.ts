import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** Windows' default when PATHEXT is unset, as cmd.exe uses it. */
const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/** Reads a variable; Windows names are case-insensitive (`Path` is as common as `PATH`). */
function readVariable(env: NodeJS.ProcessEnv, name: string, windows: boolean): string | undefined {
  if (!windows) return env[name];
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}

async function isRunnable(file: string, windows: boolean): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    if (!windows) await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a program on PATH the way a shell would, with the filesystem only, so the check can say
 * "not installed" without spawning anything. Relative PATH entries are skipped: they depend on
 * the folder the app was started from, not on what is installed. On Windows each PATHEXT
 * extension is tried, as cmd.exe does.
 */
export async function findExecutable(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const windows = platform === 'win32';
  const folders = (readVariable(env, 'PATH', windows) ?? '')
    .split(windows ? ';' : ':')
    .map((folder) => folder.trim().replace(/^"(.*)"$/, '$1'))
    .filter((folder) => folder !== '' && isAbsolute(folder));
  const extensions = windows
    ? (readVariable(env, 'PATHEXT', true) || DEFAULT_PATHEXT)
        .split(';')
        .map((extension) => extension.trim().toLowerCase())
        .filter((extension) => extension.startsWith('.'))
    : [''];
  const names =
    windows && extensions.some((extension) => name.toLowerCase().endsWith(extension)) ? [name] : [];
  names.push(...extensions.map((extension) => name + extension));
  for (const folder of folders) {
    for (const candidate of names) {
      const file = join(folder, candidate);
      if (await isRunnable(file, windows)) return file;
    }
  }
  return undefined;
}

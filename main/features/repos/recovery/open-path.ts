import { lstat, realpath } from 'node:fs/promises';
import { extname, relative, isAbsolute, sep } from 'node:path';
import { insideRepo } from './discard';
import { RecoveryError } from './errors';

// "Open in editor" and "Show in folder": only files of the repository (a symlink may not lead
// out of it), and never a program: opening a file "in the desktop's default manner" runs an
// .exe, a .bat or a .desktop file, and the repository may come from anyone. Such files can still
// be shown in the file manager.

/** Extensions the desktops run rather than open (Windows' PATHEXT and shortcuts, macOS apps, Linux launchers). */
const RUNS = new Set([
  '.exe',
  '.bat',
  '.cmd',
  '.com',
  '.msi',
  '.msp',
  '.ps1',
  '.vbs',
  '.vbe',
  '.js',
  '.jse',
  '.wsf',
  '.wsh',
  '.scr',
  '.pif',
  '.lnk',
  '.url',
  '.hta',
  '.cpl',
  '.jar',
  '.app',
  '.command',
  '.tool',
  '.workflow',
  '.desktop',
  '.sh',
  '.run',
  '.appimage',
]);

/** Whether the desktop would run this file instead of opening it. */
export function wouldRun(path: string, mode: number, platform: NodeJS.Platform = process.platform): boolean {
  // Windows goes by the extension alone; elsewhere an executable bit runs it too (macOS's
  // `open` starts an executable script in Terminal).
  return RUNS.has(extname(path).toLowerCase()) || (platform !== 'win32' && (mode & 0o111) !== 0);
}

const outside = (top: string, path: string): boolean => {
  const rel = relative(top, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
};

/** The full path to open or show for FILE (null: the repository folder), checked. */
export async function pathToOpen(
  top: string,
  file: string | null,
  how: 'editor' | 'folder',
): Promise<string> {
  if (file === null) return top;
  const full = insideRepo(top, file);
  const info = await lstat(full).catch(() => undefined);
  if (!info)
    throw new RecoveryError(
      'not_found',
      `"${file}" is not in the folder (it may have been deleted or renamed).`,
      'Refresh the list of changes.',
    );
  const [realTop, real] = await Promise.all([realpath(top), realpath(full).catch(() => full)]);
  if (outside(realTop, real))
    throw new RecoveryError(
      'not_allowed',
      `"${file}" is a link to a place outside this repository, which the app does not open.`,
      'Open the folder instead and look at the link there.',
    );
  if (how === 'editor' && (info.isDirectory() || wouldRun(real, (await lstat(real)).mode)))
    throw new RecoveryError(
      'not_allowed',
      info.isDirectory()
        ? `"${file}" is a folder.`
        : `"${file}" is a program or launcher: opening it would run it, so the app does not.`,
      'Use "Show in folder" to see it in your file manager.',
    );
  return full;
}

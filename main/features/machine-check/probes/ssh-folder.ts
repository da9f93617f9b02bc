import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fixFor } from '../fixes';
import { outcome, type ProbeContext, type ProbeOutcome } from '../probe';

/** `~/.ssh` when the app's home is the user's own, else the full path, so a fix can be pasted. */
function sshDirForCommands(context: ProbeContext, folder: string): string {
  const ownHome =
    context.platform === 'win32' ? (context.env.USERPROFILE ?? context.env.HOME) : context.env.HOME;
  if (ownHome === context.home) return context.platform === 'win32' ? '~\\.ssh' : '~/.ssh';
  return /\s/.test(folder) ? `"${folder}"` : folder;
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Private keys by OpenSSH's default names: id_ed25519, id_rsa, id_ecdsa... but not the .pub halves. */
function isPrivateKeyName(name: string): boolean {
  return name.startsWith('id_') && !name.endsWith('.pub');
}

/**
 * The SSH folder under the app's home, with the modes OpenSSH itself enforces on the client:
 * a private key others can read is skipped ("UNPROTECTED PRIVATE KEY FILE!"), a config file
 * others can write is refused ("Bad owner or permissions"). A folder others can open is flagged
 * too. Windows keeps permissions in ACLs, not mode bits, so only presence is checked there.
 * Filesystem only: no process.
 */
export async function probeSshFolder(context: ProbeContext): Promise<ProbeOutcome> {
  const folder = join(context.home, '.ssh');
  const info = await statOrUndefined(folder);
  const sshDir = sshDirForCommands(context, folder);
  if (info === undefined) {
    return outcome('ok', 'There is no SSH folder yet. It will be created when the app makes your key.', {
      detail: folder,
    });
  }
  if (!info.isDirectory()) {
    return outcome(
      'error',
      'There is a file where the SSH folder should be, so SSH keys cannot be kept there.',
      {
        detail: folder,
        fix: fixFor('ssh-folder-not-folder', context.os, { sshDir }),
      },
    );
  }
  if (context.platform === 'win32') return outcome('ok', 'The SSH folder exists.', { detail: folder });

  const problems: string[] = [];
  const fixes: string[] = [];
  if ((info.mode & 0o077) !== 0) {
    problems.push('Other people on this computer can open your SSH folder.');
    fixes.push(fixFor('ssh-folder-open', context.os, { sshDir }));
  }
  const names = await readdir(folder).catch(() => [] as string[]);
  const openKeys: string[] = [];
  for (const name of names.filter(isPrivateKeyName).sort()) {
    const key = await statOrUndefined(join(folder, name));
    if (key?.isFile() && (key.mode & 0o077) !== 0) openKeys.push(name);
  }
  if (openKeys.length > 0) {
    problems.push(
      `Other people on this computer can read your private ${openKeys.length === 1 ? 'key' : 'keys'} ${openKeys.join(', ')}, so SSH refuses to use ${openKeys.length === 1 ? 'it' : 'them'} ("UNPROTECTED PRIVATE KEY FILE").`,
    );
    fixes.push(fixFor('ssh-key-open', context.os, { sshDir, files: openKeys }));
  }
  const config = await statOrUndefined(join(folder, 'config'));
  if (config?.isFile() && (config.mode & 0o022) !== 0) {
    problems.push(
      'Other people on this computer can change your SSH settings file, so SSH refuses to read it.',
    );
    fixes.push(fixFor('ssh-config-open', context.os, { sshDir }));
  }
  if (problems.length === 0)
    return outcome('ok', 'The SSH folder exists and only you can open it.', { detail: folder });
  return outcome('warn', problems.join(' '), { detail: folder, fix: fixes.join('\n') });
}

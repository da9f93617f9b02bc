import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixFor } from '../../../../main/features/machine-check/check';
import { checkItem, makeKey, tempFolders } from './helpers';
import { POSIX_MODES } from '../../../support/platform';

const temp = tempFolders();
afterEach(temp.cleanup);

/** A home whose ~/.ssh has the given mode; the check runs with HOME = that home, so fixes say ~/.ssh. */
function homeWithSsh(mode: number): { home: string; ssh: string; env: NodeJS.ProcessEnv } {
  const home = temp.make('hfgd-mc-home-');
  const ssh = join(home, '.ssh');
  mkdirSync(ssh);
  chmodSync(ssh, mode);
  return { home, ssh, env: { PATH: process.env.PATH, HOME: home } };
}

// The mode checks need POSIX modes: on Windows chmod changes only read-only, and the probe skips
// modes there (the last test, with the platform injected).
const posixIt = it.skipIf(!POSIX_MODES);

describe('the ssh-folder probe', () => {
  it('is fine with no ~/.ssh yet: the app will create it', async () => {
    const home = temp.make();
    expect(await checkItem('ssh-folder', { home, env: { PATH: '' } })).toMatchObject({
      status: 'ok',
      summary: 'There is no SSH folder yet. It will be created when the app makes your key.',
      detail: join(home, '.ssh'),
    });
  });

  it('is an error when ~/.ssh is a file, with a fix that names the real path', async () => {
    const home = temp.make();
    writeFileSync(join(home, '.ssh'), 'oops');
    const item = await checkItem('ssh-folder', { home, env: { PATH: '', HOME: '/home/someone-else' } });
    expect(item).toMatchObject({
      status: 'error',
      summary: 'There is a file where the SSH folder should be, so SSH keys cannot be kept there.',
      fix: `Move the file out of the way so a folder can take its place. In a terminal:\nmv ${home}/.ssh ${home}/.ssh.old`,
    });
  });

  posixIt('is fine with a private folder, a 0600 key and a readable .pub', async () => {
    const { home, ssh, env } = homeWithSsh(0o700);
    makeKey(ssh, 'me');
    chmodSync(join(ssh, 'id_ed25519.pub'), 0o644);
    expect(await checkItem('ssh-folder', { home, env })).toEqual({
      id: 'ssh-folder',
      title: 'SSH folder',
      status: 'ok',
      summary: 'The SSH folder exists and only you can open it.',
      detail: ssh,
      durationMs: expect.any(Number),
    });
  });

  posixIt('warns about a folder others can open (0755), with chmod 700', async () => {
    const { home, env } = homeWithSsh(0o755);
    expect(await checkItem('ssh-folder', { home, env })).toMatchObject({
      status: 'warn',
      summary: 'Other people on this computer can open your SSH folder.',
      fix: 'Make the folder yours alone. In a terminal:\nchmod 700 ~/.ssh',
    });
  });

  posixIt('warns about a private key others can read (0644), which ssh itself ignores', async () => {
    const { home, ssh, env } = homeWithSsh(0o700);
    const key = makeKey(ssh, 'me');
    chmodSync(key, 0o644);
    // What the real OpenSSH says about this very file.
    expect(spawnSync('ssh-keygen', ['-y', '-f', key], { encoding: 'utf8' }).stderr).toContain(
      'UNPROTECTED PRIVATE KEY FILE',
    );
    expect(await checkItem('ssh-folder', { home, env })).toMatchObject({
      status: 'warn',
      summary:
        'Other people on this computer can read your private key id_ed25519, so SSH refuses to use it ("UNPROTECTED PRIVATE KEY FILE").',
      fix: 'Make the key files readable by you alone. In a terminal:\nchmod 600 ~/.ssh/id_ed25519',
    });
  });

  posixIt('lists every problem and every fix together', async () => {
    const { home, ssh, env } = homeWithSsh(0o775);
    writeFileSync(join(ssh, 'id_rsa'), 'key');
    chmodSync(join(ssh, 'id_rsa'), 0o640);
    writeFileSync(join(ssh, 'id_ecdsa'), 'key');
    chmodSync(join(ssh, 'id_ecdsa'), 0o604);
    writeFileSync(join(ssh, 'config'), 'Host hf.co\n');
    chmodSync(join(ssh, 'config'), 0o666);
    const item = await checkItem('ssh-folder', { home, env });
    expect(item.status).toBe('warn');
    expect(item.summary).toContain('private keys id_ecdsa, id_rsa, so SSH refuses to use them');
    expect(item.summary).toContain('can change your SSH settings file');
    expect(item.fix).toBe(
      [
        fixFor('ssh-folder-open', 'debian'),
        fixFor('ssh-key-open', 'debian', { files: ['id_ecdsa', 'id_rsa'] }),
        fixFor('ssh-config-open', 'debian'),
      ].join('\n'),
    );
    expect(item.fix).toContain('chmod 600 ~/.ssh/config');
  });

  posixIt('accepts a config others can read but not write (ssh does too)', async () => {
    const { home, ssh, env } = homeWithSsh(0o700);
    writeFileSync(join(ssh, 'config'), 'Host hf.co\n');
    chmodSync(join(ssh, 'config'), 0o644);
    expect((await checkItem('ssh-folder', { home, env })).status).toBe('ok');
  });

  it('skips mode bits on Windows, where permissions live in ACLs', async () => {
    const { home, env } = homeWithSsh(0o777);
    expect(await checkItem('ssh-folder', { home, env, platform: 'win32' })).toMatchObject({
      status: 'ok',
      summary: 'The SSH folder exists.',
    });
  });
});

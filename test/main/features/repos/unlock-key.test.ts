import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../../preload/contract';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { adviseUnlock } from '../../../../main/features/repos/outcome';
import { generateKey } from '../../../../main/features/ssh/generate-key';
import { identityFileValue } from '../../../../main/features/ssh/ssh-config';

// Issue 14, item 8: after a restart the app's key is still in ~/.ssh but no longer in the agent;
// an SSH refusal then offers to unlock it in place. Real keys (the app's own key maker), a real
// ssh-agent of the test's own, a temp HOME whose ~/.ssh/config names the key as configureSsh does.

const made: string[] = [];
const agents: ChildProcess[] = [];
afterEach(() => {
  for (const agent of agents.splice(0)) agent.kill();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A home whose ~/.ssh/config names `key` for the Hub's host, as configureSsh writes it. */
function homeWithKey(key: string): { readonly home: string; readonly settings: Settings } {
  const home = tempDir('hfgd-unlock-');
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  const settings = resolveSettings({ HFGD_HOME: home, HFGD_SSH_HOST: '127.0.0.1:2222' });
  writeFileSync(
    join(home, '.ssh', 'config'),
    `Host 127.0.0.1\n  HostName 127.0.0.1\n  Port 2222\n  User git\n  IdentityFile ${identityFileValue(settings, key)}\n  IdentitiesOnly yes\n`,
    { mode: 0o600 },
  );
  return { home, settings };
}

async function startAgent(): Promise<string> {
  const socket = join(tempDir('hfgd-ag-'), 'agent.sock');
  agents.push(spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH } }));
  await new Promise<void>((resolve) => {
    const poll = (): void => (existsSync(socket) ? resolve() : void setTimeout(poll, 10));
    poll();
  });
  return socket;
}

/** Adds a key with its passphrase through ssh-add's askpass (a script that prints it from a file). */
function sshAdd(socket: string, file: string, passphrase: string, dir: string): void {
  const secret = join(dir, 'secret');
  writeFileSync(secret, passphrase, { mode: 0o600 });
  const askpass = join(dir, 'askpass.sh');
  writeFileSync(askpass, `#!/bin/sh\ncat '${secret}'\n`, { mode: 0o700 });
  const added = spawnSync('ssh-add', ['-q', file], {
    env: {
      PATH: process.env.PATH,
      SSH_AUTH_SOCK: socket,
      SSH_ASKPASS: askpass,
      SSH_ASKPASS_REQUIRE: 'force',
      DISPLAY: ':0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (added.status !== 0) throw new Error(String(added.stderr));
}

const refused = (kind: Outcome['kind']): Outcome => ({
  kind,
  message: 'ssh had no key to offer the Hub.',
  fix: 'Check the key is loaded in the agent.',
  link: 'https://huggingface.co/settings/keys',
});

describe('adviseUnlock', () => {
  it('offers the app’s locked key when ssh had nothing to offer, and not once the key is in the agent', async () => {
    const passphrase = `unlock ${Math.random().toString(36).slice(2)}`;
    const { home, settings } = homeWithKey('hf_key');
    const key = await generateKey(home, { name: 'hf_key', comment: '', passphrase });
    const socket = await startAgent();
    const git = { home, env: { PATH: process.env.PATH }, sshAuthSock: socket };

    for (const kind of ['ssh_no_key', 'ssh_key_not_on_account', 'ssh_anonymous'] as const) {
      const advised = await adviseUnlock(refused(kind), settings, git);
      expect(advised.action, kind).toBe('unlock_key');
      expect(advised.files).toEqual(['hf_key']);
      expect(advised.kind).toBe(kind);
      expect(advised.fix).toMatch(/passphrase of hf_key/);
      expect(advised.link).toBeUndefined();
    }
    // No agent at all (the app's own died with the last run): still the key to unlock.
    const noAgent = await adviseUnlock(refused('ssh_no_key'), settings, {
      home,
      env: { PATH: process.env.PATH },
    });
    expect(noAgent.action).toBe('unlock_key');

    sshAdd(socket, key.privatePath, passphrase, tempDir('hfgd-askpass-'));
    const loaded = await adviseUnlock(refused('ssh_key_not_on_account'), settings, git);
    expect(loaded).toEqual(refused('ssh_key_not_on_account'));
  });

  it('keeps the failure table’s answer for other kinds, an unprotected key, or no key of the app', async () => {
    const { home, settings } = homeWithKey('hf_plain');
    const socket = await startAgent();
    const git = { home, env: { PATH: process.env.PATH }, sshAuthSock: socket };
    // The config names a key that is not there.
    expect(await adviseUnlock(refused('ssh_no_key'), settings, git)).toEqual(refused('ssh_no_key'));

    await generateKey(home, { name: 'hf_plain', comment: '', passphrase: null });
    // ssh reads a key without a passphrase itself: nothing to unlock.
    expect(await adviseUnlock(refused('ssh_no_key'), settings, git)).toEqual(refused('ssh_no_key'));

    const notSsh = refused('ssh_host_key_unknown');
    expect(await adviseUnlock(notSsh, settings, git)).toEqual(notSsh);
  });
});

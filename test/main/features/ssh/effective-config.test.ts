import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, disposeSession } from '../../../../main/core/session';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { sshHomeArgs } from '../../../../main/core/ssh-home';
import { checkEffectiveConfig } from '../../../../main/features/ssh/effective-config';
import { sshHandlers } from '../../../../main/features/ssh/handlers';
import { configureSsh, SshConfigConflictError } from '../../../../main/features/ssh/ssh-config';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';

// Issue 16, item 8: after writing the Hub's block the app asks the real `ssh -G` where ssh would
// go, and says "done" only when the host name, port, user and first key are the block's. Each
// layout below once ended in "changed: true" while ssh went elsewhere; the line that wins is named.

let home: string;
let settings: Settings;
const ssh = () => join(home, '.ssh');
const config = () => join(ssh(), 'config');
const key = () => join(ssh(), 'id_hub');
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd effective ø-'));
  mkdirSync(ssh(), { mode: 0o700 });
  settings = resolveSettings({ HFGD_HOME: home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** The app's block as configureSsh writes it for key id_hub, to place it where a user moved it. */
const appBlock = () =>
  `Host hf.co\n  User git\n  IdentityFile "${key()}"\n  IdentitiesOnly yes\n  AddKeysToAgent yes\n`;

/** What OpenSSH itself says, for the test's own cross-check. */
function sshG(): Record<string, string> {
  const out = spawnSync('ssh', ['-G', ...sshHomeArgs(home), 'hf.co'], { encoding: 'utf8' }).stdout;
  const values: Record<string, string> = {};
  for (const line of out.split('\n').reverse()) {
    const [name, ...rest] = line.split(' ');
    if (name) values[name] = rest.join(' ');
  }
  return values;
}

async function refusal(): Promise<SshConfigConflictError> {
  const error = await configureSsh(settings, 'id_hub', 'linux').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SshConfigConflictError);
  return error as SshConfigConflictError;
}

describe('ssh -G agrees with the block, or the app says which line wins', () => {
  it('clean: no config at all', async () => {
    const result = await configureSsh(settings, 'id_hub', 'linux');
    expect(result.changed).toBe(true);
    expect(sshG()).toMatchObject({ hostname: 'hf.co', port: '22', user: 'git' });
  });

  it('clean: other hosts, and Host * after the block', async () => {
    writeFileSync(
      config(),
      'Host github.com\n  User me\n\nHost *\n  User root\n  IdentityFile /tmp/other-key\n',
    );
    await expect(configureSsh(settings, 'id_hub', 'linux')).resolves.toMatchObject({ changed: true });
  });

  it('clean: a negated Host * !hf.co above the block does not count', async () => {
    writeFileSync(config(), `Host * !hf.co\n  User root\n  Port 2200\n${appBlock()}`);
    await expect(configureSsh(settings, 'id_hub', 'linux')).resolves.toMatchObject({ changed: false });
  });

  it('clean: a Match whose exec fails does not count', async () => {
    writeFileSync(config(), `Match host hf.co exec "false"\n  User root\n${appBlock()}`);
    await expect(configureSsh(settings, 'id_hub', 'linux')).resolves.toMatchObject({ changed: false });
  });

  it('an Include holding Host hf.co with a HostName', async () => {
    const work = join(home, 'work.conf');
    writeFileSync(work, '# work laptop\nHost hf.co\n  HostName hf-mirror.example.com\n');
    writeFileSync(config(), `Include "${work}"\n\nHost github.com\n  User git\n`);
    const error = await refusal();
    expect(sshG().hostname).toBe('hf-mirror.example.com');
    expect(error.check).toMatchObject({
      kind: 'overridden',
      conflicts: [
        {
          option: 'hostname',
          effective: 'hf-mirror.example.com',
          wanted: 'hf.co',
          winner: { file: work, line: 3, text: 'HostName hf-mirror.example.com' },
        },
      ],
    });
    expect(error.message).toContain(`${work} line 3 ("HostName hf-mirror.example.com")`);
    expect(error.message).toContain('ssh would connect to hf-mirror.example.com instead of hf.co');
    // The block itself is written (it is right); only "done" is refused.
    expect(readFileSync(config(), 'utf8')).toContain('Host hf.co\n  User git\n');
  });

  it('Host hf.co huggingface.co with a HostName', async () => {
    writeFileSync(config(), 'Host hf.co huggingface.co\n  HostName huggingface.co\n  User git\n');
    const error = await refusal();
    const lines = readFileSync(config(), 'utf8').split('\n');
    const line = lines.indexOf('  HostName huggingface.co') + 1;
    expect(error.check).toMatchObject({
      conflicts: [{ option: 'hostname', effective: 'huggingface.co', winner: { file: config(), line } }],
    });
  });

  it('Match host hf.co with a Port', async () => {
    writeFileSync(config(), 'Match host hf.co\n  Port 2222\n');
    const error = await refusal();
    const line = readFileSync(config(), 'utf8').split('\n').indexOf('  Port 2222') + 1;
    expect(sshG().port).toBe('2222');
    expect(error.check).toMatchObject({
      conflicts: [
        {
          option: 'port',
          effective: '2222',
          wanted: '22',
          winner: { file: config(), line, text: 'Port 2222' },
        },
      ],
    });
    expect(error.message).toContain('ssh would use port 2222 instead of 22');
  });

  it('a global Port before any Host', async () => {
    writeFileSync(config(), 'ServerAliveInterval 30\nPort=2200\n\nHost github.com\n  User git\n');
    const error = await refusal();
    expect(error.check).toMatchObject({
      conflicts: [
        { option: 'port', effective: '2200', winner: { file: config(), line: 2, text: 'Port=2200' } },
      ],
    });
  });

  it('Host * before the app’s block, with a User and an IdentityFile', async () => {
    writeFileSync(config(), `Host *\n  User root\n  IdentityFile /tmp/someone-elses-key\n\n${appBlock()}`);
    const error = await refusal();
    expect(error.check).toMatchObject({
      conflicts: [
        { option: 'user', effective: 'root', wanted: 'git', winner: { line: 2, text: 'User root' } },
        {
          option: 'identityfile',
          effective: '/tmp/someone-elses-key',
          wanted: key(),
          winner: { line: 3, text: 'IdentityFile /tmp/someone-elses-key' },
        },
      ],
    });
    expect(error.message).toContain('ssh would log in as "root" instead of "git"');
    expect(error.message).toContain('ssh would offer the key /tmp/someone-elses-key before yours');
  });

  it('an Include inside Host * above the block (the included file belongs to that block)', async () => {
    const extra = join(home, 'extra.conf');
    writeFileSync(extra, 'User admin\nHost nothing.example\n  User x\n');
    writeFileSync(config(), `Host *\n  Include "${extra}"\n${appBlock()}`);
    const error = await refusal();
    expect(error.check).toMatchObject({
      conflicts: [{ option: 'user', effective: 'admin', winner: { file: extra, line: 1 } }],
    });
  });

  it('a Match all before the app’s block', async () => {
    writeFileSync(config(), `Match all\n  User deploy\n${appBlock()}`);
    const error = await refusal();
    expect(error.check).toMatchObject({ conflicts: [{ option: 'user', winner: { line: 2 } }] });
  });

  it('the Hub on another port, and a global Port 22 first', async () => {
    settings = resolveSettings({ HFGD_HOME: home, HFGD_SSH_PORT: '2222' });
    writeFileSync(config(), 'Port 22\n');
    const error = await refusal();
    expect(error.check).toMatchObject({
      conflicts: [{ option: 'port', effective: '22', wanted: '2222', winner: { line: 1 } }],
    });
  });

  it('a line ssh refuses: nothing would connect, and ssh’s words say where', async () => {
    writeFileSync(config(), 'Host github.com\n  Bogusoption yes\n');
    const error = await refusal();
    expect(error.check.kind).toBe('unreadable');
    const line = readFileSync(config(), 'utf8').split('\n').indexOf('  Bogusoption yes') + 1;
    expect(error.message).toContain(`${config()}: line ${line}: Bad configuration option: bogusoption`);
  });

  it('an unchanged block is checked too: "already had it" is no excuse', async () => {
    writeFileSync(config(), `Port 2200\n${appBlock()}`);
    const error = await refusal();
    expect(error.check).toMatchObject({ conflicts: [{ option: 'port', winner: { line: 1 } }] });
    expect(readdirSync(ssh()).filter((name) => name.includes('hfgd-backup'))).toEqual([]);
  });

  it('checkEffectiveConfig without ssh on PATH cannot check, and says so', async () => {
    const wanted = { hostname: 'hf.co', port: 22, user: 'git', identityFile: key() };
    expect(await checkEffectiveConfig(settings, wanted, { PATH: join(home, 'empty') })).toEqual({
      kind: 'unchecked',
    });
  });
});

describe('the configureSsh handler', () => {
  it('answers a clear failure with the winning line, not "done"', async () => {
    const work = join(home, 'work.conf');
    writeFileSync(work, 'Host hf.co\n  IdentityFile ~/.ssh/work_key\n');
    writeFileSync(config(), `Include "${work}"\n`);
    const context: HandlerContext = {
      settings,
      env: process.env,
      session: createSession({}),
      emit: () => undefined,
      openExternal: async () => undefined,
    };
    const table = sshHandlers() as unknown as HandlerTable;
    const result = await dispatch(table, 'configureSsh', { name: 'id_hub' }, context);
    disposeSession(context.session);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'ssh_config_overridden',
        message: expect.stringContaining(`${work} line 2 ("IdentityFile ~/.ssh/work_key")`),
        hint: expect.stringContaining('move the app\'s "Host hf.co" block above it'),
        details: expect.stringContaining('identityfile ~/.ssh/work_key'),
      },
    });
  });
});

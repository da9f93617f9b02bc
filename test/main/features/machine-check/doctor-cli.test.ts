import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineReport } from '../../../../preload/contract';
import { detectOs, fixFor } from '../../../../main/features/machine-check/check';
import { runDoctor } from '../../../support/doctor';
import { tempFolders } from './helpers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const temp = tempFolders();
afterEach(temp.cleanup);

function thisMachinesOs(): ReturnType<typeof detectOs> {
  let text: string | undefined;
  try {
    text = readFileSync('/etc/os-release', 'utf8');
  } catch {
    text = undefined;
  }
  return detectOs(process.platform, text);
}

describe('npm run doctor', () => {
  it('--json prints exactly one JSON object: app, settings and the machine report', async () => {
    const home = temp.make('hfgd-doctor-');
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Ada\n\temail = ada@example.com\n');
    const result = await runDoctor(['--json'], {
      PATH: process.env.PATH,
      HFGD_HOME: home,
      // Port 1 on loopback is closed: the SSH section's verdict is then certain (refused).
      HFGD_SSH_HOST: '127.0.0.1:1',
    });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      app: { version: string };
      settings: Record<string, unknown>;
      machine: MachineReport;
      ssh: { kind: string };
    };
    expect(Object.keys(parsed)).toEqual(['app', 'settings', 'machine', 'ssh', 'https']);
    expect(parsed.ssh.kind).toBe('refused');
    expect(parsed.app).toEqual({ version: VERSION });
    expect(parsed.settings).toEqual({
      hubEndpoint: 'https://huggingface.co',
      sshHost: '127.0.0.1',
      sshPort: 1,
    });
    expect(parsed.machine.os).toBe(thisMachinesOs());
    expect(parsed.machine.items.map((item) => item.id)).toEqual([
      'ssh',
      'ssh-keygen',
      'ssh-add',
      'git',
      'git-lfs',
      'git-xet',
      'ssh-agent',
      'ssh-folder',
      'git-identity',
    ]);
    expect(parsed.machine.items.find((item) => item.id === 'ssh-folder')?.detail).toBe(join(home, '.ssh'));
    expect(parsed.machine.items.some((item) => item.status === 'error')).toBe(false);
  });

  it('prints a readable report with the fix, without colours in a pipe, and exits 1 when something blocks', async () => {
    const home = temp.make('hfgd-doctor-');
    const result = await runDoctor([], { PATH: temp.make('hfgd-doctor-path-'), HFGD_HOME: home });
    expect(result.code).toBe(1);
    const os = thisMachinesOs();
    const [first, ...rest] = fixFor('git-missing', os).split('\n');
    expect(result.stdout).toContain(
      [
        '✗ Git: Git is not installed, so the app cannot download or upload your repositories.',
        `    Fix: ${first}`,
        ...rest.map((line) => `         ${line}`),
      ].join('\n'),
    );
    expect(result.stdout).toContain(`HF Git Desktop ${VERSION} doctor`);
    expect(result.stdout).toContain(
      'Something blocks: follow the fix under each ✗, then run the doctor again.',
    );
    expect(result.stdout).not.toContain('\u001b[');
    expect(() => JSON.parse(result.stdout)).toThrow();
  });

  it('exits 2 with the message when a setting is wrong', async () => {
    const result = await runDoctor(['--json'], { PATH: process.env.PATH, HFGD_HOME: 'relative/home' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('HFGD_HOME must be an absolute path: relative/home');
  });

  it('exits 2 on an unknown option', async () => {
    const result = await runDoctor(['--jsno'], { PATH: process.env.PATH, HFGD_HOME: temp.make() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown option: --jsno');
  });
});

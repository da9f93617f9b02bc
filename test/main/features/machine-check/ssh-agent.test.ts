import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFor, runMachineCheck } from '../../../../main/features/machine-check/check';
import { OWN_AGENT } from '../../../../main/features/machine-check/probes/ssh-agent';
import { checkItem, DEBIAN_OS_RELEASE, makeKey, startAgent, tempFolders, writeScript } from './helpers';

const REAL_PATH = process.env.PATH ?? '';
const COMMENT = 'private-comment-ada@example.org';
const temp = tempFolders();
let agent: Awaited<ReturnType<typeof startAgent>>;
let home: string;

beforeAll(async () => {
  const folder = temp.make('hfgd-mc-agent-');
  home = temp.make('hfgd-mc-home-');
  agent = await startAgent(folder);
});

afterAll(async () => {
  await agent.stop();
  temp.cleanup();
});

describe('the ssh-agent probe', () => {
  it('says the app starts its own agent when SSH_AUTH_SOCK is unset, with no terminal fix', async () => {
    const item = await checkItem('ssh-agent', { home, env: { PATH: REAL_PATH } });
    expect(item).toMatchObject({ status: 'ok', summary: OWN_AGENT });
    expect(item.fix).toBeUndefined();
  });

  it('says a running agent is empty (ssh-add -l exits 1)', async () => {
    expect(
      await checkItem('ssh-agent', { home, env: { PATH: REAL_PATH, SSH_AUTH_SOCK: agent.socket } }),
    ).toEqual({
      id: 'ssh-agent',
      title: 'SSH agent',
      status: 'ok',
      summary: 'The SSH agent is running. No keys are loaded in it yet.',
      detail: `SSH_AUTH_SOCK=${agent.socket}`,
      durationMs: expect.any(Number),
    });
  });

  it('counts the loaded keys (exit 0) and never repeats their comments', async () => {
    const key = makeKey(temp.make('hfgd-mc-key-'), COMMENT);
    execFileSync('ssh-add', [key], {
      env: { PATH: REAL_PATH, SSH_AUTH_SOCK: agent.socket },
      stdio: 'ignore',
    });
    const env = { PATH: REAL_PATH, SSH_AUTH_SOCK: agent.socket };
    const report = await runMachineCheck({ home, env, osRelease: DEBIAN_OS_RELEASE });
    expect(report.items.find((item) => item.id === 'ssh-agent')).toMatchObject({
      status: 'ok',
      summary: 'The SSH agent is running with 1 key loaded.',
    });
    const fingerprint = execFileSync('ssh-keygen', ['-lf', `${key}.pub`], { encoding: 'utf8' }).split(
      ' ',
    )[1]!;
    expect(JSON.stringify(report)).not.toContain(COMMENT);
    expect(JSON.stringify(report)).not.toContain(fingerprint);

    const second = makeKey(temp.make('hfgd-mc-key-'), 'second');
    execFileSync('ssh-add', [second], { env, stdio: 'ignore' });
    expect((await checkItem('ssh-agent', { home, env })).summary).toBe(
      'The SSH agent is running with 2 keys loaded.',
    );
  });

  it('says the app starts its own when SSH_AUTH_SOCK points at nothing (exit 2)', async () => {
    const socket = join(temp.make(), 'gone.sock');
    const item = await checkItem('ssh-agent', { home, env: { PATH: REAL_PATH, SSH_AUTH_SOCK: socket } });
    expect(item).toMatchObject({
      status: 'ok',
      summary: `The agent this session names does not answer (often after a restart). ${OWN_AGENT}`,
    });
    expect(item.fix).toBeUndefined();
    expect(item.detail).toContain(`SSH_AUTH_SOCK=${socket}`);
    expect(item.detail).toContain('Error connecting to agent');
  });

  it('on Windows asks ssh-add even without SSH_AUTH_SOCK, and names the agent service', async () => {
    // A stand-in for ssh-add.exe that runs the real one, so the Windows branch runs here.
    const bin = temp.make('hfgd-mc-win-');
    writeScript(bin, 'ssh-add.exe', 'exec /usr/bin/ssh-add "$@"');
    const item = await checkItem('ssh-agent', {
      home,
      env: { PATH: bin, PATHEXT: '.EXE' },
      platform: 'win32',
    });
    expect(item).toMatchObject({
      status: 'warn',
      summary: 'The app cannot reach the SSH agent: the OpenSSH Authentication Agent service is not running.',
      fix: fixFor('agent-unreachable', 'windows'),
    });
    expect(item.fix).toContain('Start-Service ssh-agent');
  });

  it('says it cannot check the agent when ssh-add is missing', async () => {
    expect(
      await checkItem('ssh-agent', { home, env: { PATH: temp.make(), SSH_AUTH_SOCK: agent.socket } }),
    ).toMatchObject({
      status: 'warn',
      summary: 'The SSH agent cannot be checked because ssh-add is not installed.',
      fix: fixFor('openssh-missing', 'debian'),
    });
  });
});
